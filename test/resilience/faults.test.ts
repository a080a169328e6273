/**
 * The fault suite: DynamoDB Local and cognito-local of this file's own (supervised, random ports) are
 * killed and hung (SIGSTOP … SIGCONT) under a bounded load of writes and reads on both runtimes.
 * Asserts: the only failures are 503 with Retry-After, the first within the deadline; service is back
 * within 5 s of the dependency's return; every acknowledged write is in the table afterwards.
 * The Fargate side also loses a service: its process (under the local supervisor, behind the local gateway)
 * is killed (SIGKILL) under load; the gateway answers 502 for its routes within the deadline, the supervisor
 * restarts it, writes succeed within 5 s of its return, and no acknowledged write is lost.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { useEmulators } from '../support/emulators';
import { waitFor } from '../support/wait';
import { EMAILS, RUNTIMES, startBothRuntimes, type BothRuntimes, type RuntimeName } from './support/both-runtimes';
import { FAULT_FIGURES, recordFigures } from './support/figures';
import { startFargateService } from './support/fargate-service';

/** Short deadlines, so a hung store is a 503 in about 2 s here (production: 1 s connect, 3 s × 3 attempts). */
const DEADLINE_ENV = { DYNAMODB_CONNECT_TIMEOUT_MS: '500', DYNAMODB_REQUEST_TIMEOUT_MS: '1000', DYNAMODB_MAX_ATTEMPTS: '2' };
const FIRST_503_WITHIN_MS = 5000;
const RECOVERY_WITHIN_MS = 5000;
const WORKERS_PER_RUNTIME = 2;
const FIRST_502_WITHIN_MS = 5000;

const stack = useEmulators({ isolated: true });
let both: BothRuntimes;

beforeAll(async () => {
  both = await startBothRuntimes(stack, DEADLINE_ENV);
}, 120_000);
afterAll(() => both?.close());

interface Outcome {
  readonly runtime: RuntimeName;
  readonly kind: 'write' | 'read';
  readonly status: number;
  readonly retryAfter?: string;
  /** The answer's text, when the test reads it (the gateway's 502). */
  readonly body?: string;
  readonly at: number;
  readonly key?: string;
}

