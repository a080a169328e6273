import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../../tooling/deploy-config/schema';
import { AccessLogsBucket } from '../access-logs-bucket';
import { ApiTokenSecret } from '../api-token-secret';
import { DataTable } from '../data-table';
import { FilesBucket } from '../files-bucket';
import { Neo4jSecret } from '../neo4j-secret';
import { OffsetKey } from '../offset-key';
import type { RuntimeResources } from '../runtime-binding';
import { UserDirectory } from '../user-directory';
import { exportAlways } from './stable-exports';

export interface DataStackProps extends StackProps {
  readonly envName: string;
  readonly environment: EnvironmentConfig;
}

/**
 * Data and identity: the table, the user pool, the buckets and the secrets. Changes rarely (never with a flip or a
 * code change), and holds what outlives every other stack.
 */
export class DataStack extends Stack {
  /** Everything a backend may be bound to; each gets what its binding names (lib/runtime-binding.ts). */
  readonly resources: RuntimeResources;
  readonly accessLogs: s3.IBucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { environment } = props;
    const data = new DataTable(this, 'Data', environment.table);
    const users = new UserDirectory(this, 'Users', environment.userPool);
    const accessLogs = new AccessLogsBucket(this, 'AccessLogs');
    const files = new FilesBucket(this, 'Files', { accessLogs: accessLogs.bucket, corsOrigins: environment.corsOrigins });
    const neo4j = new Neo4jSecret(this, 'Neo4j', { secretName: environment.neo4jSecretName });
    const apiTokens = new ApiTokenSecret(this, 'ApiTokens');
    this.accessLogs = accessLogs.bucket;
    const offsetKey = new OffsetKey(this, 'OffsetKey');
    this.resources = {
      table: data.table,
      filesBucket: files.bucket,
      neo4jSecret: neo4j.secret,
      apiTokenSecret: apiTokens.secret,
      offsetKeySecret: offsetKey.secret,
      cognito: { issuer: users.issuer, clientId: users.clientId },
      logLevel: environment.logLevel,
      envName: props.envName,
    };

    exportAlways(this, [
      data.table.tableName,
      data.table.tableArn,
      data.table.tableStreamArn ?? '',
      users.userPoolId,
      users.clientId,
      files.bucket.bucketName,
      files.bucket.bucketArn,
      neo4j.secret.secretArn,
      apiTokens.secret.secretArn,
      offsetKey.secret.secretArn,
    ]);

    new CfnOutput(this, 'UserPoolId', { value: users.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: users.clientId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}
