/**
 * The resilience suites' figures (cases tried, faults injected, 5xx seen, writes lost), appended as JSON
 * lines to `.local/reliability/<suite>.jsonl` so the README's figures can be regenerated from a run.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../tooling/paths';

export const FAULT_FIGURES = 'faults';
export const FUZZ_FIGURES = 'fuzz';

export function recordFigures(suite: string, figures: Record<string, unknown>): void {
  const dir = join(REPO_ROOT, '.local', 'reliability');
  mkdirSync(dir, { recursive: true });
  const line = JSON.stringify({ at: new Date().toISOString(), ...figures });
  appendFileSync(join(dir, `${suite}.jsonl`), `${line}\n`);
  // Printed too, so a run's figures are in its output (the README's reliability section quotes them).
  console.log(`reliability figures (${suite}): ${line}`);
}
