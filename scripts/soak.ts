/**
 * `npm run soak -- --minutes 10 --rate 200 [--connections 16]`: the whole local stack (`npm start`'s, on
 * free ports, in a temp data dir) under a steady mixed load for a while (autocannon, in its own process,
 * at a fixed overall rate: reads of assets, searches, asset writes), then one report: requests by status,
 * errors and timeouts, and the resident memory of every process of the stack at the start and the end.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import * as z from 'zod';
import { signIn } from '../local/emulators';
import { startLocalStack, type LocalStack } from '../local/stack';
import { SERVICES, type ServiceName } from '../shared/routing/routes';

const Options = z.object({
  minutes: z.coerce.number().positive().max(24 * 60).default(10),
  rate: z.coerce.number().int().min(1).max(100_000).default(200),
  connections: z.coerce.number().int().min(1).max(1000).default(16),
});

const WORKER = join(__dirname, '..', 'bench', 'load', 'autocannon-worker.cjs');

/** Resident set size in MiB, from /proc (Linux); undefined when the process is gone. */
function rssMiB(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return undefined;
  }
}

function processes(stack: LocalStack): Record<string, number | undefined> {
  return {
    'gateway + Lambda handlers': process.pid,
    ...Object.fromEntries((Object.keys(SERVICES) as ServiceName[]).map((name) => [`service ${name}`, stack.servicePid(name)])),
    'DynamoDB Local': stack.emulatorPid('dynamodb'),
    'cognito-local': stack.emulatorPid('cognito'),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { minutes: { type: 'string' }, rate: { type: 'string' }, connections: { type: 'string' } } });
  const options = Options.parse(values);
  const dataDir = mkdtempSync(join(tmpdir(), 'chariot-soak-'));
  console.log(`soak: starting the local stack in ${dataDir}`);
  const stack = await startLocalStack({ dataDir, port: 0, logLevel: 'ERROR', log: (line) => console.log(`  ${line}`) });
  try {
    const { idToken } = await signIn(stack.endpoints.cognito, stack.userPool, stack.demoUser.email, stack.demoUser.password);
    const headers = { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' };
    const pids = processes(stack);
    const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, rssMiB(pid)]));
    const seconds = Math.round(options.minutes * 60);
    console.log(`soak: ${seconds} s at ${options.rate} req/s over ${options.connections} connections against ${stack.url}`);
    const load = {
      url: stack.url,
      connections: options.connections,
      overallRate: options.rate,
      duration: seconds,
      timeout: 30,
      headers,
      requests: [
        { method: 'GET', path: '/asset?limit=20' },
        { method: 'GET', path: '/my?key=%23asset&label=asset&limit=20' },
        { method: 'PUT', path: '/asset', body: JSON.stringify({ dns: 'soak.example.com', name: '10.0.0.9', tags: ['soak'] }) },
        { method: 'GET', path: '/risk' },
      ],
    };
    const { stdout } = await promisify(execFile)(process.execPath, [WORKER, JSON.stringify(load)], { maxBuffer: 64 * 1024 * 1024 });
    const { result, latencyUs } = JSON.parse(stdout) as {
      result: Record<string, number> & { requests: { total: number }; duration: number };
      latencyUs: { p50: number; p99: number };
    };
    const after = Object.fromEntries(Object.entries(processes(stack)).map(([name, pid]) => [name, rssMiB(pid)]));
    const report = {
      minutes: options.minutes,
      rateAsked: options.rate,
      rateServed: Math.round((result['2xx'] / result.duration) * 10) / 10,
      requests: result.requests.total,
      status: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
      errors: result.errors,
      timeouts: result.timeouts,
      latencyMs: { p50: latencyUs.p50 / 1000, p99: latencyUs.p99 / 1000 },
      rssMiB: Object.fromEntries(Object.keys(before).map((name) => [name, { start: before[name], end: after[name] }])),
    };
    console.log(JSON.stringify(report, null, 2));
    if (result['5xx'] > 0 || result.errors > 0) process.exitCode = 1;
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`soak: ${error.message}`);
  process.exit(1);
});
