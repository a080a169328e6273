import * as z from 'zod';
import { authenticate, authenticateWebhook, exchangeApiKey, memberTenants } from '../auth/authenticate';
import { createCore } from '../config/core';
import type { Binding } from '../config/binding';
import { createDynamoDbClient, documentClientOf } from '../db/client';
import { traceClient } from '../observability/xray';
import { loadRuntimeConfig } from '../config/runtime';
import { graphWriter } from '../graph/graph-writer';
import { tableLedger } from '../graph/catch-up';
import type { GraphStore } from '../graph/store';
import type { ApiDependencies } from './dependencies';
import { cachedReadiness } from './readiness';
import { idempotentRunner } from './idempotency';
import { apiKeyReplay } from '../routes/key/replay';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';

/** Knobs of this wiring only (the rest of the environment is validated by the runtime and graph configs). */
const WiringEnv = z.object({
  /** How long memberships and API keys stay cached per process (revocations take effect after it). */
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  /** How long a creating request's answer is replayed to an identical retry (0 turns idempotency off). */
  IDEMPOTENCY_WINDOW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
});

export interface DependencyOverrides {
  /** What this backend needs (shared/config/binding.ts); the environment is validated against it. Default: DEFAULT_BINDING. */
  readonly binding?: Binding;
  /**
   * The graph store, for processes that search or write graph kinds: usually the process-wide `sharedGraphStore()`.
   * Given, `POST /my` searches it and every acknowledged table write is written to it at once (read-your-writes).
   * Not imported here, so bundles of groups that touch no graph kind carry no Neo4j driver.
   */
  readonly graph?: () => Promise<GraphStore>;
}

/**
 * Builds the process-wide dependencies from the environment, validated once, here: the core (one
 * DynamoDB client, the token verifier and its caches, the file store) plus the graph store. Both
 * runtimes call this: the Lambda handlers once per container, a Fargate service once per task.
 */
export async function createDependencies(env: NodeJS.ProcessEnv = process.env, overrides: DependencyOverrides = {}): Promise<ApiDependencies> {
  const config = loadRuntimeConfig(env, overrides.binding);
  const wiring = WiringEnv.safeParse(env);
  if (!wiring.success) {
    const issue = wiring.error.issues[0];
    throw new Error(`invalid runtime configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const windowSeconds = wiring.data.IDEMPOTENCY_WINDOW_SECONDS;
  // One DynamoDB client for the core and the graph's catch-up ledger (which the graph writer needs first).
  // X-Ray subsegments per call where the process traces. Here, not in createDynamoDbClient, so only the API
  // backends (whose Lambdas bundle the X-Ray SDK with the Powertools Tracer anyway) carry it, not the authorizer.
  const dynamodb = traceClient(createDynamoDbClient(config));
  const doc = documentClientOf(dynamodb);
  const ledger = overrides.graph && tableLedger(doc, config.tableName);
  const core = createCore(config, {
    dynamodb,
    doc,
    cacheTtlMs: wiring.data.AUTH_CACHE_TTL_MS,
    onWrite: overrides.graph && graphWriter(overrides.graph, { ledger }),
  });
  return {
    authenticate: (headers) => authenticate(headers, core.auth),
    authenticateWebhook: (encodedUsername, pin) => authenticateWebhook(encodedUsername, pin, core.auth),
    exchangeApiKey: (headers) => exchangeApiKey(headers, core.auth),
    repository: core.repository,
    graph: overrides.graph,
    graphCatchUp: ledger,
    memberTenants: (whoami) => memberTenants(core.auth, whoami.username),
    files: core.files,
    // A consistent read of one absent row: the cheapest call that proves the table answers, within the client's deadline.
    // The document client shares the base client's config and middleware, so it sends Powertools' plain commands too.
    idempotent:
      windowSeconds > 0
        ? idempotentRunner({
            client: core.doc as unknown as DynamoDBClient,
            tableName: config.tableName,
            windowSeconds,
            // The one creating answer that holds a secret: its record keeps none (docs/reliability.md).
            policies: { 'POST /key': apiKeyReplay({ repository: core.repository }) },
          })
        : undefined,
    readiness: cachedReadiness({
      table: () => core.doc.send(new GetCommand({ TableName: config.tableName, Key: { username: 'global', key: '#health' }, ConsistentRead: true })),
    }),
  };
}
