/**
 * Both runtimes on one test stack, set up once for every suite that compares them (contract, client
 * catalogue, resilience): every route group's real Lambda handler (its generated entry, reading
 * process.env, table T1, the shared embedded graph) and every Hono service over HTTP (table T2, its own
 * graph, as separate processes have in production).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { REPO_ROOT } from '../../../tooling/paths';
import { createTable, LOCAL_AWS } from '../../../local/emulators';
import { createDependencies } from '../../../shared/api/create-dependencies';
import { EmbeddedGraphStore } from '../../../shared/graph/embedded-store';
import { rebuildGraph } from '../../../shared/graph/rebuild';
import { sharedGraphStore } from '../../../shared/graph/config';
import { ROUTE_GROUP_NAMES, routeGroup } from '../../../shared/routing/table';
import { writeLambdaEntry } from '../../../lambdas/runtime/entries';
import type { TestStack } from '../../support/emulators';
import { honoRuntime, lambdaRuntime, type Runtime } from './runtimes';

export const RUNTIMES = ['lambda', 'hono'] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

export interface RuntimePair {
  readonly runtimes: Readonly<Record<RuntimeName, Runtime>>;
  readonly tables: Readonly<Record<RuntimeName, string>>;
  /** Brings a runtime's graph projection up to date with its table (POST /my reads the graph). */
  readonly refreshGraph: Readonly<Record<RuntimeName, () => Promise<void>>>;
  close(): Promise<void>;
}

/** `env` is added to both runtimes' environment (e.g. short DynamoDB deadlines for the fault suite). */
export async function startRuntimePair(stack: TestStack, env: Record<string, string> = {}): Promise<RuntimePair> {
  const dynamo = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, ...LOCAL_AWS });
  const filesDir = mkdtempSync(join(tmpdir(), 'runtime-files-'));
  const common = { FILES_DIR: filesDir, FILES_PUBLIC_URL: 'http://127.0.0.1:3000', AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false', ...env };

  // Lambda: the real handler modules, whose default dependencies read process.env (table T1).
  Object.assign(process.env, stack.env(common));
  const handlers = Object.fromEntries(
    await Promise.all(ROUTE_GROUP_NAMES.map(async (group) => [group, (await import(join(REPO_ROOT, writeLambdaEntry(routeGroup(group))))).handler])),
  ) as Parameters<typeof lambdaRuntime>[0];
  const lambda = lambdaRuntime(handlers);

  // Hono: every service over HTTP, with dependencies built from the same environment but table T2.
  const honoTable = `${stack.tableName}-hono`;
  await createTable(dynamo, honoTable);
  const honoGraph = new EmbeddedGraphStore();
  const honoDeps = await createDependencies({ ...process.env, ...stack.env({ ...common, TABLE_NAME: honoTable }) }, { graph: async () => honoGraph });
  const hono = await honoRuntime(honoDeps);

  return {
    runtimes: { lambda, hono },
    tables: { lambda: stack.tableName, hono: honoTable },
    refreshGraph: {
      lambda: async () => {
        await rebuildGraph({ client: dynamo, tableName: stack.tableName, store: await sharedGraphStore() });
      },
      hono: async () => {
        await rebuildGraph({ client: dynamo, tableName: honoTable, store: honoGraph });
      },
    },
    async close() {
      await Promise.all([lambda.close(), hono.close()]);
      dynamo.destroy();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
