/**
 * A closed loop for things that are not HTTP servers (the store alone, auth alone): `concurrency`
 * calls in flight, each replaced as soon as it settles, for a fixed time. Latencies go into an HDR
 * histogram (the same library autocannon uses) in microseconds.
 */
import { build } from 'hdr-histogram-js';
import { cpuWindow, type CpuWatch } from '../cpu';
import type { LoadFigures } from '../results';

export interface LoopLoad {
  call: () => Promise<unknown>;
  concurrency: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Stop after this many calls instead of at the deadline (the smoke run). */
  requests?: number;
  /** Whose CPU the row reports (`self`: this process, for calls made in it). */
  cpu?: CpuWatch;
}

async function loop(call: () => Promise<unknown>, concurrency: number, seconds: number, record: boolean, amount = Infinity) {
  const histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  let completed = 0;
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (completed + errors < amount && (amount !== Infinity || performance.now() < deadline)) {
      const t0 = performance.now();
      try {
        await call();
        completed++;
        if (record) histogram.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { histogram, completed, errors, firstError, elapsed };
}

export async function measureLoop(load: LoopLoad): Promise<LoadFigures> {
  if (load.warmupSeconds > 0) await loop(load.call, load.concurrency, load.warmupSeconds, false);
  const cpu = cpuWindow(load.cpu);
  const { histogram, completed, errors, firstError, elapsed } = await loop(load.call, load.concurrency, load.durationSeconds, true, load.requests);
  if (completed === 0) throw firstError instanceof Error ? firstError : new Error(`every call failed: ${String(firstError)}`);
  const figures: LoadFigures = {
    requestsPerSecond: completed / elapsed,
    p50Ms: histogram.getValueAtPercentile(50) / 1000,
    p99Ms: histogram.getValueAtPercentile(99) / 1000,
    requests: completed,
    errors,
    durationSeconds: elapsed,
    ...cpu.figures(completed),
  };
  histogram.destroy();
  return figures;
}
