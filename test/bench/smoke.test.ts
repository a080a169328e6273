/**
 * `npm run bench -- --smoke` end to end: it runs, exits 0, and writes results that match the schema
 * plus a PNG. Speed is not checked here (speed goals belong to the bench itself); the output goes to a
 * temp dir so the committed bench/results.* stay untouched.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BenchResults } from '../../bench/results';
import { REPO_ROOT } from '../../tooling/paths';

const run = promisify(execFile);

describe('npm run bench -- --smoke', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('runs every row (none unavailable) and writes valid results.json and a PNG chart', async () => {
    const outJson = join(outDir, 'results.json');
    const { stdout } = await run(process.execPath, [require.resolve('tsx/cli', { paths: [REPO_ROOT] }), 'bench/run.ts', '--smoke', '--out', outJson], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 280_000,
    });
    expect(stdout).toContain('Ceiling');

    const results = BenchResults.parse(JSON.parse(readFileSync(outJson, 'utf8')));
    expect(results.smoke).toBe(true);
    expect(results.rows.map((row) => row.number)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    // Every row must run: a row that can only say why it could not is a broken bench (or a broken route).
    const notRun = results.rows.filter((row) => row.status !== 'ok').map((row) => `${row.number} ${row.title}: ${row.reason}`);
    expect(notRun).toEqual([]);
    for (const row of results.rows) {
      expect(row.figures!.requests).toBeGreaterThan(0);
      // Linux (CI, here) has /proc: every row reports the serving process's CPU per request.
      if (process.platform === 'linux') expect(row.figures!.cpuMsPerRequest).toBeGreaterThan(0);
    }
    expect(results.coldStart.status).toBe('ok');
    expect(results.coldStart.groups.filter((group) => group.status !== 'ok').map((group) => `${group.group}: ${group.reason}`)).toEqual([]);

    const png = readFileSync(join(outDir, 'results.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 290_000);
});
