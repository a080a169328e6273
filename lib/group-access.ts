/**
 * What each route group may touch, stated once. Lambda functions (one per group) and Fargate task
 * roles (the union of their migrated groups) are granted from this table.
 */
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { IConstruct } from 'constructs';
import { usesGraph, type RouteGroup } from '../shared/routing/routes';
import { acknowledge, wildcardResourceFinding } from './nag';

export interface GroupAccess {
  readonly table: 'read' | 'readWrite';
  /** Presigned GET/PUT of tenant files. */
  readonly files: boolean;
  /** Read on the Neo4j secret: only groups that search or write the graph (`usesGraph` in the route table). */
  readonly graph: boolean;
}

const access = (group: RouteGroup, table: GroupAccess['table'], files = false): GroupAccess => ({
  table,
  files,
  graph: usesGraph(group),
});

export const GROUP_ACCESS: Readonly<Record<RouteGroup, GroupAccess>> = {
  search: access('search', 'read'),
  capabilities: access('capabilities', 'read'),
  asset: access('asset', 'readWrite'),
  risk: access('risk', 'readWrite'),
  attribute: access('attribute', 'readWrite'),
  hook: access('hook', 'readWrite'),
  account: access('account', 'readWrite'),
  key: access('key', 'readWrite'),
  job: access('job', 'readWrite'),
  file: access('file', 'readWrite', true),
};

/** The least access that covers all of `groups` (for a service that serves several). */
export function combinedAccess(groups: readonly RouteGroup[]): GroupAccess {
  const accesses = groups.map((group) => GROUP_ACCESS[group]);
  return {
    table: accesses.some((a) => a.table === 'readWrite') ? 'readWrite' : 'read',
    files: accesses.some((a) => a.files),
    graph: accesses.some((a) => a.graph),
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
  if (access.graph) resources.neo4jSecret.grantRead(role);
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
