/**
 * What each route group may touch, as its folder declares it (`shared/routes/<group>/routes.ts` →
 * `access`). Lambda functions (one per group) and Fargate task roles (the union of their migrated
 * groups) are granted from it, and get only the env vars it calls for.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { IConstruct } from 'constructs';
import type { GroupAccess } from '../shared/routing/route-group';
import { acknowledge, wildcardResourceFinding } from './nag';

export type { GroupAccess };

const TABLE_LEVELS = ['none', 'read', 'readWrite'] as const;

/** The least access that covers all of `groups` (for a service that serves several). */
export function combinedAccess(accesses: readonly GroupAccess[]): Required<GroupAccess> {
  return {
    table: TABLE_LEVELS[Math.max(0, ...accesses.map((a) => TABLE_LEVELS.indexOf(a.table)))],
    files: accesses.some((a) => a.files === true),
    graph: accesses.some((a) => a.graph === true),
  };
}

/** The env vars a backend with `access` needs, picked from everything the stack could hand it. */
export function backendEnvironment(access: GroupAccess, all: Readonly<Record<string, string>>): Record<string, string> {
  const dropped = new Set([...(access.files ? [] : ['FILES_BUCKET']), ...(access.graph ? [] : ['NEO4J_SECRET_ARN'])]);
  return Object.fromEntries(Object.entries(all).filter(([name]) => !dropped.has(name)));
}

export interface SharedResources {
  readonly table: dynamodb.ITable;
  readonly filesBucket: s3.IBucket;
  readonly neo4jSecret: secretsmanager.ISecret;
}

/** Grants `access` to `role`, and acknowledges the index wildcard that DynamoDB grants carry. */
export function grantAccess(role: iam.IRole & IConstruct, access: GroupAccess, resources: SharedResources): void {
  if (access.table === 'readWrite') resources.table.grantReadWriteData(role);
  else if (access.table === 'read') resources.table.grantReadData(role);
  if (access.graph) resources.neo4jSecret.grantRead(role);
  if (access.files) {
    // Only what presigned download/upload URLs need, not the bucket-wide grantReadWrite.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [resources.filesBucket.arnForObjects('*')] }),
    );
  }
  acknowledge(role, {
    ...(access.table !== 'none'
      ? {
          [wildcardResourceFinding(role, `${resources.table.tableArn}/index/*`)]:
            'Queries on the table indexes (byStatus, bySource, ...): the index ARNs of this one table only.',
        }
      : {}),
    ...(access.files
      ? {
          [wildcardResourceFinding(role, resources.filesBucket.arnForObjects('*'))]:
            'Object keys are per tenant and unknown at deploy time; GetObject/PutObject only, on this one bucket.',
        }
      : {}),
  });
}
