/**
 * DynamoDB stream → graph projection. Records are applied in stream order; on the first failure (Neo4j down,
 * say) the handler stops and reports that record, so Lambda retries from it and the graph catches up later.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { GRAPH_PROJECTOR_BINDING } from '../../shared/config/binding';
import { loadRuntimeConfig } from '../../shared/config/runtime';
import { sharedGraphStore } from '../../shared/graph/config';
import { applyMutations, projectStreamRecord } from '../../shared/graph/projection';
import type { GraphStore } from '../../shared/graph/store';

const logger = new Logger({ serviceName: 'graph-projector' });

/** The projection loop, separate from the Lambda wiring so tests can give it any store. */
export async function projectBatch(event: DynamoDBStreamEvent, store: () => Promise<GraphStore>): Promise<DynamoDBBatchResponse> {
  let applied = 0;
  for (const record of event.Records) {
    try {
      await applyMutations(await store(), projectStreamRecord(record));
      applied++;
    } catch (error) {
      const itemIdentifier = record.dynamodb?.SequenceNumber ?? '';
      logger.error('graph projection failed; the batch is retried from this record', { itemIdentifier, error: error as Error });
      // Later records are not applied: order within a shard matters, and Lambda retries from here.
      return { batchItemFailures: [{ itemIdentifier }] };
    }
  }
  logger.info('projected stream records', { records: event.Records.length, applied });
  return { batchItemFailures: [] };
}

/** Checked at cold start, like every backend: a gap in the binding fails the init, not the first batch. */
const checkBinding = () => loadRuntimeConfig(process.env, GRAPH_PROJECTOR_BINDING);

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler((event) => {
    checkBinding();
    return projectBatch(event, () => sharedGraphStore());
  });
