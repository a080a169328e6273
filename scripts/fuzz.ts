/**
 * `npm run fuzz [-- --long] [-- --seconds N]`: the fuzz suite (test/resilience/fuzz.test.ts) alone, with a
 * bigger time budget: `--long` is 10 minutes, `--seconds` anything. `npm test` runs it for about 45 s.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { long: { type: 'boolean' }, seconds: { type: 'string' } } });
const seconds = Number(values.seconds ?? (values.long ? 600 : 45));
if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds must be a positive number');
const run = spawnSync('npx', ['jest', 'test/resilience/fuzz.test.ts'], { stdio: 'inherit', env: { ...process.env, FUZZ_BUDGET_MS: String(seconds * 1000) } });
process.exit(run.status ?? 1);
