import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../shared/db/table-schema';
import type { TableConfig } from '../tooling/deploy-config/schema';

const stringKey = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

/** The single Chariot table: created from `TABLE_SCHEMA`, or the existing one imported with its stream. */
export class DataTable extends Construct {
  /** Its stream (NEW_AND_OLD_IMAGES, `tableStreamArn`) feeds the graph projector. */
  readonly table: dynamodb.ITable;

  constructor(scope: Construct, id: string, config: TableConfig) {
    super(scope, id);
    if (config.mode === 'import') {
      this.table = dynamodb.Table.fromTableAttributes(this, 'Table', {
        tableName: config.tableName,
        tableStreamArn: config.streamArn,
        // So grants cover the indexes too (`table/<name>/index/*`).
        globalIndexes: TABLE_SCHEMA.globalIndexes.map((index) => index.indexName),
      });
      return;
    }
    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: stringKey(TABLE_SCHEMA.partitionKey),
      sortKey: stringKey(TABLE_SCHEMA.sortKey),
      timeToLiveAttribute: TABLE_SCHEMA.timeToLiveAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      // Tenant data outlives any stack: deleting the stack must never delete the table.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE_SCHEMA.globalIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        ...('sortKey' in index && index.sortKey ? { sortKey: stringKey(index.sortKey) } : {}),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    this.table = table;
  }
}
