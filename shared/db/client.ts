/**
 * The DynamoDB clients both runtimes use, built from RuntimeConfig: one low-level client per process
 * (the repository's hot paths marshal items themselves, see attribute-values.ts) and the document
 * client over it for the rest (auth look-ups, scripts).
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RuntimeConfig } from '../config/runtime';
import { classifyUnavailable } from './unavailable';

type ClientConfig = Pick<RuntimeConfig, 'region' | 'dynamodbDeadline'>;

/**
 * Every option of the process's DynamoDB client, in one place. Explicit deadlines: the SDK's defaults
 * have none, so a hung store held requests until API Gateway's 29 s integration timeout.
 * `throwOnRequestTimeout` makes the request timeout an error (the handler's default only logs a warning).
 * No endpoint here: the SDK reads AWS_ENDPOINT_URL_DYNAMODB itself (DynamoDB Local in the local stack and tests).
 */
export function dynamoDbClientConfig(config: ClientConfig): DynamoDBClientConfig {
  const { connectMs, requestMs, maxAttempts } = config.dynamodbDeadline;
  return {
    region: config.region,
    maxAttempts,
    requestHandler: { connectionTimeout: connectMs, requestTimeout: requestMs, throwOnRequestTimeout: true },
  };
}

/** A failure that outlives the SDK's retries is "unavailable" (503). */
export function createDynamoDbClient(config: ClientConfig): DynamoDBClient {
  const client = new DynamoDBClient(dynamoDbClientConfig(config));
  // The SDK's logger middleware walks every input and output through its sensitive-data filter before it
  // calls the logger, even the no-op one we have: for a 100-item page that was ~3% of a request's CPU.
  client.middlewareStack.remove('loggerMiddleware');
  classifyUnavailable(client);
  return client;
}

/** The document client over `client` (the same connections and options). */
export const documentClientOf = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

export function createDocumentClient(config: ClientConfig): DynamoDBDocumentClient {
  return documentClientOf(createDynamoDbClient(config));
}
