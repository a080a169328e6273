/**
 * Runtime configuration of every backend (Lambda and Fargate), read from the environment once at
 * process start and validated with zod against the backend's binding (shared/config/binding.ts): each
 * need the binding declares must be present, in one of the forms that binding allows. Code below the
 * edge receives a RuntimeConfig, never `process.env`.
 *
 * Emulators are reached through the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables (DynamoDB, Secrets
 * Manager, ...): there is no project switch that makes the local path differ from the deployed one.
 */
import * as z from 'zod';
import { DEFAULT_BINDING, SECRET_DELIVERY, variablesOf, type Binding, type SecretNeed } from './binding';
import type { SecretSource } from './secrets';

/** The key ring the local stack and tests use when they give offset keys inline (OFFSET_KEYS). */
export const LOCAL_OFFSET_KEYS = JSON.stringify({ current: 'chariot-local-offset-key-not-for-production' });
/** The key that signs `GET /token`'s API tokens in the local stack and tests (API_TOKEN_KEY). */
export const LOCAL_API_TOKEN_KEY = 'chariot-local-api-token-key-not-for-production';

const optionalText = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();
const arn = z.string().startsWith('arn:').optional();

const EnvSchema = z.object({
  TABLE_NAME: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'TABLE_NAME must be a DynamoDB table name'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  COGNITO_ISSUER: z.url().optional(),
  COGNITO_CLIENT_ID: optionalText,
  COGNITO_JWKS_URI: z.url().optional(),
  OFFSET_KEY_SECRET_ARN: arn,
  /** The key ring JSON itself (ECS injects it from the secret; tests). */
  OFFSET_KEYS: optionalText,
  FILES_BUCKET: optionalText,
  FILES_DIR: optionalText,
  FILES_PUBLIC_URL: z.url().optional(),
  /** The Secrets Manager secret holding the API token signing key (Lambda). */
  API_TOKEN_SECRET_ARN: arn,
  /** The key itself (ECS injects it from the secret; tests, local stack). */
  API_TOKEN_KEY: z.string().min(32, 'API_TOKEN_KEY must have at least 32 characters').optional(),
  NEO4J_SECRET_ARN: arn,
  NEO4J_URI: optionalText,
  /** Explicitly the in-process graph (tests): never an accident of a missing variable. */
  NEO4J_EMBEDDED: z.enum(['true', 'false']).optional(),
  /** DynamoDB deadlines (see shared/db/client.ts): connect, per attempt, attempts. Worst case stays far below API Gateway's 29 s. */
  DYNAMODB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(1000),
  DYNAMODB_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(8000).default(3000),
  DYNAMODB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(3).default(3),
});
type Env = z.infer<typeof EnvSchema>;

export type FilesConfig =
  | { readonly kind: 's3'; readonly bucket: string }
  | { readonly kind: 'local'; readonly dir: string; readonly publicUrl: string };

export interface CognitoConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly jwksUri: string;
}

export interface RuntimeConfig {
  readonly binding: Binding;
  readonly tableName: string;
  readonly region: string;
  /** Every DynamoDB call gives up after at most attempts × (connect + request) ms plus backoff: then 503. */
  readonly dynamodbDeadline: { readonly connectMs: number; readonly requestMs: number; readonly maxAttempts: number };
  /** Present when the binding names cognito. */
  readonly cognito?: CognitoConfig;
  /** The offset key ring (JSON {current, previous?, next?}); present when the binding names offsetKey. */
  readonly offsetKeys?: SecretSource;
  /** Absent when the process serves no file routes. */
  readonly files?: FilesConfig;
  /** Where `GET /token`'s signing key comes from; present when the binding names apiTokenKey. */
  readonly apiTokenKey?: SecretSource;
}

type Problem = { path: string; message: string };

/** Every need of `binding` that `env` does not satisfy. */
function missingNeeds(env: Env, binding: Binding): Problem[] {
  const problems: Problem[] = [];
  const secret = (need: SecretNeed) => {
    const { arnVariable, valueVariables } = SECRET_DELIVERY[need];
    const firstValue = Object.keys(valueVariables)[0] as keyof Env;
    if (!env[arnVariable as keyof Env] && !env[firstValue] && !(need === 'graph' && env.NEO4J_EMBEDDED === 'true')) {
      problems.push({ path: arnVariable, message: `${variablesOf(need).join(' or ')} is required (bound: ${need})` });
    }
  };
  if (binding.cognito) {
    if (!env.COGNITO_ISSUER) problems.push({ path: 'COGNITO_ISSUER', message: 'required (bound: cognito)' });
    if (!env.COGNITO_CLIENT_ID) problems.push({ path: 'COGNITO_CLIENT_ID', message: 'required (bound: cognito)' });
  }
  if (binding.files && !env.FILES_BUCKET && !env.FILES_DIR) problems.push({ path: 'FILES_BUCKET', message: 'FILES_BUCKET or FILES_DIR is required (bound: files)' });
  if (env.FILES_BUCKET && env.FILES_DIR) problems.push({ path: 'FILES_DIR', message: 'set FILES_BUCKET or FILES_DIR, not both' });
  if (binding.offsetKey) secret('offsetKey');
  if (binding.apiTokenKey) secret('apiTokenKey');
  if (binding.graph) secret('graph');
  return problems;
}

const sourceOf = (secretArn: string | undefined, value: string | undefined): SecretSource | undefined =>
  value ? { value } : secretArn ? { secretArn } : undefined;

/** Throws one readable Error listing every bad or missing variable for `binding`. */
export function loadRuntimeConfig(env: Record<string, string | undefined> = process.env, binding: Binding = DEFAULT_BINDING): RuntimeConfig {
  const parsed = EnvSchema.safeParse(env);
  const problems: Problem[] = parsed.success
    ? missingNeeds(parsed.data, binding)
    : parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || 'env', message: issue.message }));
  if (!parsed.success || problems.length > 0) {
    throw new Error(`invalid runtime configuration: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const issuer = e.COGNITO_ISSUER?.replace(/\/+$/, '');
  return {
    binding,
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    dynamodbDeadline: { connectMs: e.DYNAMODB_CONNECT_TIMEOUT_MS, requestMs: e.DYNAMODB_REQUEST_TIMEOUT_MS, maxAttempts: e.DYNAMODB_MAX_ATTEMPTS },
    cognito: issuer && e.COGNITO_CLIENT_ID ? { issuer, clientId: e.COGNITO_CLIENT_ID, jwksUri: e.COGNITO_JWKS_URI ?? `${issuer}/.well-known/jwks.json` } : undefined,
    offsetKeys: binding.offsetKey ? sourceOf(e.OFFSET_KEY_SECRET_ARN, e.OFFSET_KEYS) : undefined,
    apiTokenKey: binding.apiTokenKey ? sourceOf(e.API_TOKEN_SECRET_ARN, e.API_TOKEN_KEY) : undefined,
    files: e.FILES_BUCKET
      ? { kind: 's3', bucket: e.FILES_BUCKET }
      : e.FILES_DIR
        ? { kind: 'local', dir: e.FILES_DIR, publicUrl: (e.FILES_PUBLIC_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '') }
        : undefined,
  };
}
