import type { SecretFetcher } from './config';

/**
 * Reads the Neo4j secret (`{uri, username, password}`) in AWS; Lambda and Fargate are granted read on it and
 * nothing else. The SDK loads only when a secret ARN is configured, so local runs and tests never load it.
 */
export const secretsManagerFetcher: SecretFetcher = async (arn) => {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!SecretString) throw new Error(`secret ${arn} has no string value`);
  return SecretString;
};
