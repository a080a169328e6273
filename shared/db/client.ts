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
  return new DynamoDBClient(dynamoDbClientConfig(config));
}

/** The document client over `client` (the same connections and options). */
export const documentClientOf = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

export function createDocumentClient(config: ClientConfig): DynamoDBDocumentClient {
  return documentClientOf(createDynamoDbClient(config));
}
