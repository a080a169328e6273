import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { GRAPH_PROJECTOR_BINDING } from '../shared/config/binding';
import { ChariotFunction } from './chariot-function';
import { bindFunction, type RuntimeResources } from './runtime-binding';
import { acknowledge, wildcardResourceFinding } from './nag';

export const GRAPH_PROJECTOR_ENTRY = 'lambdas/graph-projector/handler.ts';

export interface GraphProjectorProps {
  readonly table: dynamodb.ITable;
  readonly resources: RuntimeResources;
}

/** Projects table changes into Neo4j from the DynamoDB stream; failed records are retried, then parked in a DLQ. */
export class GraphProjector extends Construct {
  readonly function: lambda.IFunction;

  constructor(scope: Construct, id: string, props: GraphProjectorProps) {
    super(scope, id);
    const fn = new ChariotFunction(this, 'Projector', {
      entry: GRAPH_PROJECTOR_ENTRY,
      environment: { POWERTOOLS_SERVICE_NAME: 'graph-projector' },
      timeout: Duration.minutes(1),
    }).function;

    const deadLetters = new sqs.Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    acknowledge(deadLetters, { 'AwsSolutions-SQS3': 'This queue is itself the dead-letter destination of the stream mapping.' });

    fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 5,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(deadLetters),
      }),
    );
    bindFunction(fn, GRAPH_PROJECTOR_BINDING, props.resources);
    acknowledge(fn.role!, {
      'AwsSolutions-IAM5[Resource::*]':
        'X-Ray writes and dynamodb:ListStreams (used by the stream mapping) support no resource-level permissions.',
      [wildcardResourceFinding(fn, `${props.table.tableArn}/index/*`)]:
        'Reads (re-fetch of full items) on this one table\'s indexes only.',
    });
    this.function = fn;
  }
}
