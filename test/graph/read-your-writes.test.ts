/**
 * Read-your-writes on both runtimes, with no projection running and no waiting: the Lambda handlers and a Hono
 * service share one table and one graph (the local Bolt graph server, through the production Neo4j adapter),
 * as separate processes would. A write on one runtime is found by the next POST /my on either. Kinds with no
 * HTTP route yet are written through the domain (the repository with the same graph writer). Then the graph
 * goes down: writes still succeed, graph routes answer 503, and after recovery the stream projection makes
 * the graph equal to the table again.
 */
import { join } from 'node:path';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { REPO_ROOT } from '../../tooling/paths';
import { startGraphServer, type GraphServer } from '../../local/graph-server/server';
import { startStreamPoller } from '../../local/stream-poller';
import { createDependencies } from '../../shared/api/create-dependencies';
import type { ApiDependencies } from '../../shared/api/dependencies';
import type { Whoami } from '../../shared/auth/whoami';
import { sharedGraphStore } from '../../shared/graph/config';
import { nodeKindOfKey } from '../../shared/graph/model';
import { LEDGER_PARTITION } from '../../shared/graph/catch-up';
import { Neo4jGraphStore } from '../../shared/graph/neo4j-store';
import { newADDomain, newPort, newPreseed, newSeed, newTechnology, newWebApplication, newWebpage } from '../../shared/model';
import { ROUTE_GROUP_NAMES, routeGroup } from '../../shared/routing/table';
import { writeLambdaEntry } from '../../lambdas/runtime/entries';
import { honoRuntime, lambdaRuntime, type Runtime } from '../contract/support/runtimes';
import { useEmulators, type TestUser } from '../support/emulators';
import { waitFor } from '../support/wait';

const stack = useEmulators();
const ADA = 'ada@example.com';
const BOB = 'bob@example.com';

let server: GraphServer;
let lambda: Runtime;
let hono: Runtime;
let honoGraph: Neo4jGraphStore;
let deps: ApiDependencies;
let ada: TestUser;
let bob: TestUser;
let sequence = 0;

const graphConfig = (s: GraphServer) => ({ kind: 'neo4j' as const, uri: s.uri, user: s.user, password: s.password, maxRetryMs: 300, connectTimeoutMs: 1_000 });

