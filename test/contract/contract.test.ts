/**
 * The gate of the strangler fig: the same scenario (cases.ts) against every route's Lambda handler
 * (invoked with HTTP API events, and again with ALB events as a canary's target group sends them) and its
 * Hono service, each on its own DynamoDB Local table, with cognito-local tokens. Each case
 * asserts its own answers; then the two transcripts must be equal after the explicit normaliser.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { matchPath } from '../../shared/routing/routes';
import { ROUTE_IDS, ROUTES } from '../../shared/routing/table';
import { useEmulators } from '../support/emulators';
import { startRuntimePair, type RuntimePair } from './support/both-runtimes';
import { withPrerequisites, type ContractCase } from './support/case';
import { ContractClient, type Caller } from './support/client';
import { normalise, normaliseRequestLine } from './support/normalise';
import { captureStdout, type CapturedLines } from './support/stdout';

const stack = useEmulators();

/** Every case of every group (test/contract/cases/<group>.ts), group by group, in file order. */
const CASES: readonly ContractCase[] = readdirSync(join(__dirname, 'cases'))
  .filter((file) => file.endsWith('.ts'))
  .sort()
  .flatMap((file) => Object.values(require(join(__dirname, 'cases', file)) as Record<string, ContractCase>));

/** Users are created on first use, once for both runtimes. */
const signedUp = new Map<string, Promise<Caller>>();
const user = (email: string): Promise<Caller> => {
  if (!signedUp.has(email)) signedUp.set(email, stack.user(email));
  return signedUp.get(email)!;
};

let stdout: CapturedLines;
const clients: Partial<Record<'lambda' | 'hono' | 'lambda-alb', ContractClient>> = {};
let pair: RuntimePair | undefined;

beforeAll(async () => {
  // One frozen wall clock for both runs: every timestamp the model writes is the same on both runtimes, so rows
  // whose sort key embeds one (a job's `status` = `JQ#<updated>`) list in the same order. Timers stay real.
  jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
  // Access logs go to stdout; keep them (the log test reads them) without flooding the test output.
  stdout = captureStdout();
  pair = await startRuntimePair(stack, {}, { alb: true });
  clients.lambda = new ContractClient(pair.runtimes.lambda, user);
  clients.hono = new ContractClient(pair.runtimes.hono, user);
  clients['lambda-alb'] = new ContractClient(pair.alb!, user);
});

afterAll(async () => {
  jest.useRealTimers();
  stdout?.restore();
  await pair?.close();
});

for (const runtime of ['lambda', 'hono', 'lambda-alb'] as const) {
  describe(`${runtime} runtime`, () => {
    CASES.forEach((contractCase, index) => {
      test(`${contractCase.route}: ${contractCase.name}`, async () => {
        const client = clients[runtime]!;
        client.startCase(contractCase.route, contractCase.name, index + 1);
        for (const step of withPrerequisites(contractCase)) await step.run(client);
      });
    });
  });
}

/** Exchanges of `other` that differ from the Lambda's (HTTP API events) after the explicit normaliser. */
function differencesFromLambda(other: 'hono' | 'lambda-alb'): string[] {
  const [lambda, them] = [clients.lambda!.transcript, clients[other]!.transcript];
  expect(lambda.length).toBeGreaterThan(100);
  const differences: string[] = [];
  for (let i = 0; i < Math.max(lambda.length, them.length); i++) {
    const [l, h] = [lambda[i], them[i]];
    if (!l || !h) {
      differences.push(`exchange ${i}: only on ${l ? 'lambda' : other} (${(l ?? h).route}: ${(l ?? h).case})`);
      continue;
    }
    const left = JSON.stringify(normalise({ request: normaliseRequestLine(l.request), status: l.status, contentType: l.contentType, body: l.body }));
    const right = JSON.stringify(normalise({ request: normaliseRequestLine(h.request), status: h.status, contentType: h.contentType, body: h.body }));
    if (left !== right) differences.push(`${l.route} — ${l.case}\n  lambda: ${left}\n  ${other}:   ${right}`);
  }
  return differences;
}

describe('all runtimes', () => {
  test('Lambda and Hono give identical answers (after the explicit normaliser)', () => {
    expect(differencesFromLambda('hono')).toEqual([]);
  });

  test('Lambda answers identically to HTTP API events and ALB events (after the explicit normaliser)', () => {
    expect(differencesFromLambda('lambda-alb')).toEqual([]);
  });

  test('every route in the route table has a contract case', () => {
    const covered = new Set(CASES.map((contractCase) => contractCase.route));
    const missing = ROUTE_IDS.filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });

  test('every exchange answers JSON (file bytes aside), and no bad input ever answered 5xx (bar the 501 a route declares `notAvailable`)', () => {
    for (const entry of Object.values(clients).flatMap((client) => client.transcript)) {
      const bytes = entry.status === 200 && /^GET \/(encrypted-)?file\?/.test(entry.request);
      expect(entry.contentType).toMatch(bytes ? /^application\/(json|octet-stream)/ : /^application\/json/);
      const [method, path] = entry.request.split(/[ ?]/);
      const route = ROUTES.find((r) => r.method === method && matchPath(r.path, path) !== undefined);
      const fine = entry.status < 500 || (entry.status === 501 && route?.spec.notAvailable !== undefined);
      expect({ request: entry.request, status: fine }).toEqual({ request: entry.request, status: true });
    }
  });

  test('log one access line per request, carrying its correlation id, route and status', () => {
    const access = new Map<string, Record<string, unknown>[]>();
    for (const line of stdout.lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (entry.message !== 'request') continue;
      const id = String(entry.correlation_id);
      access.set(id, [...(access.get(id) ?? []), entry]);
    }
    for (const entry of Object.values(clients).flatMap((client) => client.transcript)) {
      const lines = access.get(entry.requestId) ?? [];
      expect({ request: entry.request, lines: lines.length }).toEqual({ request: entry.request, lines: 1 });
      const [method, path] = entry.request.split(/[ ?]/);
      expect(lines[0]).toMatchObject({ route: expect.stringMatching(new RegExp(`^${method} /`)), method, path, status: entry.status, level: 'INFO' });
    }
  });
});
