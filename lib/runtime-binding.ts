/**
 * The CDK side of shared/config/binding.ts: from a backend's Binding, the env vars, the secrets and the
 * IAM grants of its Lambda function or Fargate container. Nothing here lists variable names of its own:
 * they all come from the binding declaration, so the runtime's check and the template cannot drift.
 */
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsSecrets from 'aws-cdk-lib/aws-ecs';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { PLAIN_VARIABLES, SECRET_DELIVERY, type Binding, type SecretNeed } from '../shared/config/binding';
import { grantAccess, type SharedResources } from './group-access';

export interface RuntimeResources extends SharedResources {
  readonly offsetKeySecret: secretsmanager.ISecret;
  readonly cognito: { readonly issuer: string; readonly clientId: string };
  /** The environment's name (`-c env=NAME`): every backend's CHARIOT_ENV, so its metrics say where they come from. */
  readonly envName: string;
  /** LOG_LEVEL of every backend, when the environment sets one. */
  readonly logLevel?: string;
}

const SECRET_NEEDS = Object.keys(SECRET_DELIVERY) as SecretNeed[];

function secretOf(need: SecretNeed, resources: RuntimeResources): secretsmanager.ISecret {
  return { offsetKey: resources.offsetKeySecret, apiTokenKey: resources.apiTokenSecret, graph: resources.neo4jSecret }[need];
}

/** The plain (non-secret) variables of `binding`. */
export function plainEnvironment(binding: Binding, resources: RuntimeResources): Record<string, string> {
  const values: Record<(typeof PLAIN_VARIABLES)[keyof typeof PLAIN_VARIABLES][number], string> = {
    TABLE_NAME: resources.table.tableName,
    COGNITO_ISSUER: resources.cognito.issuer,
    COGNITO_CLIENT_ID: resources.cognito.clientId,
    FILES_BUCKET: resources.filesBucket.bucketName,
    CHARIOT_ENV: resources.envName,
  };
  const names = [...PLAIN_VARIABLES.environment, ...PLAIN_VARIABLES.table, ...(binding.cognito ? PLAIN_VARIABLES.cognito : []), ...(binding.files ? PLAIN_VARIABLES.files : [])];
  return { ...Object.fromEntries(names.map((name) => [name, values[name]])), ...(resources.logLevel ? { LOG_LEVEL: resources.logLevel } : {}) };
}

const secretNeeds = (binding: Binding) => SECRET_NEEDS.filter((need) => binding[need]);

/** Lambda: plain env, each secret's ARN (read at start through Powertools Parameters) with read on it, and table/files grants. */
export function bindFunction(fn: lambda.Function, binding: Binding, resources: RuntimeResources): void {
  for (const [name, value] of Object.entries(plainEnvironment(binding, resources))) fn.addEnvironment(name, value);
  for (const need of secretNeeds(binding)) {
    const secret = secretOf(need, resources);
    fn.addEnvironment(SECRET_DELIVERY[need].arnVariable, secret.secretArn);
    secret.grantRead(fn);
  }
  grantAccess(fn.role!, binding, resources);
}

/**
 * Fargate: plain env, each secret's value injected by ECS at task start (`ecs.Secret`; the execution role
 * gets read on it, the task role does not), and table/files grants on the task role.
 */
export function bindContainer(container: ecs.ContainerDefinition, taskRole: Parameters<typeof grantAccess>[0], binding: Binding, resources: RuntimeResources): void {
  for (const [name, value] of Object.entries(plainEnvironment(binding, resources))) container.addEnvironment(name, value);
  for (const need of secretNeeds(binding)) {
    const secret = secretOf(need, resources);
    for (const [variable, field] of Object.entries(SECRET_DELIVERY[need].valueVariables)) {
      container.addSecret(variable, ecsSecrets.Secret.fromSecretsManager(secret, field));
    }
  }
  grantAccess(taskRole, binding, resources);
}
