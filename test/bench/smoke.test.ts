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

  it('runs every row and writes valid results.json and a PNG chart', async () => {
    const outJson = join(outDir, 'results.json');
    const { stdout } = await run(process.execPath, [require.resolve('tsx/cli', { paths: [REPO_ROOT] }), 'bench/run.ts', '--smoke', '--out', outJson], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 170_000,
    });
    expect(stdout).toContain('Ceiling');

    const results = BenchResults.parse(JSON.parse(readFileSync(outJson, 'utf8')));
    expect(results.smoke).toBe(true);
    expect(results.rows.map((row) => row.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const row of results.rows) {
      // Every row either measured something or says why it could not.
      if (row.status === 'ok') expect(row.figures!.requests).toBeGreaterThan(0);
      else expect(row.reason).toEqual(expect.any(String));
    }
    // The ceiling and the store need nothing but the emulators: they must always run.
    expect(results.rows.find((row) => row.id === 'ceiling')!.status).toBe('ok');
    expect(results.rows.find((row) => row.id === 'store')!.status).toBe('ok');
    expect(results.coldStart.groups.length).toBeGreaterThan(0);

    const png = readFileSync(join(outDir, 'results.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 180_000);
});
