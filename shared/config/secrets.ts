/**
 * Reads a Secrets Manager secret at start, through Powertools Parameters: one SDK client per process and
 * a cache, so a warm Lambda does not call Secrets Manager per request, and a rotated value is picked up
 * within SECRET_MAX_AGE_SECONDS. The SDK honours AWS_ENDPOINT_URL_SECRETS_MANAGER, which points it at the
 * local emulator (local/emulators/secrets-manager.ts) in the local stack and tests: the same code path as AWS.
 */
export const SECRET_MAX_AGE_SECONDS = 300;

export async function readSecret(arn: string): Promise<string> {
  // Loaded on first use: processes given values (ECS, tests) never load the Secrets Manager client.
  const { getSecret } = await import('@aws-lambda-powertools/parameters/secrets');
  const value = await getSecret(arn, { maxAge: SECRET_MAX_AGE_SECONDS });
  if (typeof value !== 'string' || value === '') throw new Error(`secret ${arn} has no string value`);
  return value;
}

/** A value given inline (ECS injects it; tests), or the ARN of the secret that holds it (Lambda). */
export type SecretSource = { readonly secretArn: string } | { readonly value: string };

/** A reader of `source`, parsed with `parse` (re-parsed only when the secret's text changes). */
export function secretReader<T>(source: SecretSource, parse: (text: string) => T): () => Promise<T> {
  let last: { text: string; parsed: T } | undefined;
  const parsedOf = (text: string) => {
    if (last?.text !== text) last = { text, parsed: parse(text) };
    return last.parsed;
  };
  if ('value' in source) {
    const parsed = parse(source.value); // a bad inline value fails the start, not the first request
    return async () => parsed;
  }
  return async () => parsedOf(await readSecret(source.secretArn));
}
