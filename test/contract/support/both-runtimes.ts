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
import { httpApiHandler } from '../../../lambdas/runtime/http-api';
import { SERVED_GROUPS } from '../../../shared/routes/served';
import { albRuntime, honoRuntime, lambdaRuntime, type Runtime } from './runtimes';

export const RUNTIMES = ['lambda', 'hono'] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

export interface RuntimePair {
  readonly runtimes: Readonly<Record<RuntimeName, Runtime>>;
  readonly tables: Readonly<Record<RuntimeName, string>>;
  /** With `{ alb: true }`: the same group handlers invoked with ALB events (table T3, a graph of its own). */
  readonly alb?: Runtime;
  close(): Promise<void>;
}

const graphStore = (env: Record<string, string>) =>
  new Neo4jGraphStore({ kind: 'neo4j', uri: env.NEO4J_URI, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD, maxRetryMs: 1_000, connectTimeoutMs: 1_000 });

/** `env` is added to both runtimes' environment (e.g. short DynamoDB deadlines for the fault suite). */
export async function startRuntimePair(stack: TestStack, env: Record<string, string> = {}, options: { readonly alb?: boolean } = {}): Promise<RuntimePair> {
  const dynamo = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, ...LOCAL_AWS });
  const filesDir = mkdtempSync(join(tmpdir(), 'runtime-files-'));
  const common = { FILES_DIR: filesDir, FILES_PUBLIC_URL: 'http://127.0.0.1:3000', AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false', ...env };
  const [lambdaGraph, honoGraphServer, albGraphServer] = await Promise.all([startGraphServer(), startGraphServer(), ...(options.alb ? [startGraphServer()] : [])]);

  // Lambda: the real handler modules, whose default dependencies read process.env (table T1).
  Object.assign(process.env, stack.env({ ...common, ...lambdaGraph.env }));
  const handlers = Object.fromEntries(
    await Promise.all(ROUTE_GROUP_NAMES.map(async (group) => [group, (await import(join(REPO_ROOT, writeLambdaEntry(routeGroup(group))))).handler])),
  ) as Parameters<typeof lambdaRuntime>[0];
  const lambda = lambdaRuntime(handlers);

  // Hono: every service over HTTP, with dependencies built from the same environment but table T2.
  const honoTable = `${stack.tableName}-hono`;
  await createTable(dynamo, honoTable);
  const honoGraph = graphStore(honoGraphServer.env);
  const honoDeps = await createDependencies({ ...process.env, ...stack.env({ ...common, TABLE_NAME: honoTable }) }, { graph: async () => honoGraph });
  const hono = await honoRuntime(honoDeps);

  // Lambda behind an ALB: the same handler factory as the generated entries, with its own table T3 and graph.
  let alb: Runtime | undefined;
  const albGraph = albGraphServer && graphStore(albGraphServer.env);
  if (albGraph) {
    const albTable = `${stack.tableName}-alb`;
    await createTable(dynamo, albTable);
    const albEnv = { ...process.env, ...stack.env({ ...common, TABLE_NAME: albTable }) };
    alb = albRuntime(
      Object.fromEntries(SERVED_GROUPS.map((served) => [served.group.name, httpApiHandler(served, { env: albEnv, graph: served.group.access.graph ? async () => albGraph : undefined })])) as Parameters<typeof albRuntime>[0],
    );
  }

  return {
    runtimes: { lambda, hono },
    tables: { lambda: stack.tableName, hono: honoTable },
    alb,
    async close() {
      await Promise.all([lambda.close(), hono.close()]);
      await Promise.all([honoGraph, albGraph, await sharedGraphStore()].map((store) => store?.close()));
      await Promise.all([lambdaGraph, honoGraphServer, albGraphServer].map((server) => server?.stop()));
      dynamo.destroy();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
