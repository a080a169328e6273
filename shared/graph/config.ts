/**
 * Which graph store this process uses, read once from the environment at the edge:
 * no `NEO4J_URI` → the embedded store; otherwise Neo4j through neo4j-driver. In AWS the URI and credentials
 * come from a Secrets Manager secret `{uri, username, password}` named by `NEO4J_SECRET_ARN`.
 */
import * as z from 'zod';
import { EmbeddedGraphStore } from './embedded-store';
import type { Neo4jGraphStore } from './neo4j-store';
import type { GraphStore } from './store';
import { secretsManagerFetcher } from './secret';

export interface Neo4jConfig {
  readonly kind: 'neo4j';
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Undefined: the server's default database. */
  readonly database?: string;
  /** How long executeRead/executeWrite keep retrying transient failures before giving up (→ 503). */
  readonly maxRetryMs: number;
  readonly connectTimeoutMs: number;
}
export type GraphConfig = { readonly kind: 'embedded' } | Neo4jConfig;

const uri = z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must be a bolt:// or neo4j:// URI (optionally +s / +ssc)');
const millis = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  NEO4J_URI: uri.optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).optional(),
  NEO4J_SECRET_ARN: z.string().startsWith('arn:').optional(),
  // Short by default: an API call must answer 503 well inside API Gateway's 29 s.
  NEO4J_MAX_RETRY_MS: millis(5_000),
  NEO4J_CONNECT_TIMEOUT_MS: millis(5_000),
});

const secretSchema = z.object({ uri, username: z.string().min(1), password: z.string() });

/** Returns a secret's string value; `@aws-sdk/client-secrets-manager` GetSecretValue in AWS. */
export type SecretFetcher = (arn: string) => Promise<string>;

/**
 * Reads the graph config from the environment (call once per process, at cold start). A secret ARN is read
 * from Secrets Manager by default (tests pass their own fetcher), never silently replaced by an empty embedded graph.
 */
export async function loadGraphConfig(env: NodeJS.ProcessEnv = process.env, fetchSecret: SecretFetcher = secretsManagerFetcher): Promise<GraphConfig> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`invalid graph config: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  const tuning = { database: e.NEO4J_DATABASE, maxRetryMs: e.NEO4J_MAX_RETRY_MS, connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS };
  if (e.NEO4J_URI) return { kind: 'neo4j', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, ...tuning };
  if (e.NEO4J_SECRET_ARN) {
    const secret = secretSchema.safeParse(JSON.parse(await fetchSecret(e.NEO4J_SECRET_ARN)));
    if (!secret.success) throw new Error('the Neo4j secret must be JSON {"uri","username","password"}');
    return { kind: 'neo4j', uri: secret.data.uri, user: secret.data.username, password: secret.data.password, ...tuning };
  }
  return { kind: 'embedded' };
}

/** A new store for `config`. Create one per process and share it (the Neo4j one owns a driver and its pool). */
export function createGraphStore(config: GraphConfig): GraphStore {
  if (config.kind === 'embedded') return new EmbeddedGraphStore();
  // Loaded here, on the first graph query, not at cold start: the driver is most of the search bundle (issue 16).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Neo4jGraphStore: Store } = require('./neo4j-store') as { Neo4jGraphStore: typeof Neo4jGraphStore };
  return new Store(config);
}

let processStore: Promise<GraphStore> | undefined;

/** The process-wide store from the environment: one driver per process, created on first use. */
export function sharedGraphStore(env: NodeJS.ProcessEnv = process.env, fetchSecret?: SecretFetcher): Promise<GraphStore> {
  processStore ??= loadGraphConfig(env, fetchSecret).then(createGraphStore);
  processStore.catch(() => (processStore = undefined)); // a failed cold start is retried by the next call
  return processStore;
}