beforeAll(async () => {
  server = await startGraphServer();
  [ada, bob] = await Promise.all([stack.user(ADA), stack.user(BOB)]);
  const env = stack.env({ ...server.env, AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false', NEO4J_MAX_RETRY_MS: '300', NEO4J_CONNECT_TIMEOUT_MS: '1000' });
  Object.assign(process.env, env);
  const handlers = Object.fromEntries(
    await Promise.all(ROUTE_GROUP_NAMES.map(async (group) => [group, (await import(join(REPO_ROOT, writeLambdaEntry(routeGroup(group))))).handler])),
  );
  lambda = lambdaRuntime(handlers as Parameters<typeof lambdaRuntime>[0]);
  // The Hono side is "another process": its own driver to the same graph server.
  honoGraph = new Neo4jGraphStore(graphConfig(server));
  deps = await createDependencies(env, { graph: async () => honoGraph });
  hono = await honoRuntime(deps);
});

afterAll(async () => {
  await Promise.all([lambda, hono].map((runtime) => runtime?.close()));
  await Promise.all([honoGraph, await sharedGraphStore()].map((store) => store.close()));
  await server.stop();
});

async function call(runtime: Runtime, user: TestUser, method: string, path: string, body?: unknown, query = '') {
  const response = await runtime.send({
    method,
    path,
    rawQueryString: query,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.idToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
    requestId: `ryw-${++sequence}`,
  });
  return response as { status: number; body: Record<string, unknown> & Record<string, Record<string, unknown>[]> };
}

const byKey = (label: string, key: string) => ({ node: { labels: [label], filters: [{ field: 'key', operator: '=', value: key, not: false }] }, page: 0, limit: 4096 });
const found = async (runtime: Runtime, label: string, key: string, user = ada) => {
  const { status, body } = await call(runtime, user, 'POST', '/my', byKey(label, key));
  expect(status).toBe(200);
  return Object.values(body).flat() as Record<string, unknown>[];
};

const runtimes = () => [
  ['lambda', lambda],
  ['hono', hono],
] as const;

describe.each(['lambda', 'hono'] as const)('written on %s, read at once on both runtimes', (writerName) => {
  const writer = () => (writerName === 'lambda' ? lambda : hono);
  const dns = `${writerName}.example.com`;
  const assetKey = `#asset#${dns}#${dns}`;

  test('asset (PUT /asset), then an update is visible too', async () => {
    expect((await call(writer(), ada, 'PUT', '/asset', { dns, name: dns })).status).toBe(200);
    for (const [, reader] of runtimes()) expect(await found(reader, 'Asset', assetKey)).toEqual([expect.objectContaining({ key: assetKey, status: 'A' })]);
    expect((await call(writer(), ada, 'PUT', '/asset', { dns, name: dns, status: 'F' })).status).toBe(200);
    for (const [, reader] of runtimes()) expect(await found(reader, 'Asset', assetKey)).toEqual([expect.objectContaining({ status: 'F' })]);
  });

  test('risk (POST /risk) with its HAS_VULNERABILITY edge', async () => {
    expect((await call(writer(), ada, 'POST', '/risk', { key: assetKey, name: 'xss', status: 'TH' })).status).toBe(201);
    const query = { node: { labels: ['Asset'], relationships: [{ label: 'HAS_VULNERABILITY', target: { labels: ['Risk'], filters: [{ field: 'name', operator: '=', value: 'xss', not: false }] } }] } };
    for (const [, reader] of runtimes()) {
      const { body } = await call(reader, ada, 'POST', '/my', query);
      expect(body.assets.map((a) => a.key)).toContain(assetKey);
    }
  });

  test('attribute (PUT /attribute) with its HAS_ATTRIBUTE edge', async () => {
    const put = await call(writer(), ada, 'PUT', '/attribute', { key: assetKey, name: 'port', value: '443' });
    expect(put.status).toBe(200);
    const key = put.body.attributes[0].key as string;
    for (const [, reader] of runtimes()) expect(await found(reader, 'Attribute', key)).toHaveLength(1);
  });
});

describe('kinds without a route yet: written through the domain, read at once on both runtimes', () => {
  const whoami: Whoami = { username: ADA, tenant: ADA, role: 'admin', credential: 'jwt' };
  const asset = '#asset#domain.example.com#domain.example.com';
  const webApplication = newWebApplication(ADA, 'https://App.Example.com:443/login?x=1');
  const rows = [
    ['Seed', newSeed(ADA, { dns: 'seed.example.com', name: 'seed.example.com' })],
    ['Port', newPort(ADA, asset, { protocol: 'tcp', port: 443, service: 'https' })],
    ['Technology', newTechnology(ADA, 'cpe:2.3:a:nginx:nginx:1.25.3:*:*:*:*:*:*:*', asset)],
    ['WebApplication', webApplication],
    ['Webpage', newWebpage(ADA, 'https://app.example.com/login', webApplication.key)],
    ['ADDomain', newADDomain(ADA, 'CORP.example.com', 's-1-5-21-1')],
    ['Preseed', newPreseed(ADA, { type: 'whois+company', title: 'registrant', value: 'Example Inc' })],
  ] as const;

  test.each(rows)('%s', async (label, row) => {
    await deps.repository(whoami).put(row);
    for (const [, reader] of runtimes()) {
      expect(await found(reader, label, row.key)).toEqual([expect.objectContaining({ key: row.key })]);
      expect(await found(reader, label, row.key, bob)).toEqual([]); // another tenant never sees it
    }
  });

  test('their relationships are traversable: HAS_PORT, HAS_TECHNOLOGY, HAS_WEBPAGE', async () => {
    const via = (label: string, type: string, child: string) => ({ node: { labels: [label], relationships: [{ label: type, target: { labels: [child] } }] } });
    for (const [, reader] of runtimes()) {
      expect((await call(reader, ada, 'POST', '/my', via('Asset', 'HAS_PORT', 'Port'))).body.assets.map((a) => a.key)).toEqual([asset]);
      expect((await call(reader, ada, 'POST', '/my', via('Asset', 'HAS_TECHNOLOGY', 'Technology'))).body.assets.map((a) => a.key)).toEqual([asset]);
      expect((await call(reader, ada, 'POST', '/my', via('WebApplication', 'HAS_WEBPAGE', 'Webpage'))).body.webapplications.map((a) => a.key)).toEqual([webApplication.key]);
      expect((await call(reader, bob, 'POST', '/my', via('Asset', 'HAS_PORT', 'Port'))).body.assets).toEqual([]);
    }
  });
});

describe('allTenants=true', () => {
  test('reads the caller\'s tenant and the tenants that made them a collaborator, on both runtimes', async () => {
    const dns = 'bob-only.example.com';
    expect((await call(hono, bob, 'PUT', '/asset', { dns, name: dns })).status).toBe(200);
    const query = byKey('Asset', `#asset#${dns}#${dns}`);
    const tenantsOf = (body: Record<string, Record<string, unknown>[]>) => body.assets.map((a) => a.username);
    for (const [, runtime] of runtimes()) expect(tenantsOf((await call(runtime, ada, 'POST', '/my', query, 'allTenants=true')).body)).toEqual([]);
    // Bob makes Ada a collaborator: the Account row in Bob's partition, found through the byMember index.
    await stack.doc.send(new PutCommand({ TableName: stack.tableName, Item: { username: BOB, key: `#account#${BOB}#${ADA}#`, name: BOB, member: ADA, value: '', role: 'readonly' } }));
    for (const [, runtime] of runtimes()) {
      expect(tenantsOf((await call(runtime, ada, 'POST', '/my', query, 'allTenants=true')).body)).toEqual([BOB]);
      expect(tenantsOf((await call(runtime, ada, 'POST', '/my', query)).body)).toEqual([]); // without the flag: Ada's tenant only
      expect(tenantsOf((await call(runtime, bob, 'POST', '/my', byKey('Asset', '#asset#lambda.example.com#lambda.example.com'), 'allTenants=true')).body)).toEqual([]); // not the reverse
    }
  });
});

describe('the graph goes down during writes', () => {
  test('writes succeed, graph routes answer 503 until the stream has caught up, then the graph equals the table', async () => {
    const { port, engine } = server;
    await server.stop();
    const dns = 'outage.example.com';
    for (const [name, runtime] of runtimes()) {
      const write = await call(runtime, ada, 'PUT', '/asset', { dns: `${name}.${dns}`, name: `${name}.${dns}` });
      expect(write.status).toBe(200);
      expect(await call(runtime, ada, 'POST', '/my', byKey('Asset', `#asset#${name}.${dns}#${name}.${dns}`))).toMatchObject({ status: 503, body: { error: 'graph database unavailable' } });
      expect((await call(runtime, ada, 'GET', '/asset', undefined, `key=${encodeURIComponent(`#asset#${name}.${dns}`)}`)).status).toBe(200);
    }

    server = await startGraphServer({ port, engine, user: server.user, password: server.password });
    // Back up, but behind: the writes it missed are in the table's catch-up ledger, so both runtimes still say 503.
    // (Poll: each runtime's driver notices the server is back on its own schedule.)
    for (const [name, runtime] of runtimes()) {
      await waitFor(`${name} to see the graph again, and that it is behind`, async () =>
        expect(await call(runtime, ada, 'POST', '/my', byKey('Asset', `#asset#${name}.${dns}#${name}.${dns}`))).toMatchObject({ status: 503, body: { error: 'graph database is catching up' } }),
      );
    }
    // The repair path: the table's stream, as the projector Lambda (AWS) or the stack's poller (locally) applies it.
    const repair = new Neo4jGraphStore(graphConfig(server));
    const poller = startStreamPoller({ endpoint: stack.dynamoEndpoint, tableName: stack.tableName, store: repair, intervalMs: 50, onError: () => undefined });
    try {
      const tableKeys = async () => {
        const { Items = [] } = await stack.doc.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'username = :u', ExpressionAttributeValues: { ':u': ADA } }));
        return Items.map((item) => item.key as string).filter((key) => nodeKindOfKey(key)).sort();
      };
      const graphKeys = async () => (await repair.snapshot(ADA)).nodes.map((node) => node.properties.key as string).sort();
      await waitFor('the graph to converge on the table', async () => {
        const [table, graph] = await Promise.all([tableKeys(), graphKeys()]);
        // Placeholders (edge sources with no row, e.g. the domain-test asset) may exist only in the graph.
        expect(graph.filter((key) => table.includes(key))).toEqual(table);
      });
      // Caught up: graph routes answer again, with the writes made during the outage, and the ledger is empty.
      for (const [name, runtime] of runtimes()) {
        await waitFor(`${name} to answer again`, async () => expect((await call(runtime, ada, 'POST', '/my', byKey('Asset', '#asset#'))).status).toBe(200));
        expect(await found(runtime, 'Asset', `#asset#${name}.${dns}#${name}.${dns}`)).toHaveLength(1);
      }
      const { Items: ledger = [] } = await stack.doc.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'username = :u', ExpressionAttributeValues: { ':u': LEDGER_PARTITION } }));
      expect(ledger).toEqual([]);
    } finally {
      await poller.stop();
      await repair.close();
    }
  });
});
