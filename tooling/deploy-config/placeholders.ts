/**
 * The example values `cdk.json` ships for prod: they let prod synthesize (tests, `cdk diff` reviews) but must never
 * reach a deploy. `findPlaceholders` is pure; `bin/build-app.ts` refuses to build an app that still uses one,
 * unless the context says `allowPlaceholders=true` (what the tests pass to synthesize prod).
 */
import type { EnvironmentConfig } from './schema';

/** The context key that lets an app with example values synthesize anyway. */
export const ALLOW_PLACEHOLDERS = 'allowPlaceholders';

export const EXAMPLE_VALUES = {
  account: '333333333333',
  userPoolId: 'us-east-2_Chariot01',
  clientId: '4example5clientid6abcdefgh',
  streamArn: 'arn:aws:dynamodb:us-east-2:333333333333:table/chariot/stream/2024-01-01T00:00:00.000',
} as const;

/** Each example value `environment` still uses, as `field=value`. */
export function findPlaceholders(environment: EnvironmentConfig): string[] {
  const used: [string, string | undefined][] = [
    ['account', environment.account],
    ['userPool.userPoolId', environment.userPool.mode === 'import' ? environment.userPool.userPoolId : undefined],
    ['userPool.clientId', environment.userPool.mode === 'import' ? environment.userPool.clientId : undefined],
    ['table.streamArn', environment.table.mode === 'import' ? environment.table.streamArn : undefined],
  ];
  const examples = new Set<string>(Object.values(EXAMPLE_VALUES));
  return used.filter(([, value]) => value !== undefined && examples.has(value)).map(([field, value]) => `${field}=${value}`);
}

/** True when the context opts out of the guard (`-c allowPlaceholders=true`; CLI values are strings). */
export const placeholdersAllowed = (context: Readonly<Record<string, unknown>>): boolean =>
  context[ALLOW_PLACEHOLDERS] === true || context[ALLOW_PLACEHOLDERS] === 'true';
