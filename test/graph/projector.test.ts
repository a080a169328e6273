/** The projector Lambda: stream batch → graph, stopping at and reporting the first record that fails. */
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { EmbeddedGraphStore } from '../../shared/graph/embedded-store';
import { unavailable } from '../../shared/errors';
import type { GraphMutation } from '../../shared/graph/model';
import { assetRow, insert, remove, riskRow } from './fixtures';

const T = 'alice@example.com';
let projector: typeof import('../../lambdas/graph-projector/handler');

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  delete process.env.NEO4J_URI;
  projector = await import('../../lambdas/graph-projector/handler');
});

/** The embedded store, made to fail like an unreachable Neo4j while `down` is true. */
class FlakyStore extends EmbeddedGraphStore {
  down = false;
  override async apply(mutations: readonly GraphMutation[]) {
    if (this.down) throw unavailable('graph database unavailable');
    return super.apply(mutations);
  }
}

describe('graph projector Lambda', () => {
  const asset = assetRow(T, 'example.com');
  const risk = riskRow(T, asset.key as string, 'example.com', 'xss');

  test('projects a batch in order and reports no failures', async () => {
    const store = new FlakyStore();
    const event: DynamoDBStreamEvent = { Records: [insert(asset), insert(risk), insert({ username: T, key: '#job#a#b#c' })] };
    expect(await projector.projectBatch(event, async () => store)).toEqual({ batchItemFailures: [] });
    expect((await store.snapshot(T)).nodes).toHaveLength(2);
  });

  test('graph down: reports the first failed record and applies nothing after it; the retry catches up', async () => {
    const store = new FlakyStore();
    const records = [insert(asset), insert(risk), remove(asset)];
    await projector.projectBatch({ Records: records.slice(0, 1) }, async () => store);
    store.down = true;
    const failed = await projector.projectBatch({ Records: records.slice(1) }, async () => store);
    expect(failed).toEqual({ batchItemFailures: [{ itemIdentifier: records[1].dynamodb!.SequenceNumber }] });
    expect((await store.snapshot(T)).nodes).toHaveLength(1);

    store.down = false; // Lambda retries from the reported record
    expect(await projector.projectBatch({ Records: records.slice(1) }, async () => store)).toEqual({ batchItemFailures: [] });
    expect((await store.snapshot(T)).nodes.map((n) => n.properties.key)).toEqual([risk.key]);
  });

  test('the middy handler checks its binding, then runs with the process store (explicitly embedded here)', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { TABLE_NAME: 'chariot-projector-test', NEO4J_EMBEDDED: 'true' });
    delete process.env.NEO4J_URI;
    delete process.env.NEO4J_SECRET_ARN;
    const context = { functionName: 'graph-projector', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;
    try {
      expect(await projector.handler({ Records: [insert(asset)] }, context)).toEqual({ batchItemFailures: [] });
      delete process.env.NEO4J_EMBEDDED; // no graph bound: the invocation fails instead of projecting into an empty embedded graph
      await expect(projector.handler({ Records: [insert(asset)] }, context)).rejects.toThrow(/NEO4J_SECRET_ARN or NEO4J_URI/);
    } finally {
      process.env = saved;
    }
  });
});
