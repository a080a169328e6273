/** HTTP load with autocannon, either in this process or in a child process (flag `--load-generator`). */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import { cpuWindow, type CpuWatch } from '../cpu';
import type { LoadFigures } from '../results';

const run = promisify(execFile);

export interface HttpLoad {
  url: string;
  method?: 'GET' | 'PUT' | 'POST';
  headers?: Record<string, string>;
  /** Request bodies, sent round-robin across all connections (one body: every request sends it). */
  bodies?: string[];
  connections: number;
  durationSeconds: number;
  /** Measure this many requests instead of a duration (the smoke run: every row must answer them, however busy the machine). */
  requests?: number;
  warmupSeconds: number;
  generator: 'child' | 'in-process';
  /** Whose CPU time the row reports: the serving process(es), and the store's. */
  cpu?: CpuWatch;
}

/** Options the worker understands: autocannon's own, plus `bodies` (it builds the round-robin there). */
type WorkerOptions = autocannon.Options & { bodies?: string[] };

interface Outcome {
  result: autocannon.Result;
  /** Our own microsecond histogram of the 2xx answers (autocannon's keeps whole milliseconds). */
  latencyUs: { p50: number; p99: number };
}

const WORKER = join(__dirname, 'autocannon-worker.cjs');

async function autocannonRun(options: WorkerOptions, generator: HttpLoad['generator']): Promise<Outcome> {
  if (generator === 'in-process') {
    const { runAutocannon } = require(WORKER) as { runAutocannon: (o: WorkerOptions) => Promise<Outcome> };
    return runAutocannon(options);
  }
  const { stdout } = await run(process.execPath, [WORKER, JSON.stringify(options)], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Outcome;
}

/** A warm-up run (discarded: JIT, connection set-up, caches), then the measured run. */
export async function measureHttp(load: HttpLoad): Promise<LoadFigures> {
  const base: WorkerOptions = {
    url: load.url,
    method: load.method ?? 'GET',
    headers: load.headers,
    bodies: load.bodies,
    connections: load.connections,
    timeout: 10,
  };
  if (load.warmupSeconds > 0) await autocannonRun({ ...base, duration: load.warmupSeconds }, load.generator);
  const cpu = cpuWindow(load.cpu);
  const window = load.requests ? { amount: load.requests, timeout: 60 } : { duration: load.durationSeconds };
  const { result, latencyUs } = await autocannonRun({ ...base, ...window }, load.generator);
  const ok = result['2xx'];
  if (ok === 0) throw new Error(`no 2xx answer in the measured window (${result.non2xx} other answers, ${result.errors} errors)`);
  return {
    requestsPerSecond: ok / result.duration,
    p50Ms: latencyUs.p50 / 1000,
    p99Ms: latencyUs.p99 / 1000,
    requests: ok,
    errors: result.errors + result.non2xx,
    durationSeconds: result.duration,
    ...cpu.figures(ok),
  };
}
