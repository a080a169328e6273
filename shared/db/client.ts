/** The DynamoDB document client both runtimes use, built from RuntimeConfig. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RuntimeConfig } from '../config/runtime';
import { classifyUnavailable } from './unavailable';

/**
 * Explicit deadlines: the SDK's defaults have none, so a hung store held requests until API Gateway's
 * 29 s integration timeout. `throwOnRequestTimeout` makes the request timeout an error (the handler's
 * default only logs a warning). A failure that outlives the SDK's retries is "unavailable" (503).
 */
export function createDocumentClient(config: Pick<RuntimeConfig, 'region' | 'dynamodbEndpoint' | 'dynamodbDeadline'>): DynamoDBDocumentClient {
  const { connectMs, requestMs, maxAttempts } = config.dynamodbDeadline;
  const client = new DynamoDBClient({
    region: config.region,
    maxAttempts,
    requestHandler: { connectionTimeout: connectMs, requestTimeout: requestMs, throwOnRequestTimeout: true },
    ...(config.dynamodbEndpoint
      ? { endpoint: config.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  classifyUnavailable(client);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
