/**
 * The DynamoDB clients both runtimes use, built from RuntimeConfig: one low-level client per process
 * (the repository's hot paths marshal items themselves, see attribute-values.ts) and the document
 * client over it for the rest (auth look-ups, scripts).
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RuntimeConfig } from '../config/runtime';

type ClientConfig = Pick<RuntimeConfig, 'region' | 'dynamodbEndpoint'>;

/** Every option of the process's DynamoDB client, in one place (timeouts, retries and endpoint go here). */
export function dynamoDbClientConfig(config: ClientConfig): DynamoDBClientConfig {
  return {
    region: config.region,
    ...(config.dynamodbEndpoint
      ? { endpoint: config.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  };
}

export function createDynamoDbClient(config: ClientConfig): DynamoDBClient {
  const client = new DynamoDBClient(dynamoDbClientConfig(config));
  // The SDK's logger middleware walks every input and output through its sensitive-data filter before it
  // calls the logger, even the no-op one we have: for a 100-item page that was ~3% of a request's CPU.
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

/** The document client over `client` (the same connections and options). */
export const documentClientOf = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

export function createDocumentClient(config: ClientConfig): DynamoDBDocumentClient {
  return documentClientOf(createDynamoDbClient(config));
}
