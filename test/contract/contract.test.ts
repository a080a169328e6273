/**
 * The gate of the strangler fig: the same scenario (cases.ts) against every route's Lambda handler
 * and its Hono service, each on its own DynamoDB Local table, with cognito-local tokens. Each case
 * asserts its own answers; then the two transcripts must be equal after the explicit normaliser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { REPO_ROOT } from '../../tooling/paths';
import { createTable, LOCAL_AWS } from '../../local/emulators';
import { createDependencies } from '../../shared/api/create-dependencies';
import type { ApiDependencies } from '../../shared/api/dependencies';
import { EmbeddedGraphStore } from '../../shared/graph/embedded-store';
import { rebuildGraph } from '../../shared/graph/rebuild';
import { ROUTE_GROUPS, ROUTES, routeId, type RouteGroup } from '../../shared/routing/routes';
import { sharedGraphStore } from '../../shared/graph/config';
import { useEmulators } from '../support/emulators';
import { ADA, BOB, CASES, CY, DEE } from './cases';
import { ContractClient, type Users } from './support/client';
import { normalise, normaliseRequestLine } from './support/normalise';
import { honoRuntime, lambdaRuntime, type Runtime } from './support/runtimes';
import { captureStdout, type CapturedLines } from './support/stdout';

const stack = useEmulators();
const GROUPS = Object.keys(ROUTE_GROUPS) as RouteGroup[];

let users: Users;
let dynamo: DynamoDBClient;
let filesDir: string;
let stdout: CapturedLines;
const clients: Partial<Record<'lambda' | 'hono', ContractClient>> = {};
let honoDeps: ApiDependencies;
let runtimes: Runtime[] = [];

beforeAll(async () => {
  // One frozen wall clock for both runs: every timestamp the model writes is the same on both runtimes, so rows
  // whose sort key embeds one (a job's `status` = `JQ#<updated>`) list in the same order. Timers stay real.
  jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
  // Access logs go to stdout; keep them (the log test reads them) without flooding the test output.
  stdout = captureStdout();
  const [ada, bob, cy, dee] = await Promise.all([ADA, BOB, CY, DEE].map((email) => stack.user(email)));
  users = { ada, bob, cy, dee };
  dynamo = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, ...LOCAL_AWS });
  filesDir = mkdtempSync(join(tmpdir(), 'contract-files-'));
  const common = { FILES_DIR: filesDir, FILES_PUBLIC_URL: 'http://127.0.0.1:3000', AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false' };

  // Lambda: the real handler modules, whose default dependencies read process.env (table T1).
  Object.assign(process.env, stack.env(common));
  const handlers = Object.fromEntries(
    await Promise.all(GROUPS.map(async (group) => [group, (await import(join(REPO_ROOT, ROUTE_GROUPS[group].lambdaEntry))).handler])),
  ) as Record<RouteGroup, Parameters<typeof lambdaRuntime>[0][RouteGroup]>;
  const lambda = lambdaRuntime(handlers);

  // Hono: every service over HTTP, with dependencies built from the same environment but table T2.
  const honoTable = `${stack.tableName}-hono`;
  await createTable(dynamo, honoTable);
  // Its own embedded graph: in production the runtimes are separate processes, each with its own store.
  const honoGraph = new EmbeddedGraphStore();
  honoDeps = await createDependencies({ ...process.env, ...stack.env({ ...common, TABLE_NAME: honoTable }) }, { graph: async () => honoGraph });
  const hono = await honoRuntime(honoDeps);
  runtimes = [lambda, hono];

  clients.lambda = new ContractClient(lambda, users, async () => {
    await rebuildGraph({ client: dynamo, tableName: stack.tableName, store: await sharedGraphStore() });
  });
  clients.hono = new ContractClient(hono, users, async () => {
    await rebuildGraph({ client: dynamo, tableName: honoTable, store: honoGraph });
  });
});

afterAll(async () => {
  jest.useRealTimers();
  stdout?.restore();
  await Promise.all(runtimes.map((runtime) => runtime.close()));
  dynamo?.destroy();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

for (const runtime of ['lambda', 'hono'] as const) {
  describe(`${runtime} runtime`, () => {
    for (const contractCase of CASES) {
      test(`${contractCase.route}: ${contractCase.name}`, async () => {
        const client = clients[runtime]!;
        client.startCase(contractCase.route, contractCase.name);
        await contractCase.run(client);
      });
    }
  });
}

describe('both runtimes', () => {
  test('give identical answers (after the explicit normaliser)', () => {
    const [lambda, hono] = [clients.lambda!.transcript, clients.hono!.transcript];
    expect(lambda.length).toBeGreaterThan(100);
    const differences: string[] = [];
    for (let i = 0; i < Math.max(lambda.length, hono.length); i++) {
      const [l, h] = [lambda[i], hono[i]];
      if (!l || !h) {
        differences.push(`exchange ${i}: only on ${l ? 'lambda' : 'hono'} (${(l ?? h).route}: ${(l ?? h).case})`);
        continue;
      }
      const left = JSON.stringify(normalise({ request: normaliseRequestLine(l.request), status: l.status, contentType: l.contentType, body: l.body }));
      const right = JSON.stringify(normalise({ request: normaliseRequestLine(h.request), status: h.status, contentType: h.contentType, body: h.body }));
      if (left !== right) differences.push(`${l.route} — ${l.case}\n  lambda: ${left}\n  hono:   ${right}`);
    }
    expect(differences).toEqual([]);
  });

  test('every route in the route table has a contract case', () => {
    const covered = new Set(CASES.map((contractCase) => contractCase.route));
    const missing = ROUTES.map(routeId).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });

  test('every exchange answers JSON, and no bad input ever answered 5xx', () => {
    for (const entry of [...clients.lambda!.transcript, ...clients.hono!.transcript]) {
      expect(entry.contentType).toMatch(/^application\/json/);
      expect({ request: entry.request, status: entry.status < 500 }).toEqual({ request: entry.request, status: true });
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
    for (const entry of [...clients.lambda!.transcript, ...clients.hono!.transcript]) {
      const lines = access.get(entry.requestId) ?? [];
      expect({ request: entry.request, lines: lines.length }).toEqual({ request: entry.request, lines: 1 });
      const [method, path] = entry.request.split(/[ ?]/);
      expect(lines[0]).toMatchObject({ route: expect.stringMatching(new RegExp(`^${method} /`)), method, path, status: entry.status, level: 'INFO' });
    }
  });
});
