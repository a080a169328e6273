/**
 * What each route group may touch, as its folder declares it (`shared/routes/<group>/routes.ts` →
 * `access`): the table and files grants. lib/runtime-binding.ts calls this for every backend, and adds
 * the env vars and secrets of the backend's binding (shared/config/binding.ts).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { IConstruct } from 'constructs';
import type { GroupAccess } from '../shared/routing/route-group';
import { acknowledge, wildcardResourceFinding } from './nag';

export type { GroupAccess };

export { combinedAccess } from '../shared/config/binding';

export interface SharedResources {
  readonly table: dynamodb.ITable;
  readonly filesBucket: s3.IBucket;
  readonly neo4jSecret: secretsmanager.ISecret;
  /** The key of `GET /token`'s API tokens: every API backend and the authorizer verify them. */
  readonly apiTokenSecret: secretsmanager.ISecret;
}

/** Grants `access` (table, files) to `role`, and acknowledges the wildcards those grants carry. Secrets: see runtime-binding.ts. */
export function grantAccess(role: iam.IRole & IConstruct, access: GroupAccess, resources: SharedResources): void {
  if (access.table === 'readWrite') resources.table.grantReadWriteData(role);
  else if (access.table === 'read') resources.table.grantReadData(role);
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
