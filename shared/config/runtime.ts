/**
 * Runtime configuration of both runtimes (Lambda and Fargate), read from the environment once at
 * process start and validated with zod. Code below the edge receives a RuntimeConfig, never `process.env`.
 */
import * as z from 'zod';

/** Used only when DYNAMODB_ENDPOINT is set (the local stack), so local Lambda and Hono tokens agree. */
export const LOCAL_OFFSET_SECRET = 'chariot-local-offset-secret-not-for-production';
/** The same for the key that signs `GET /token`'s API tokens. */
export const LOCAL_API_TOKEN_KEY = 'chariot-local-api-token-key-not-for-production';

const optionalText = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();

const EnvSchema = z
  .object({
    TABLE_NAME: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'TABLE_NAME must be a DynamoDB table name'),
    AWS_REGION: z.string().min(1).default('us-east-1'),
    DYNAMODB_ENDPOINT: z.url().optional(),
    COGNITO_ISSUER: z.url(),
    COGNITO_CLIENT_ID: z.string().min(1),
    COGNITO_JWKS_URI: z.url().optional(),
    OFFSET_SECRET: optionalText,
    FILES_BUCKET: optionalText,
    FILES_DIR: optionalText,
    FILES_PUBLIC_URL: z.url().optional(),
    /** The Secrets Manager secret holding the API token signing key (AWS). */
    API_TOKEN_SECRET_ARN: z.string().startsWith('arn:').optional(),
    /** The key itself (tests, local stack). */
    API_TOKEN_KEY: optionalText,
    /** DynamoDB deadlines (see shared/db/client.ts): connect, per attempt, attempts. Worst case stays far below API Gateway's 29 s. */
    DYNAMODB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(1000),
    DYNAMODB_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(8000).default(3000),
    DYNAMODB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(3).default(3),
  })
  .superRefine((env, ctx) => {
    if (!env.DYNAMODB_ENDPOINT && (!env.OFFSET_SECRET || env.OFFSET_SECRET.length < 32)) {
      ctx.addIssue({ code: 'custom', path: ['OFFSET_SECRET'], message: 'OFFSET_SECRET (at least 32 characters) is required outside the local stack' });
    }
    if (!env.DYNAMODB_ENDPOINT && !env.API_TOKEN_SECRET_ARN && (!env.API_TOKEN_KEY || env.API_TOKEN_KEY.length < 32)) {
      ctx.addIssue({ code: 'custom', path: ['API_TOKEN_SECRET_ARN'], message: 'API_TOKEN_SECRET_ARN (or API_TOKEN_KEY of at least 32 characters) is required outside the local stack' });
    }
    if (env.FILES_BUCKET && env.FILES_DIR) {
      ctx.addIssue({ code: 'custom', path: ['FILES_DIR'], message: 'set FILES_BUCKET or FILES_DIR, not both' });
    }
  });

export type FilesConfig =
  | { readonly kind: 's3'; readonly bucket: string }
  | { readonly kind: 'local'; readonly dir: string; readonly publicUrl: string };

export interface RuntimeConfig {
  readonly tableName: string;
  readonly region: string;
  /** Set only for the local stack and tests (DynamoDB Local). */
  readonly dynamodbEndpoint?: string;
  /** Every DynamoDB call gives up after at most attempts × (connect + request) ms plus backoff: then 503. */
  readonly dynamodbDeadline: { readonly connectMs: number; readonly requestMs: number; readonly maxAttempts: number };
  readonly cognito: { readonly issuer: string; readonly clientId: string; readonly jwksUri: string };
  /** HMAC key for pagination offset tokens; identical on every runtime so tokens are interchangeable. */
  readonly offsetSecret: string;
  /** Absent when the process serves no file routes. */
  readonly files?: FilesConfig;
  /** Where `GET /token`'s signing key comes from: a secret (AWS) or the key itself (local, tests). */
  readonly apiTokenKey: { readonly secretArn: string } | { readonly value: string };
}

/** Throws one readable Error listing every bad or missing variable. */
export function loadRuntimeConfig(env: Record<string, string | undefined> = process.env): RuntimeConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`);
    throw new Error(`invalid runtime configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const issuer = e.COGNITO_ISSUER.replace(/\/+$/, '');
  return {
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    dynamodbDeadline: { connectMs: e.DYNAMODB_CONNECT_TIMEOUT_MS, requestMs: e.DYNAMODB_REQUEST_TIMEOUT_MS, maxAttempts: e.DYNAMODB_MAX_ATTEMPTS },
    cognito: { issuer, clientId: e.COGNITO_CLIENT_ID, jwksUri: e.COGNITO_JWKS_URI ?? `${issuer}/.well-known/jwks.json` },
    offsetSecret: e.OFFSET_SECRET ?? LOCAL_OFFSET_SECRET,
    apiTokenKey: e.API_TOKEN_SECRET_ARN ? { secretArn: e.API_TOKEN_SECRET_ARN } : { value: e.API_TOKEN_KEY ?? LOCAL_API_TOKEN_KEY },
    files: e.FILES_BUCKET
      ? { kind: 's3', bucket: e.FILES_BUCKET }
      : e.FILES_DIR
        ? { kind: 'local', dir: e.FILES_DIR, publicUrl: (e.FILES_PUBLIC_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '') }
        : undefined,
  };
}
