/**
 * What each route group may touch, stated once. Lambda functions (one per group) and Fargate task
 * roles (the union of their migrated groups) are granted from this table.
 */
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { IConstruct } from 'constructs';
import type { RouteGroup } from '../shared/routing/routes';
import { acknowledge, wildcardResourceFinding } from './nag';

export interface GroupAccess {
  readonly table: 'read' | 'readWrite';
  /** Presigned GET/PUT of tenant files. */
  readonly files: boolean;
}

export const GROUP_ACCESS: Readonly<Record<RouteGroup, GroupAccess>> = {
  search: { table: 'read', files: false },
  capabilities: { table: 'read', files: false },
  asset: { table: 'readWrite', files: false },
  risk: { table: 'readWrite', files: false },
  attribute: { table: 'readWrite', files: false },
  hook: { table: 'readWrite', files: false },
  account: { table: 'readWrite', files: false },
  key: { table: 'readWrite', files: false },
  job: { table: 'readWrite', files: false },
  file: { table: 'readWrite', files: true },
};

/** The least access that covers all of `groups` (for a service that serves several). */
export function combinedAccess(groups: readonly RouteGroup[]): GroupAccess {
  const accesses = groups.map((group) => GROUP_ACCESS[group]);
  return {
    table: accesses.some((a) => a.table === 'readWrite') ? 'readWrite' : 'read',
    files: accesses.some((a) => a.files),
  };
}

export interface SharedResources {
  readonly table: dynamodb.ITable;
  readonly filesBucket: s3.IBucket;
  readonly neo4jSecret: secretsmanager.ISecret;
}

/** Grants `access` to `role`, and acknowledges the index wildcard that DynamoDB grants carry. */
export function grantAccess(role: iam.IRole & IConstruct, access: GroupAccess, resources: SharedResources): void {
  if (access.table === 'readWrite') resources.table.grantReadWriteData(role);
  else resources.table.grantReadData(role);
  resources.neo4jSecret.grantRead(role);
  if (access.files) {
    // Only what presigned download/upload URLs need, not the bucket-wide grantReadWrite.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [resources.filesBucket.arnForObjects('*')] }),
    );
  }
  acknowledge(role, {
    [wildcardResourceFinding(role, `${resources.table.tableArn}/index/*`)]:
      'Queries on the table indexes (byStatus, bySource, ...): the index ARNs of this one table only.',
    ...(access.files
      ? {
          [wildcardResourceFinding(role, resources.filesBucket.arnForObjects('*'))]:
            'Object keys are per tenant and unknown at deploy time; GetObject/PutObject only, on this one bucket.',
        }
      : {}),
  });
}
