/** Targets of issues 7 and 16, ratios between rows, and the printed table. */
import type { BenchResults, ColdStartGroup, LoadRow, TargetCheck } from './results';

export const TARGETS = {
  minRequestsPerSecond: 1000,
  maxP99Ms: 50,
  minShareOfStore: 0.8,
  minAuthChecksPerSecond: 50_000,
  maxBundleBytes: 500_000,
  maxColdStartMs: 150,
  /** Issue 16: CPU of the serving process per request (≥ 1,000 requests/s per vCPU). */
  maxCpuMsPerRequest: 1.0,
} as const;

/** Rows issue 16 sets the CPU target for: a 100-item page on both runtimes, and a merge. */
const CPU_TARGET_ROWS = new Set(['hono', 'lambda-handler', 'hono-put']);

/** Rows whose throughput the store bounds: compared with row 5 as well as with the ceiling. */
const STORE_BOUND = new Set(['hono', 'lambda-gateway', 'gateway-hono']);
/** Rows the issue sets service targets for. */
const SERVICE_TARGET_ROWS = new Set(['hono', 'gateway-hono']);

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (value: number) => (value < 10 ? fmt(value, 2) : fmt(value, 1));

/** Fills in ratios and target checks once every row has run. */
export function assess(rows: LoadRow[]): LoadRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ceiling = byId.get('ceiling')?.figures?.requestsPerSecond;
  const store = byId.get('store')?.figures?.requestsPerSecond;
  return rows.map((row) => {
    if (!row.figures) return row;
    const { requestsPerSecond: rps, p99Ms } = row.figures;
    const ratioToCeiling = ceiling && row.id !== 'ceiling' && row.id !== 'auth' ? rps / ceiling : undefined;
    const ratioToStore = store && STORE_BOUND.has(row.id) ? rps / store : undefined;
    const targets: TargetCheck[] = [];
    if (SERVICE_TARGET_ROWS.has(row.id)) {
      targets.push({ name: `req/s >= ${TARGETS.minRequestsPerSecond}`, met: rps >= TARGETS.minRequestsPerSecond, actual: fmt(rps) });
      targets.push({ name: `p99 < ${TARGETS.maxP99Ms} ms`, met: p99Ms < TARGETS.maxP99Ms, actual: `${ms(p99Ms)} ms` });
      targets.push(
        ratioToStore === undefined
          ? { name: `>= ${TARGETS.minShareOfStore * 100}% of store`, met: false, actual: 'store row unavailable' }
          : { name: `>= ${TARGETS.minShareOfStore * 100}% of store`, met: ratioToStore >= TARGETS.minShareOfStore, actual: `${fmt(ratioToStore * 100)}%` },
      );
    }
    if (CPU_TARGET_ROWS.has(row.id)) {
      const cpu = row.figures.cpuMsPerRequest;
      targets.push({
        name: `CPU <= ${fmt(TARGETS.maxCpuMsPerRequest, 1)} ms/req`,
        met: cpu !== undefined && cpu <= TARGETS.maxCpuMsPerRequest,
        actual: cpu === undefined ? 'not measurable here' : `${fmt(cpu, 2)} ms`,
      });
    }
    if (row.id === 'auth') {
      targets.push({ name: `checks/s >= ${fmt(TARGETS.minAuthChecksPerSecond)}`, met: rps >= TARGETS.minAuthChecksPerSecond, actual: fmt(rps) });
    }
    return { ...row, ratioToCeiling, ratioToStore, targets };
  });
}

const targetText = (targets: TargetCheck[]) => targets.map((t) => `${t.met ? 'MET' : 'NOT MET'} ${t.name} (${t.actual})`).join('; ');

function table(header: string[], lines: string[][], rightAligned: Set<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const render = (cells: string[]) =>
    cells.map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(render)].join('\n');
}

