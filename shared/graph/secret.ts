import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretFetcher } from './config';

/** Reads the Neo4j secret (`{uri, username, password}`) in AWS; Lambda and Fargate are granted read on it and nothing else. */
export const secretsManagerFetcher: SecretFetcher = async (arn) => {
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!SecretString) throw new Error(`secret ${arn} has no string value`);
  return SecretString;
};
