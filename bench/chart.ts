/**
 * The results as a picture: horizontal bars of req/s per load row (log scale, since the auth row is
 * ~100× the store), p99 written next to each bar, and the Lambda bundles' cold starts below.
 * Drawn as SVG and rendered to PNG with resvg (no browser, no canvas dependency).
 */
import { writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { BenchResults } from './results';

const WIDTH = 1080;
const LABEL_WIDTH = 330;
const BAR_AREA = WIDTH - LABEL_WIDTH - 260;
const ROW_HEIGHT = 34;
const FONT = 'DejaVu Sans, Arial, sans-serif';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (value: number) => Math.round(value).toLocaleString('en-US');

function text(x: number, y: number, content: string, attrs = ''): string {
  const size = attrs.includes('font-size') ? '' : ' font-size="14"';
  return `<text x="${x}" y="${y}" font-family="${FONT}"${size} ${attrs}>${escape(content)}</text>`;
}

export function renderChartSvg(results: BenchResults): string {
  const parts: string[] = [];
  let y = 40;
  parts.push(text(20, y, `Chariot bench: requests/s per row (log scale), p99 annotated`, 'font-size="18" font-weight="bold"'));
  y += 22;
  parts.push(
    text(
      20,
      y,
      `${results.startedAt.slice(0, 10)}, ${results.machine.cpus} cores, node ${results.machine.node}, ` +
        `${results.settings.connections} connections, ${results.settings.durationSeconds} s/row${results.smoke ? ' (SMOKE RUN)' : ''}`,
      'fill="#555"',
    ),
  );
  const load = results.machine.loadAverage;
  if (Math.max(load.atStart, load.atEnd) > results.machine.cpus / 2) {
    y += 20;
    parts.push(text(20, y, `busy machine (load average ${load.atStart} → ${load.atEnd}): not comparable with a quiet run`, 'fill="#c0392b"'));
  }
  y += 20;

  const measured = results.rows.flatMap((row) => (row.figures ? [row.figures.requestsPerSecond] : []));
  const maxLog = Math.log10(Math.max(10, ...measured) * 2);
  const x0 = LABEL_WIDTH;
  const scale = (rps: number) => (Math.log10(Math.max(1, rps)) / maxLog) * BAR_AREA;

  // Grid lines at powers of ten.
  const gridTop = y + 8;
  const gridBottom = gridTop + results.rows.length * ROW_HEIGHT;
  for (let power = 1; 10 ** power <= 10 ** maxLog; power++) {
    const x = x0 + scale(10 ** power);
    parts.push(`<line x1="${x}" y1="${gridTop}" x2="${x}" y2="${gridBottom}" stroke="#ddd"/>`);
    parts.push(text(x - 20, gridBottom + 16, fmt(10 ** power), 'font-size="11" fill="#777"'));
  }
  // The 1000 req/s service target.
  const targetX = x0 + scale(1000);
  parts.push(`<line x1="${targetX}" y1="${gridTop}" x2="${targetX}" y2="${gridBottom}" stroke="#c0392b" stroke-dasharray="4 3"/>`);

  results.rows.forEach((row, i) => {
    const top = gridTop + i * ROW_HEIGHT + 6;
    parts.push(text(20, top + 16, `${row.number}. ${row.title}`));
    if (!row.figures) {
      parts.push(text(x0 + 6, top + 16, `unavailable: ${row.reason ?? ''}`.slice(0, 80), 'fill="#999" font-style="italic"'));
      return;
    }
    const met = row.targets.length === 0 ? undefined : row.targets.every((t) => t.met);
    const color = row.id === 'ceiling' ? '#7f8c8d' : met === undefined ? '#2c7fb8' : met ? '#27ae60' : '#e67e22';
    const width = Math.max(2, scale(row.figures.requestsPerSecond));
    parts.push(`<rect x="${x0}" y="${top}" width="${width}" height="22" fill="${color}"/>`);
    const unit = row.id === 'auth' ? 'checks/s' : 'req/s';
    parts.push(text(x0 + width + 6, top + 16, `${fmt(row.figures.requestsPerSecond)} ${unit} · p99 ${row.figures.p99Ms.toFixed(row.figures.p99Ms < 1 ? 2 : 1)} ms`));
  });
  y = gridBottom + 40;
  parts.push(text(20, y, 'green: targets met · orange: a target not met · grey: ceiling · blue: no target · red dashes: 1,000 req/s', 'font-size="12" fill="#555"'));

  // CPU per request: what one vCPU can serve, whatever the store and the neighbours do.
  y += 34;
  parts.push(text(20, y, 'CPU time of the serving process per request (ms; dashes: 1.0 ms = 1,000 req/s per vCPU)', 'font-size="16" font-weight="bold"'));
  y += 10;
  const withCpu = results.rows.filter((row) => row.figures?.cpuMsPerRequest !== undefined);
  const maxCpu = Math.max(1.5, ...withCpu.map((row) => row.figures!.cpuMsPerRequest!)) * 1.1;
  const cpuScale = (value: number) => (value / maxCpu) * BAR_AREA;
  const cpuTop = y;
  withCpu.forEach((row, i) => {
    const top = cpuTop + i * 26 + 4;
    const cpu = row.figures!.cpuMsPerRequest!;
    const capped = row.targets.find((t) => t.name.startsWith('CPU'));
    const color = capped === undefined ? '#2c7fb8' : capped.met ? '#27ae60' : '#e67e22';
    parts.push(text(20, top + 14, `${row.number}. ${row.title}`));
    parts.push(`<rect x="${x0}" y="${top}" width="${Math.max(2, cpuScale(cpu))}" height="18" fill="${color}"/>`);
    const perVcpu = row.figures!.requestsPerSecondPerVcpu;
    parts.push(text(x0 + cpuScale(cpu) + 6, top + 14, `${cpu.toFixed(2)} ms${perVcpu ? ` · ${fmt(perVcpu)} req/s per vCPU` : ''}`));
  });
  const cpuBottom = cpuTop + withCpu.length * 26 + 6;
  const oneMsX = x0 + cpuScale(1);
  parts.push(`<line x1="${oneMsX}" y1="${cpuTop}" x2="${oneMsX}" y2="${cpuBottom}" stroke="#c0392b" stroke-dasharray="4 3"/>`);
  y = cpuBottom + 10;

  // Cold starts: bars in ms against the 150 ms target.
  y += 34;
  parts.push(text(20, y, `7. Lambda cold-start proxy (median of ${results.settings.coldStartSamples}; bundle size)`, 'font-size="16" font-weight="bold"'));
  y += 10;
  const groups = results.coldStart.groups;
  if (results.coldStart.status !== 'ok' || groups.length === 0) {
    parts.push(text(20, y + 20, `unavailable: ${results.coldStart.reason ?? 'no groups'}`, 'fill="#999" font-style="italic"'));
    y += 40;
  } else {
    const maxMs = Math.max(200, ...groups.map((g) => g.medianMs ?? 0)) * 1.1;
    const msScale = (value: number) => (value / maxMs) * BAR_AREA;
    const top0 = y;
    groups.forEach((group, i) => {
      const top = top0 + i * 26 + 4;
      parts.push(text(20, top + 14, group.group));
      if (group.status !== 'ok' || group.medianMs === undefined) {
        parts.push(text(x0 + 6, top + 14, `unavailable: ${group.reason ?? ''}`.slice(0, 80), 'fill="#999" font-style="italic"'));
        return;
      }
      const met = group.targets.every((t) => t.met);
      parts.push(`<rect x="${x0}" y="${top}" width="${Math.max(2, msScale(group.medianMs))}" height="18" fill="${met ? '#27ae60' : '#e67e22'}"/>`);
      const kb = group.bundleBytes === undefined ? '' : ` · ${(group.bundleBytes / 1000).toFixed(0)} KB`;
      parts.push(text(x0 + msScale(group.medianMs) + 6, top + 14, `${group.medianMs.toFixed(0)} ms${kb} · HTTP ${group.answerStatus}`));
    });
    const bottom = top0 + groups.length * 26 + 6;
    const limitX = x0 + msScale(150);
    parts.push(`<line x1="${limitX}" y1="${top0}" x2="${limitX}" y2="${bottom}" stroke="#c0392b" stroke-dasharray="4 3"/>`);
    parts.push(text(limitX - 22, bottom + 16, '150 ms', 'font-size="11" fill="#c0392b"'));
    y = bottom + 30;
  }
  const height = y + 10;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    `<rect width="100%" height="100%" fill="white"/>${parts.join('')}</svg>`
  );
}

export function writeChartPng(results: BenchResults, path: string): void {
  const png = new Resvg(renderChartSvg(results), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  writeFileSync(path, png);
}
