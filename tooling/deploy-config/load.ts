/**
 * One loader for the deployment config, used by `bin/app.ts`, the local gateway and `npm run routes`:
 * CDK context in → selected environment (validated) + every route resolved to Lambda or Fargate.
 *
 * Pure (no aws-cdk-lib), so the local stack and scripts import it without pulling the CDK in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrationFlagsFromContext, resolveRoutes, type ResolvedRoute } from '../../shared/routing/flags';
import { ROUTE_GROUPS, ROUTES } from '../../shared/routing/routes';
import { REPO_ROOT } from '../paths';
import { environmentSchema, type EnvironmentConfig } from './schema';

export const DEFAULT_ENV = 'dev';

/** A config problem: the message is one line saying what to fix and where. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface DeploymentConfig {
  readonly envName: string;
  readonly environment: EnvironmentConfig;
  readonly routes: ResolvedRoute[];
}

/**
 * `context` is CDK's merged context: `cdk.json` context overlaid with `-c k=v` (CDK does this itself;
 * other callers use `contextFromArgs`). Reads `env` (default `dev`), `environments`, `migrate:*`.
 * A `migrate:<key>` context entry replaces the environment's `migrations[<key>]`.
 */
export function loadDeploymentConfig({ context }: { context: Readonly<Record<string, unknown>> }): DeploymentConfig {
  const envName = context.env ?? DEFAULT_ENV;
  if (typeof envName !== 'string') throw new ConfigError(`Context "env" must be a string, got ${JSON.stringify(envName)}`);

  const environments = context.environments;
  if (!environments || typeof environments !== 'object' || Array.isArray(environments)) {
    throw new ConfigError('cdk.json context has no "environments" object');
  }
  const raw = (environments as Record<string, unknown>)[envName];
  if (raw === undefined || !Object.hasOwn(environments, envName)) {
    throw new ConfigError(`Unknown environment "${envName}" (-c env=${envName}); cdk.json defines: ${Object.keys(environments).join(', ')}`);
  }

  const parsed = environmentSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`Invalid environment "${envName}" in cdk.json: ${problems.join('; ')}`);
  }
  const { corsOrigins, ...rest } = parsed.data;
  if (!corsOrigins && envName !== DEFAULT_ENV) {
    throw new ConfigError(`Invalid environment "${envName}" in cdk.json: corsOrigins is required outside ${DEFAULT_ENV}`);
  }
  const environment: EnvironmentConfig = { ...rest, corsOrigins: corsOrigins ?? ['*'] };

  const flags = { ...environment.migrations, ...migrationFlagsFromContext(context) };
  return { envName, environment, routes: resolveRoutes(ROUTES, ROUTE_GROUPS, flags) };
}

/** The `context` object of `cdk.json` (default: the repository's). */
export function readCdkJsonContext(cdkJsonPath = path.join(REPO_ROOT, 'cdk.json')): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(cdkJsonPath, 'utf8')) as { context?: Record<string, unknown> };
  return { ...cdkJson.context };
}

/**
 * Turns CLI args `-c k=v`, `--context k=v` (or `--context=k=v`) into a context object laid over
 * `baseContext`, the way the CDK CLI does: values stay strings, split on the first `=`.
 * Other arguments are ignored, so callers can mix in their own options.
 */
export function contextFromArgs(
  argv: readonly string[],
  baseContext: Readonly<Record<string, unknown>> = readCdkJsonContext(),
): Record<string, unknown> {
  const context: Record<string, unknown> = { ...baseContext };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let pair: string | undefined;
    if (arg === '-c' || arg === '--context') pair = argv[++i];
    else if (arg.startsWith('--context=')) pair = arg.slice('--context='.length);
    else continue;
    const eq = pair?.indexOf('=') ?? -1;
    if (pair === undefined || eq <= 0) throw new ConfigError(`Expected ${arg} KEY=VALUE, got ${JSON.stringify(pair ?? '')}`);
    context[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return context;
}
