/** The Neo4j adapter's driver wiring against the Bolt test double: sessions, transactions, retries, errors. */
import { Neo4jError } from 'neo4j-driver';
import type { Whoami } from '../../shared/auth/whoami';
import { unavailable, Unavailable } from '../../shared/errors';
import { Neo4jGraphStore } from '../../shared/graph/neo4j-store';
import { projectRow } from '../../shared/graph/projection';
import { constraintStatements } from '../../shared/graph/cypher';
import { searchGraph } from '../../shared/graph/search';
import { boltNode, startBoltStub, type BoltStub } from '../support/bolt-stub';
import { assetRow } from './fixtures';

const T = 'alice@example.com';
const alice: Whoami = { username: T, tenant: T, role: 'readonly', credential: 'jwt' };
const DEADLOCK = { code: 'Neo.TransientError.Transaction.DeadlockDetected', message: 'deadlock' };

function storeFor(stub: Pick<BoltStub, 'uri'>, password = 'secret') {
  return new Neo4jGraphStore({ kind: 'neo4j', uri: stub.uri, user: 'neo4j', password, maxRetryMs: 500, connectTimeoutMs: 1000 });
}

const types = (stub: BoltStub) => stub.messages.map((m) => m.type);
const isConstraint = (text: string) => text.startsWith('CREATE CONSTRAINT');

describe('Neo4jGraphStore over Bolt', () => {
  let stub: BoltStub;
  let store: Neo4jGraphStore;
  beforeEach(async () => {
    stub = await startBoltStub();
    store = storeFor(stub);
  });
  afterEach(async () => {
    await store.close();
    await stub.stop();
  });

  test('creates the constraints once, then writes each apply in one explicit transaction', async () => {
    const mutations = projectRow(assetRow(T, 'example.com', { discoveredFrom: '#asset#seed.com#seed.com' }));
    await store.apply(mutations);
    await store.apply(mutations);
    const constraints = stub.queries.filter((q) => isConstraint(q.text));
    expect(constraints).toHaveLength(constraintStatements().length);
    const writes = stub.queries.filter((q) => !isConstraint(q.text));
    expect(writes).toHaveLength(4);
    expect(writes.every((q) => q.inTransaction)).toBe(true);
    expect(writes[0].text).toMatch(/^UNWIND \$rows AS row\nMERGE \(n:Asset/);
    expect(writes[0].parameters).toEqual({ rows: [expect.objectContaining({ key: '#asset#example.com#example.com', properties: expect.objectContaining({ ttl: 1_800_000_000 }) })] });
    // the last apply: BEGIN, two statements, COMMIT
    expect(types(stub).slice(-6)).toEqual(['BEGIN', 'RUN', 'PULL', 'RUN', 'PULL', 'COMMIT']);
    expect(types(stub).slice(0, 2)).toEqual(['HELLO', 'LOGON']);
  });

  test('search runs in a read transaction and hydrates nodes', async () => {
    stub.options.handler = (q) =>
      q.text.startsWith('MATCH (n:Asset)')
        ? { fields: ['n'], records: [[boltNode(7, ['Asset', 'Seed', 'TTL'], { username: T, key: '#asset#a#a', history: '[{"to":"A"}]', _json: ['history'] })]] }
        : { fields: [], records: [] };
    const response = await searchGraph(store, alice, { node: { labels: ['Asset'], filters: [{ field: 'key', operator: 'STARTS WITH', value: '#asset#' }] }, limit: 5 });
    expect(response).toEqual({ assets: [{ username: T, key: '#asset#a#a', history: [{ to: 'A' }] }] });
    const search = stub.queries.at(-1)!;
    expect(search.parameters).toEqual({ tenant: T, p0: '#asset#', skip: 0, limit: 6 });
    const begin = stub.messages.filter((m) => m.type === 'BEGIN').at(-1)!;
    expect(begin.fields[0]).toMatchObject({ mode: 'r' });
  });

  test('a transient failure at COMMIT is retried and the write lands', async () => {
    await store.ensureConstraints();
    let failures = 1;
    stub.options.onCommit = () => (failures-- > 0 ? DEADLOCK : undefined);
    const before = stub.messages.length;
    await store.apply(projectRow(assetRow(T, 'example.com')));
    const attempt = types(stub).slice(before).filter((t) => t === 'BEGIN' || t === 'COMMIT' || t === 'RESET');
    expect(attempt).toEqual(['BEGIN', 'COMMIT', 'RESET', 'BEGIN', 'COMMIT']);
  });

  test('a transient failure on a statement is retried too', async () => {
    let failures = 1;
    stub.options.handler = (q) => (!isConstraint(q.text) && failures-- > 0 ? { failure: DEADLOCK } : { fields: [], records: [] });
    await store.apply(projectRow(assetRow(T, 'example.com')));
    expect(stub.queries.filter((q) => q.text.includes('SET n = row.properties')).length).toBe(2);
  });

  test('a statement error is not retried and is not reported as unavailability', async () => {
    stub.options.handler = (q) => (isConstraint(q.text) ? { fields: [], records: [] } : { failure: { code: 'Neo.ClientError.Statement.SyntaxError', message: 'bad' } });
    const error = await store.apply(projectRow(assetRow(T, 'example.com'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Neo4jError);
    expect(stub.queries.filter((q) => !isConstraint(q.text))).toHaveLength(1);
  });

  test('a database that keeps failing transiently becomes 503 once retries run out', async () => {
    stub.options.onCommit = () => DEADLOCK;
    const error = await store.apply(projectRow(assetRow(T, 'example.com'))).catch((e: unknown) => e);
    expect(error).toEqual(unavailable('graph database unavailable'));
    expect(error).toBeInstanceOf(Unavailable);
  });

  test('wrong credentials are 503 to API callers', async () => {
    const wrong = storeFor(stub, 'not-the-password');
    try {
      await expect(wrong.search(T, { labels: ['Asset'], filters: [], relationships: [] }, { skip: 0, limit: 1, orderBy: 'key', descending: false })).rejects.toBeInstanceOf(Unavailable);
    } finally {
      await wrong.close();
    }
  });

  test('Neo4j down: 503 "graph database unavailable"; it works again when the database returns', async () => {
    const { port } = stub;
    await stub.stop();
    const body = { node: { labels: ['Asset'] } };
    await expect(searchGraph(store, alice, body)).rejects.toEqual(unavailable('graph database unavailable'));
    await expect(store.apply(projectRow(assetRow(T, 'example.com')))).rejects.toBeInstanceOf(Unavailable);

    stub = await startBoltStub({ port });
    expect(await searchGraph(store, alice, body)).toEqual({ assets: [] });
    expect(stub.queries.filter((q) => isConstraint(q.text))).toHaveLength(constraintStatements().length); // constraints retried after the outage
  });
});
