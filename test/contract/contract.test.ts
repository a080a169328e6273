/**
 * The gate of the strangler fig: the same scenario (cases.ts) against every route's Lambda handler
 * and its Hono service, each on its own DynamoDB Local table, with cognito-local tokens. Each case
 * asserts its own answers; then the two transcripts must be equal after the explicit normaliser.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { REPO_ROOT } from '../../tooling/paths';
import { createTable, LOCAL_AWS } from '../../local/emulators';
import { createDependencies } from '../../shared/api/create-dependencies';
import type { ApiDependencies } from '../../shared/api/dependencies';
import { Neo4jGraphStore } from '../../shared/graph/neo4j-store';
import { ROUTE_GROUP_NAMES, ROUTE_IDS, routeGroup } from '../../shared/routing/table';
import { writeLambdaEntry } from '../../lambdas/runtime/entries';
import { sharedGraphStore } from '../../shared/graph/config';
import { startGraphServer, type GraphServer } from '../../local/graph-server/server';
import { useEmulators } from '../support/emulators';
import { withPrerequisites, type ContractCase } from './support/case';
import { ContractClient, type Caller } from './support/client';
import { normalise, normaliseRequestLine } from './support/normalise';
import { honoRuntime, lambdaRuntime, type Runtime } from './support/runtimes';
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

let dynamo: DynamoDBClient;
let filesDir: string;
let stdout: CapturedLines;
const clients: Partial<Record<'lambda' | 'hono', ContractClient>> = {};
let honoDeps: ApiDependencies;
let runtimes: Runtime[] = [];
const graphServers: GraphServer[] = [];
const graphStores: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  // One frozen wall clock for both runs: every timestamp the model writes is the same on both runtimes, so rows
  // whose sort key embeds one (a job's `status` = `JQ#<updated>`) list in the same order. Timers stay real.
  jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
  // Access logs go to stdout; keep them (the log test reads them) without flooding the test output.
  stdout = captureStdout();
  dynamo = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, ...LOCAL_AWS });
  filesDir = mkdtempSync(join(tmpdir(), 'contract-files-'));
  const common = { FILES_DIR: filesDir, FILES_PUBLIC_URL: 'http://127.0.0.1:3000', AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false' };

  // Each runtime has its own table and its own graph (the local Bolt graph server), reached through the
  // production Neo4j adapter. No projection runs: every POST /my answer comes from the request-path writes.
  const [lambdaGraph, honoGraphServer] = await Promise.all([startGraphServer(), startGraphServer()]);
  graphServers.push(lambdaGraph, honoGraphServer);

  // Lambda: the real handler modules, whose default dependencies read process.env (table T1).
  Object.assign(process.env, stack.env({ ...common, ...lambdaGraph.env }));
  const handlers = Object.fromEntries(
    await Promise.all(ROUTE_GROUP_NAMES.map(async (group) => [group, (await import(join(REPO_ROOT, writeLambdaEntry(routeGroup(group))))).handler])),
  ) as Parameters<typeof lambdaRuntime>[0];
  const lambda = lambdaRuntime(handlers);

  // Hono: every service over HTTP, with dependencies built from the same environment but table T2.
  const honoTable = `${stack.tableName}-hono`;
  await createTable(dynamo, honoTable);
  const { env: honoGraphEnv } = honoGraphServer;
  const honoGraph = new Neo4jGraphStore({ kind: 'neo4j', uri: honoGraphEnv.NEO4J_URI, user: honoGraphEnv.NEO4J_USER, password: honoGraphEnv.NEO4J_PASSWORD, maxRetryMs: 1_000, connectTimeoutMs: 1_000 });
  graphStores.push(honoGraph);
  honoDeps = await createDependencies({ ...process.env, ...stack.env({ ...common, TABLE_NAME: honoTable }) }, { graph: async () => honoGraph });
  const hono = await honoRuntime(honoDeps);
  runtimes = [lambda, hono];

  clients.lambda = new ContractClient(lambda, user);
  clients.hono = new ContractClient(hono, user);
});

afterAll(async () => {
  jest.useRealTimers();
  stdout?.restore();
  await Promise.all(runtimes.map((runtime) => runtime.close()));
  await Promise.all([...graphStores, await sharedGraphStore()].map((store) => store.close()));
  await Promise.all(graphServers.map((server) => server.stop()));
  dynamo?.destroy();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

for (const runtime of ['lambda', 'hono'] as const) {
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
    const missing = ROUTE_IDS.filter((id) => !covered.has(id));
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
