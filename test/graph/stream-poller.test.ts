/** End to end on DynamoDB Local: table writes → stream → poller → graph; and graph:rebuild from the table. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_AWS } from '../../local/emulators';
import { startStreamPoller, type StreamPoller } from '../../local/stream-poller';
import { EmbeddedGraphStore } from '../../shared/graph/embedded-store';
import type { GraphMutation, GraphSnapshot } from '../../shared/graph/model';
import { rebuildGraph } from '../../shared/graph/rebuild';
import { unavailable } from '../../shared/errors';
import { useEmulators } from '../support/emulators';
import { waitFor } from '../support/wait';
import { assetRow, attributeRow, riskRow, type Row } from './fixtures';

const T = 'alice@example.com';

class FlakyStore extends EmbeddedGraphStore {
  down = false;
  override async apply(mutations: readonly GraphMutation[]) {
    if (this.down) throw unavailable('graph database unavailable');
    return super.apply(mutations);
  }
}

/** Polls until `check` passes (the poller is asynchronous by nature). */
const eventually = (check: () => Promise<void>) => waitFor('the stream projection', check, { timeoutMs: 15_000, intervalMs: 100 });

const keysOf = (snapshot: GraphSnapshot) => snapshot.nodes.map((n) => n.properties.key);

describe('stream poller on DynamoDB Local', () => {
  const stack = useEmulators();
  const store = new FlakyStore();
  const errors: unknown[] = [];
  let poller: StreamPoller;

  beforeAll(() => {
    poller = startStreamPoller({ endpoint: stack.dynamoEndpoint, tableName: stack.tableName, store, intervalMs: 100, onError: (_, e) => errors.push(e) });
  });
  afterAll(() => poller.stop());

  const put = (row: Row) => stack.doc.send(new PutCommand({ TableName: stack.tableName, Item: row }));
  const asset = assetRow(T, 'example.com', { source: 'seed', tags: ['prod'] });
  const risk = riskRow(T, asset.key as string, 'example.com', 'xss');
  const attribute = attributeRow(T, asset.key as string, 'port', '443');

  test('rows written to the table appear in the graph, with their edges', async () => {
    for (const row of [asset, risk, attribute, { username: T, key: '#job#example.com#x#nuclei', status: 'JQ' }]) await put(row);
    await eventually(async () => {
      const snapshot = await store.snapshot(T);
      expect(keysOf(snapshot)).toEqual([asset.key, attribute.key, risk.key]);
      expect(snapshot.edges.map((e) => e.type).sort()).toEqual(['HAS_ATTRIBUTE', 'HAS_VULNERABILITY']);
      expect(snapshot.nodes[0]).toEqual({ labels: ['Asset', 'Seed'], properties: expect.objectContaining({ tags: ['prod'] }) });
    });
  });

  test('updates and hard deletes follow', async () => {
    await put({ ...risk, status: 'DHF' });
    await stack.doc.send(new DeleteCommand({ TableName: stack.tableName, Key: { username: T, key: attribute.key } }));
    await eventually(async () => {
      const snapshot = await store.snapshot(T);
      expect(keysOf(snapshot)).toEqual([asset.key, risk.key]);
      expect(snapshot.nodes[1].properties.status).toBe('DHF');
    });
  });

  test('while the graph is down nothing is skipped; it catches up when it returns', async () => {
    store.down = true;
    const late = assetRow(T, 'late.example.com', { discoveredFrom: asset.key });
    await put(late);
    await put(riskRow(T, late.key as string, 'late.example.com', 'sqli'));
    await eventually(async () => expect(errors.length).toBeGreaterThan(1)); // it kept retrying
    expect(keysOf(await store.snapshot(T))).not.toContain(late.key);

    store.down = false;
    await eventually(async () => {
      const snapshot = await store.snapshot(T);
      expect(keysOf(snapshot)).toEqual(expect.arrayContaining([late.key, '#risk#late.example.com#sqli']));
      expect(snapshot.edges.map((e) => e.type).sort()).toEqual(['DISCOVERED', 'HAS_VULNERABILITY', 'HAS_VULNERABILITY']);
    });
  });

  test('graph:rebuild from the table gives the graph the stream built', async () => {
    const rebuilt = new EmbeddedGraphStore();
    const client = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, ...LOCAL_AWS });
    try {
      const report = await rebuildGraph({ client, tableName: stack.tableName, store: rebuilt, pageSize: 2 });
      expect(report).toEqual({ rowsScanned: 4, nodesWritten: 4 });
    } finally {
      client.destroy();
    }
    expect(await rebuilt.snapshot(T)).toEqual(await store.snapshot(T));
  });
});