function coldStartLine(group: ColdStartGroup): string[] {
  const kb = group.bundleBytes === undefined ? '-' : fmt(group.bundleBytes / 1000, 1);
  if (group.status !== 'ok') return [group.group, kb, '-', '-', '-', `unavailable: ${group.reason}`];
  return [
    group.group,
    kb,
    ms(group.medianMs!),
    ms(group.medianLoadMs!),
    ms(group.medianFirstInvokeMs!),
    `${group.route} → ${group.answerStatus}; ${targetText(group.targets)}`,
  ];
}

export function renderReport(results: BenchResults): string {
  const { machine, settings } = results;
  const out: string[] = [];
  out.push(
    `Chariot bench ${results.startedAt}${results.smoke ? ' (SMOKE: figures are not meaningful)' : ''}`,
    `${machine.cpus} × ${machine.cpuModel}, ${fmt(machine.memoryGiB, 0)} GiB, node ${machine.node}, ` +
      `load average ${machine.loadAverage.atStart} → ${machine.loadAverage.atEnd}; ` +
      `${settings.connections} connections, ${settings.durationSeconds} s per row after ${settings.warmupSeconds} s warm-up, ` +
      `${settings.assets} assets, load generator: ${settings.loadGenerator}`,
    '',
  );
  if (Math.max(machine.loadAverage.atStart, machine.loadAverage.atEnd) > machine.cpus / 2) {
    out.push(`WARNING: the machine was busy (load average above ${machine.cpus / 2}): these figures are not comparable with a quiet run.`, '');
  }
  const lines = results.rows.map((row) => {
    if (!row.figures) return [String(row.number), row.title, '-', '-', '-', '-', '-', '-', '-', '-', `${row.status}: ${row.reason}`];
    const f = row.figures;
    const optional = (value: number | undefined, digits: number) => (value === undefined ? '-' : fmt(value, digits));
    return [
      String(row.number),
      row.title,
      fmt(f.requestsPerSecond),
      ms(f.p50Ms),
      ms(f.p99Ms),
      optional(f.cpuMsPerRequest, 3),
      optional(f.requestsPerSecondPerVcpu, 0),
      optional(f.storeCpuMsPerRequest, 2),
      row.ratioToCeiling === undefined ? '-' : fmt(row.ratioToCeiling, 2),
      row.ratioToStore === undefined ? '-' : fmt(row.ratioToStore, 2),
      [targetText(row.targets), f.errors ? `${f.errors} errors` : ''].filter(Boolean).join('; '),
    ];
  });
  out.push(
    table(
      ['#', 'row', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'req/s/vCPU', 'store CPU ms', 'vs ceiling', 'vs store', 'targets'],
      lines,
      new Set([2, 3, 4, 5, 6, 7, 8, 9]),
    ),
    'CPU ms/req: CPU time of the serving process over the measured window per request (row notes say which process); ' +
      'req/s/vCPU = 1000 / that; store CPU ms: DynamoDB Local\u2019s over the same window.',
  );
  out.push('', `7  Lambda cold-start proxy (median of ${settings.coldStartSamples} fresh node processes; spawn → first answer)`);
  if (results.coldStart.status !== 'ok') out.push(`   unavailable: ${results.coldStart.reason}`);
  else {
    out.push(
      table(
        ['group', 'bundle KB', 'cold ms', 'load ms', '1st call ms', 'route / targets'],
        results.coldStart.groups.map(coldStartLine),
        new Set([1, 2, 3, 4]),
      ),
    );
    const biggest = [...results.coldStart.groups].sort((a, b) => (b.bundleBytes ?? 0) - (a.bundleBytes ?? 0))[0];
    if (biggest?.largestInputs?.length) {
      const parts = biggest.largestInputs.map((input) => `${input.name} ${fmt(input.bytes / 1000, 0)} KB`).join(', ');
      out.push(`largest bundle (${biggest.group}) holds: ${parts}`);
    }
  }
  out.push('', `wall time ${fmt(results.wallSeconds, 1)} s`);
  return out.join('\n');
}
