/**
 * Both runtimes on one test stack, set up once for every suite that compares them (contract, client
 * catalogue, resilience): every route group's real Lambda handler (its generated entry, reading
 * process.env, table T1) and every Hono service over HTTP (table T2). Each runtime has its own graph
 * (a local Bolt graph server) reached through the production Neo4j adapter; no projection runs, so every
 * POST /my answer comes from the request-path writes (read-your-writes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { REPO_ROOT } from '../../../tooling/paths';
import { createTable, LOCAL_AWS } from '../../../local/emulators';
import { createDependencies } from '../../../shared/api/create-dependencies';
import { Neo4jGraphStore } from '../../../shared/graph/neo4j-store';
import { sharedGraphStore } from '../../../shared/graph/config';
import { startGraphServer } from '../../../local/graph-server/server';
import { ROUTE_GROUP_NAMES, routeGroup } from '../../../shared/routing/table';
import { writeLambdaEntry } from '../../../lambdas/runtime/entries';
import type { TestStack } from '../../support/emulators';
import { honoRuntime, lambdaRuntime, type Runtime } from './runtimes';

export const RUNTIMES = ['lambda', 'hono'] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

export interface RuntimePair {
  readonly runtimes: Readonly<Record<RuntimeName, Runtime>>;
  readonly tables: Readonly<Record<RuntimeName, string>>;
  close(): Promise<void>;
}

/** `env` is added to both runtimes' environment (e.g. short DynamoDB deadlines for the fault suite). */
export async function startRuntimePair(stack: TestStack, env: Record<string, string> = {}): Promise<RuntimePair> {
  const dynamo = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, ...LOCAL_AWS });
  const filesDir = mkdtempSync(join(tmpdir(), 'runtime-files-'));
  const common = { FILES_DIR: filesDir, FILES_PUBLIC_URL: 'http://127.0.0.1:3000', AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false', ...env };
  const [lambdaGraph, honoGraphServer] = await Promise.all([startGraphServer(), startGraphServer()]);

  // Lambda: the real handler modules, whose default dependencies read process.env (table T1).
  Object.assign(process.env, stack.env({ ...common, ...lambdaGraph.env }));
  const handlers = Object.fromEntries(
    await Promise.all(ROUTE_GROUP_NAMES.map(async (group) => [group, (await import(join(REPO_ROOT, writeLambdaEntry(routeGroup(group))))).handler])),
  ) as Parameters<typeof lambdaRuntime>[0];
  const lambda = lambdaRuntime(handlers);

  // Hono: every service over HTTP, with dependencies built from the same environment but table T2.
  const honoTable = `${stack.tableName}-hono`;
  await createTable(dynamo, honoTable);
  const { env: honoGraphEnv } = honoGraphServer;
  const honoGraph = new Neo4jGraphStore({ kind: 'neo4j', uri: honoGraphEnv.NEO4J_URI, user: honoGraphEnv.NEO4J_USER, password: honoGraphEnv.NEO4J_PASSWORD, maxRetryMs: 1_000, connectTimeoutMs: 1_000 });
  const honoDeps = await createDependencies({ ...process.env, ...stack.env({ ...common, TABLE_NAME: honoTable }) }, { graph: async () => honoGraph });
  const hono = await honoRuntime(honoDeps);

  return {
    runtimes: { lambda, hono },
    tables: { lambda: stack.tableName, hono: honoTable },
    async close() {
      await Promise.all([lambda.close(), hono.close()]);
      await Promise.all([honoGraph, await sharedGraphStore()].map((store) => store.close()));
      await Promise.all([lambdaGraph, honoGraphServer].map((server) => server.stop()));
      dynamo.destroy();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
