/**
 * Jest globalSetup: ONE DynamoDB Local and ONE cognito-local for the whole run (each takes 1-2 s to
 * start on 2 cores). Their endpoints go to the workers through env vars; every test file still
 * creates its own table and user pool through useEmulators().
 */
import { startCognitoLocal, startDynamoDbLocal, type EmulatorHandle } from '../../local/emulators';

export const ENV_DYNAMODB = 'CHARIOT_TEST_DYNAMODB_ENDPOINT';
export const ENV_COGNITO = 'CHARIOT_TEST_COGNITO_ENDPOINT';

export default async function globalSetup(): Promise<void> {
  // Per-route EMF lines (shared/observability/route-metrics.ts) would interleave with test output; the workers inherit this.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const [dynamo, cognito] = await Promise.all([startDynamoDbLocal(), startCognitoLocal()]);
  process.env[ENV_DYNAMODB] = dynamo.endpoint;
  process.env[ENV_COGNITO] = cognito.endpoint;
  (globalThis as { __chariotEmulators?: EmulatorHandle[] }).__chariotEmulators = [dynamo, cognito];
}
