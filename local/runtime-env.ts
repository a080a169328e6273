/**
 * The environment both runtimes read (shared/config/runtime.ts), pointed at local emulators: one
 * builder for `npm start`, the bench and the tests, which spread their own extras over it.
 */
import { LOCAL_API_TOKEN_KEY, LOCAL_OFFSET_KEYS } from '../shared/config/runtime';
import { LOCAL_AWS, type UserPool } from './emulators';

/** The table of `npm start` (and the default of the scripts that work on it). */
export const LOCAL_TABLE_NAME = 'chariot-local';

export interface LocalRuntimeTarget {
  readonly dynamodbEndpoint: string;
  readonly tableName: string;
  readonly pool: Pick<UserPool, 'issuer' | 'clientId' | 'jwksUri'>;
}

/** `extra` adds or overrides variables (files, log levels, secrets): it is spread last. */
export function runtimeEnvironment(target: LocalRuntimeTarget, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    TABLE_NAME: target.tableName,
    AWS_REGION: LOCAL_AWS.region,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
    // The SDK's own endpoint variable: the runtimes build their clients exactly as in AWS.
    AWS_ENDPOINT_URL_DYNAMODB: target.dynamodbEndpoint,
    COGNITO_ISSUER: target.pool.issuer,
    COGNITO_CLIENT_ID: target.pool.clientId,
    COGNITO_JWKS_URI: target.pool.jwksUri,
    // Secrets given as values, the way ECS injects them; `secretEnvironment()` gives ARNs on the Secrets Manager emulator instead.
    OFFSET_KEYS: LOCAL_OFFSET_KEYS,
    API_TOKEN_KEY: LOCAL_API_TOKEN_KEY,
    // There is no X-Ray daemon locally.
    POWERTOOLS_TRACE_ENABLED: 'false',
    ...extra,
  };
}