/** Bounded load: a few workers per runtime, each alternating one new asset and one page of assets. */
function startLoad() {
  const outcomes: Outcome[] = [];
  let running = true;
  const worker = async (runtime: RuntimeName) => {
    const t = both.clients[runtime];
    while (running) {
      const dns = `${randomUUID().slice(0, 8)}.load.example.com`;
      const write = await t.runtime.send({
        method: 'PUT', path: '/asset', rawQueryString: '', requestId: randomUUID(),
        headers: { authorization: `Bearer ${both.users.ada.idToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ dns }),
      });
      outcomes.push({ runtime, kind: 'write', status: write.status, retryAfter: write.headers?.['retry-after'], at: Date.now(), key: `#asset#${dns}#${dns}` });
      const read = await t.runtime.send({
        method: 'GET', path: '/asset', rawQueryString: 'limit=5', requestId: randomUUID(),
        headers: { authorization: `Bearer ${both.users.ada.idToken}` },
      });
      outcomes.push({ runtime, kind: 'read', status: read.status, retryAfter: read.headers?.['retry-after'], at: Date.now() });
      if (write.status !== 200 || read.status !== 200) await new Promise((resolve) => setTimeout(resolve, 25)); // bounded: no 503 storm
    }
  };
  const workers = RUNTIMES.flatMap((runtime) => Array.from({ length: WORKERS_PER_RUNTIME }, () => worker(runtime)));
  return {
    outcomes,
    /** Resolves once every runtime has answered 200 to a write after `since`; returns when, per runtime. */
    async recovered(since: number): Promise<Record<RuntimeName, number>> {
      const when = {} as Record<RuntimeName, number>;
      await waitFor('both runtimes to write again', () =>
        RUNTIMES.every((runtime) => {
          const ok = outcomes.find((o) => o.runtime === runtime && o.kind === 'write' && o.status === 200 && o.at > since);
          if (ok) when[runtime] = ok.at;
          return !!ok;
        }),
      { timeoutMs: 60_000, intervalMs: 20 });
      return when;
    },
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

async function storedKeys(table: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await stack.doc.send(new QueryCommand({
      TableName: table, KeyConditionExpression: 'username = :u AND begins_with(#k, :p)',
      ExpressionAttributeNames: { '#k': 'key' }, ExpressionAttributeValues: { ':u': EMAILS.ada, ':p': '#asset#' }, ExclusiveStartKey: start,
    }));
    for (const item of page.Items ?? []) keys.add(item.key as string);
    start = page.LastEvaluatedKey;
  } while (start);
  return keys;
}

/** The checks every fault shares, after the load has stopped. */
async function assertOutcomes(name: string, outcomes: readonly Outcome[], faultAt: number, expect503: boolean) {
  const failures = outcomes.filter((o) => o.status !== 200);
  // Only 503s, each with Retry-After: never a 500.
  expect(failures.filter((o) => o.status !== 503 || !o.retryAfter).map((o) => `${o.runtime} ${o.kind} ${o.status}`)).toEqual([]);
  if (expect503) {
    for (const runtime of RUNTIMES) {
      const first = outcomes.find((o) => o.runtime === runtime && o.status === 503 && o.at >= faultAt);
      expect({ runtime, first503: first ? first.at - faultAt <= FIRST_503_WITHIN_MS : 'none' }).toEqual({ runtime, first503: true });
    }
  }
  let lost = 0;
  for (const runtime of RUNTIMES) {
    const stored = await storedKeys(both.tables[runtime]);
    const acknowledged = outcomes.filter((o) => o.runtime === runtime && o.kind === 'write' && o.status === 200).map((o) => o.key!);
    const missing = acknowledged.filter((key) => !stored.has(key));
    lost += missing.length;
    expect({ runtime, missing }).toEqual({ runtime, missing: [] });
  }
  recordFigures(FAULT_FIGURES, {
    fault: name,
    requests: outcomes.length,
    acknowledgedWrites: outcomes.filter((o) => o.kind === 'write' && o.status === 200).length,
    status503: failures.length,
    status5xxOther: 0,
    acknowledgedWritesLost: lost,
  });
}

const signal = (pid: number | undefined, sig: NodeJS.Signals) => process.kill(pid!, sig);

test.each([
  ['DynamoDB Local hung (SIGSTOP) for 4 s', 'dynamodb', 'hang', true],
  ['DynamoDB Local killed (SIGKILL), restarted by its supervisor', 'dynamodb', 'kill', true],
  ['cognito-local hung (SIGSTOP) for 4 s', 'cognito', 'hang', false],
  ['cognito-local killed (SIGKILL), restarted by its supervisor', 'cognito', 'kill', false],
] as const)('%s: only 503 + Retry-After, back within 5 s of its return, no acknowledged write lost', async (name, which, how, expect503) => {
  const emulator = stack.emulator(which);
  const load = startLoad();
  try {
    await load.recovered(0); // warm: both runtimes have written once
    const faultAt = Date.now();
    let returnedAt: number;
    if (how === 'hang') {
      signal(emulator.pid, 'SIGSTOP');
      try {
        await new Promise((r) => setTimeout(r, 4000));
      } finally {
        signal(emulator.pid, 'SIGCONT');
      }
      returnedAt = Date.now();
    } else {
      const restarts = emulator.restarts;
      signal(emulator.pid, 'SIGKILL');
      await waitFor(`${which} to be restarted`, () => emulator.restarts > restarts, { timeoutMs: 90_000, intervalMs: 50 });
      returnedAt = Date.now();
    }
    const recovered = await load.recovered(returnedAt);
    for (const runtime of RUNTIMES) expect({ runtime, recoveredWithin: recovered[runtime] - returnedAt <= RECOVERY_WITHIN_MS }).toEqual({ runtime, recoveredWithin: true });
    await load.stop();
    await assertOutcomes(name, load.outcomes, faultAt, expect503);
  } finally {
    await load.stop();
  }
}, 150_000);

test('a Fargate service killed (SIGKILL) under load: 502 from the gateway, restarted by its supervisor, back within 5 s, no acknowledged write lost', async () => {
  const env = stack.env({ ...DEADLINE_ENV, TABLE_NAME: both.tables.hono, POWERTOOLS_LOG_LEVEL: 'ERROR', LOG_LEVEL: 'ERROR', AUTH_CACHE_TTL_MS: '0' });
  const service = await startFargateService('inventory', ['PUT /asset', 'GET /asset'], env);
  const outcomes: Outcome[] = [];
  let running = true;
  const authorization = `Bearer ${both.users.ada.idToken}`;
  const send = async (kind: Outcome['kind'], init: RequestInit & { path: string }, key?: string) => {
    const response = await fetch(`${service.url}${init.path}`, { ...init, headers: { authorization, 'content-type': 'application/json' } });
    const body = await response.text();
    outcomes.push({ runtime: 'hono', kind, status: response.status, body, at: Date.now(), key });
    if (response.status !== 200) await new Promise((resolve) => setTimeout(resolve, 25)); // bounded: no 502 storm
  };
  const worker = async () => {
    while (running) {
      const dns = `${randomUUID().slice(0, 8)}.fargate.example.com`;
      await send('write', { path: '/asset', method: 'PUT', body: JSON.stringify({ dns }) }, `#asset#${dns}#${dns}`);
      await send('read', { path: '/asset?limit=5', method: 'GET' });
    }
  };
  const writtenAfter = (since: number) => outcomes.find((o) => o.kind === 'write' && o.status === 200 && o.at > since);
  const workers = Array.from({ length: WORKERS_PER_RUNTIME }, worker);
  try {
    const acknowledgedSoFar = () => outcomes.filter((o) => o.kind === 'write' && o.status === 200).length;
    await waitFor('10 writes through the gateway', () => acknowledgedSoFar() >= 10, { timeoutMs: 60_000, intervalMs: 20 });
    const pid = service.supervisor.pid('inventory')!;
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    await waitFor('the supervisor to restart inventory', () => service.supervisor.isUp('inventory') && service.supervisor.pid('inventory') !== pid, { timeoutMs: 60_000, intervalMs: 20 });
    // Back = ready, as the ALB sees it: its target group sends traffic to a new task once /health/ready answers 200.
    const ready = async () => (await fetch(`http://127.0.0.1:${service.supervisor.port('inventory')}/health/ready`).catch(() => undefined))?.status === 200;
    await waitFor('the restarted inventory to be ready', ready, { timeoutMs: 30_000, intervalMs: 20 });
    const returnedAt = Date.now();
    await waitFor('a write after the restart', () => !!writtenAfter(returnedAt), { timeoutMs: 30_000, intervalMs: 20 });
    running = false;
    await Promise.all(workers);

    const failures = outcomes.filter((o) => o.status !== 200);
    // The only failures: the gateway's 502 for a dead service (API Gateway's and the ALB's answer too).
    expect(failures.filter((o) => o.status !== 502 || !o.body?.includes('Bad Gateway')).map((o) => `${o.kind} ${o.status} ${o.body}`)).toEqual([]);
    const first502 = failures.find((o) => o.at >= killedAt);
    expect({ first502Within: first502 ? first502.at - killedAt <= FIRST_502_WITHIN_MS : 'none' }).toEqual({ first502Within: true });
    const recoveryMs = writtenAfter(returnedAt)!.at - returnedAt;
    expect({ recoveredWithin5s: recoveryMs <= RECOVERY_WITHIN_MS ? true : `${recoveryMs} ms` }).toEqual({ recoveredWithin5s: true });
    const stored = await storedKeys(both.tables.hono);
    const acknowledged = outcomes.filter((o) => o.kind === 'write' && o.status === 200).map((o) => o.key!);
    const missing = acknowledged.filter((key) => !stored.has(key));
    expect(missing).toEqual([]);
    recordFigures(FAULT_FIGURES, {
      fault: 'Fargate service (inventory) killed (SIGKILL), restarted by its supervisor',
      requests: outcomes.length,
      acknowledgedWrites: acknowledged.length,
      status502: failures.length,
      status5xxOther: 0,
      acknowledgedWritesLost: missing.length,
      downMs: returnedAt - killedAt,
      recoveryMs,
    });
  } finally {
    running = false;
    await Promise.all(workers);
    await service.close();
  }
}, 150_000);
