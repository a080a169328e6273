/**
 * "Graph routes answer 503 until the graph has caught up." When the request path cannot write a change to the
 * graph (the graph is down, or the writer is backing off after a failure), it records the change in a ledger
 * in the table, the one store every process of every runtime shares and the one that is up when the graph is
 * not. Before a graph read, the ledger is checked: an entry is settled (and removed) once the graph holds its
 * row at that version or newer, which the stream projection brings about; while any entry is unsettled, graph
 * routes answer 503. The check is one consistent Query of an empty partition when all is well.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unavailable } from '../errors';
import type { GraphStore } from './store';

/** The ledger's partition: not an email, so never a tenant; its keys are no graph kind, so never projected. */
export const LEDGER_PARTITION = '#graph';
export const GRAPH_CATCHING_UP = 'graph database is catching up';
/** A ledger entry outlives any sane stream delay, then expires (TTL), so a lost record cannot 503 forever. */
export const LEDGER_ENTRY_TTL_SECONDS = 24 * 3600;
/** How many entries one check settles at most; the rest wait for the next read. */
const CHECK_BATCH = 100;

/** A table change the graph has not been given yet. */
export interface PendingWrite {
  readonly username: string;
  readonly key: string;
  /** The row's version: the graph has caught up when its node holds this version or a newer one. */
  readonly version: number;
  /** A hard delete or expiry: caught up when the node is gone (or re-created newer). */
  readonly removed: boolean;
}

export interface CatchUpLedger {
  /** Records a change the graph missed; a newer entry for the same row is never replaced by an older one. */
  record(write: PendingWrite): Promise<void>;
  /** Throws Unavailable (503) while the graph misses any recorded change; settles the entries it finds applied. */
  assertCaughtUp(graph: GraphStore): Promise<void>;
}

const entryKey = (write: Pick<PendingWrite, 'username' | 'key'>) => `#pending#${write.username}#${write.key}`;
const nodeId = (write: Pick<PendingWrite, 'username' | 'key'>) => `${write.username}\n${write.key}`;
const ignoreConditionFailure = (error: unknown) => {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
};

export function tableLedger(doc: DynamoDBDocumentClient, tableName: string, now: () => number = Date.now): CatchUpLedger {
  /** Is the row gone from the table? Then a missing node is the graph agreeing with it. */
  const rowGone = async (write: PendingWrite) =>
    !(await doc.send(new GetCommand({ TableName: tableName, Key: { username: write.username, key: write.key }, ConsistentRead: true }))).Item;

  /** `version`: the node's (-1 for a placeholder, undefined when there is no node). */
  const applied = async (write: PendingWrite, version: number | undefined) => {
    // A placeholder is only an edge's end, not the removed row coming back.
    if (write.removed) return version === undefined || version === -1 || version > write.version;
    if (version !== undefined && version >= write.version) return true;
    return version === undefined && (await rowGone(write));
  };

  return {
    async record(write) {
      await doc
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: { username: LEDGER_PARTITION, key: entryKey(write) },
            UpdateExpression: 'SET #u = :u, #k = :k, #v = :v, #r = :r, #ttl = :ttl',
            ConditionExpression: 'attribute_not_exists(#v) OR #v <= :v',
            ExpressionAttributeNames: { '#u': 'tenant', '#k': 'rowKey', '#v': 'version', '#r': 'removed', '#ttl': 'ttl' },
            ExpressionAttributeValues: { ':u': write.username, ':k': write.key, ':v': write.version, ':r': write.removed, ':ttl': Math.floor(now() / 1000) + LEDGER_ENTRY_TTL_SECONDS },
          }),
        )
        .catch(ignoreConditionFailure);
    },

    async assertCaughtUp(graph) {
      const { Items = [] } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'username = :p',
          ExpressionAttributeValues: { ':p': LEDGER_PARTITION },
          ConsistentRead: true,
          Limit: CHECK_BATCH,
        }),
      );
      if (Items.length === 0) return;
      const entries = Items.map((item) => ({ entryKey: item.key as string, write: { username: item.tenant, key: item.rowKey, version: item.version, removed: item.removed } as PendingWrite }));
      const versions = await graph.versions(entries.map((e) => e.write));
      let behind = false;
      for (const { entryKey: key, write } of entries) {
        if (!(await applied(write, versions.get(nodeId(write))))) {
          behind = true;
          continue;
        }
        // Only this version's entry: a newer miss recorded meanwhile stays.
        await doc
          .send(new DeleteCommand({ TableName: tableName, Key: { username: LEDGER_PARTITION, key }, ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': write.version } }))
          .catch(ignoreConditionFailure);
      }
      if (behind || Items.length === CHECK_BATCH) throw unavailable(GRAPH_CATCHING_UP);
    },
  };
}
