/**
 * The catch-up ledger's rules, on DynamoDB Local and the embedded graph: an entry holds graph reads at 503
 * until the graph holds its row at that version (or newer), a removal until the node is gone, and a row
 * deleted from the table since does not hold them forever. A newer miss is never settled by an older state.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { LEDGER_PARTITION, tableLedger, type CatchUpLedger } from '../../shared/graph/catch-up';
import { EmbeddedGraphStore } from '../../shared/graph/embedded-store';
import { applyMutations, projectRemoval, projectRow } from '../../shared/graph/projection';
import { useEmulators } from '../support/emulators';
import { assetRow, type Row } from './fixtures';

const stack = useEmulators();
const A = 'alice@example.com';
let ledger: CatchUpLedger;
let graph: EmbeddedGraphStore;

beforeEach(async () => {
  ledger = tableLedger(stack.doc, stack.tableName);
  graph = new EmbeddedGraphStore();
});

const caughtUp = () => ledger.assertCaughtUp(graph).then(() => true, (error) => (error.message === 'graph database is catching up' ? false : Promise.reject(error)));
const entries = async () => (await stack.doc.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'username = :p', ExpressionAttributeValues: { ':p': LEDGER_PARTITION } }))).Items ?? [];
const missed = (row: Row, removed = false) => ledger.record({ username: A, key: row.key as string, version: row.version as number, removed });

test('a missed write holds graph reads until the graph has that version; then the entry is gone', async () => {
  const v1 = assetRow(A, 'one.example.com', { version: 1 });
  const v2 = { ...v1, status: 'F', version: 2 };
  await stack.doc.send(new PutCommand({ TableName: stack.tableName, Item: v2 }));
  await missed(v2);
  await missed(v1); // late and older: keeps the newer entry
  expect(await caughtUp()).toBe(false);
  await applyMutations(graph, projectRow(v1));
  expect(await caughtUp()).toBe(false);
  await applyMutations(graph, projectRow(v2));
  expect(await caughtUp()).toBe(true);
  expect(await entries()).toEqual([]);
});

test('a missed removal holds until the node is gone; a missed write of a row deleted since does not hold forever', async () => {
  const row = assetRow(A, 'two.example.com', { version: 3 });
  await applyMutations(graph, projectRow(row));
  await missed(row, true);
  expect(await caughtUp()).toBe(false);
  await applyMutations(graph, projectRemoval(row));
  expect(await caughtUp()).toBe(true);

  await missed(assetRow(A, 'gone.example.com', { version: 1 })); // never in the graph, and no longer in the table
  expect(await caughtUp()).toBe(true);
});
