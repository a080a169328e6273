/**
 * The local stack's stand-in for the projector Lambda's event source mapping: polls the table's stream on
 * DynamoDB Local and applies each record to the graph store, in order per shard. A batch that fails (graph
 * down) is not skipped: its shard resumes after the last applied record on the next tick, so the graph
 * catches up once the store is back.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { applyMutations, projectStreamRecord } from '../shared/graph/projection';
import type { GraphStore } from '../shared/graph/store';

export interface StreamPollerOptions {
  readonly endpoint: string;
  readonly tableName: string;
  readonly store: GraphStore;
  /** Pause between polls once every shard is drained (default 250 ms). */
  readonly intervalMs?: number;
  readonly region?: string;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Where failures are reported (default console.error); the poller itself never throws. */
  readonly onError?: (message: string, error: unknown) => void;
}

export interface StreamPoller {
  /** Stops polling and waits for the poll in progress to finish. */
  stop(): Promise<void>;
}

interface ShardState {
  readonly shardId: string;
  readonly parentShardId?: string;
  iterator?: string;
  /** The last record applied to the graph: where to resume after a failure or an expired iterator. */
  lastSequenceNumber?: string;
  finished: boolean;
}

/** Records per GetRecords call (the Streams maximum is 1000). */
const RECORDS_PER_CALL = 1000;

export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const { endpoint, tableName, store, intervalMs = 250 } = options;
  const aws = {
    endpoint,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  const dynamodb = new DynamoDBClient(aws);
  const streams = new DynamoDBStreamsClient(aws);
  const onError = options.onError ?? ((message, error) => console.error(`stream poller: ${message}`, error));
  const shards = new Map<string, ShardState>();
  let streamArn: string | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> = Promise.resolve();

  async function discoverShards(): Promise<void> {
    if (!streamArn) {
      const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
      streamArn = Table?.LatestStreamArn;
      if (!streamArn) throw new Error(`table ${tableName} has no stream enabled`);
    }
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      for (const shard of StreamDescription?.Shards ?? ([] as Shard[])) {
        if (shard.ShardId && !shards.has(shard.ShardId)) {
          shards.set(shard.ShardId, { shardId: shard.ShardId, parentShardId: shard.ParentShardId, finished: false });
        }
      }
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
  }

  /** A child shard waits until its parent (if we know it) has been read to its end. */
  const ready = (shard: ShardState) => !shard.finished && !(shard.parentShardId && shards.get(shard.parentShardId)?.finished === false);

  async function iteratorOf(shard: ShardState): Promise<string | undefined> {
    if (!shard.iterator) {
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.shardId,
          ...(shard.lastSequenceNumber
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: shard.lastSequenceNumber }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
      shard.iterator = ShardIterator;
    }
    return shard.iterator;
  }

  /** Reads one shard until it has no more records for now; throws (keeping its position) when a record fails. */
  async function drainShard(shard: ShardState): Promise<void> {
    while (!stopped) {
      const iterator = await iteratorOf(shard);
      if (!iterator) return void (shard.finished = true);
      let result;
      try {
        result = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: RECORDS_PER_CALL }));
      } catch (error) {
        shard.iterator = undefined; // expired or invalid: re-acquire after the last applied record
        throw error;
      }
      for (const record of result.Records ?? []) {
        try {
          await applyMutations(store, projectStreamRecord(record));
        } catch (error) {
          shard.iterator = undefined; // do not move past a record that was not applied
          throw error;
        }
        shard.lastSequenceNumber = record.dynamodb?.SequenceNumber ?? shard.lastSequenceNumber;
      }
      shard.iterator = result.NextShardIterator;
      if (!result.NextShardIterator) return void (shard.finished = true);
      if (!result.Records?.length) return;
    }
  }

  async function poll(): Promise<void> {
    try {
      await discoverShards();
      for (const shard of shards.values()) if (ready(shard)) await drainShard(shard);
    } catch (error) {
      onError('poll failed; retrying on the next tick', error);
    }
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      polling = poll().then(schedule);
    }, intervalMs);
  };
  polling = poll().then(schedule);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await polling;
      dynamodb.destroy();
      streams.destroy();
    },
  };
}
