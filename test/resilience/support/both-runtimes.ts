/**
 * Both runtimes on one test stack, for the resilience suites (writes, fuzz, faults): the real Lambda
 * handlers (invoked with HTTP API v2 events, reading process.env) on one table, every Hono service over
 * HTTP on another, with the same users. `ContractClient` speaks to either.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { REPO_ROOT } from '../../../tooling/paths';
import { createTable, LOCAL_AWS } from '../../../local/emulators';
import { createDependencies } from '../../../shared/api/create-dependencies';
import { EmbeddedGraphStore } from '../../../shared/graph/embedded-store';
import { ROUTE_GROUPS, type RouteGroup } from '../../../shared/routing/routes';
import type { TestStack } from '../../support/emulators';
import { ContractClient, type Users } from '../../contract/support/client';
import { honoRuntime, lambdaRuntime, type Runtime } from '../../contract/support/runtimes';

export const RUNTIMES = ['lambda', 'hono'] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

export const EMAILS = { ada: 'ada@alpha.test', bob: 'bob@beta.test', cy: 'cy@gamma.test', dee: 'dee@delta.test' } as const;

export interface BothRuntimes {
  readonly users: Users;
  readonly clients: Readonly<Record<RuntimeName, ContractClient>>;
  readonly tables: Readonly<Record<RuntimeName, string>>;
  readonly runtimes: Readonly<Record<RuntimeName, Runtime>>;
  close(): Promise<void>;
}

/** `env` is added to both runtimes' environment (e.g. short DynamoDB deadlines for the fault suite). */
export async function startBothRuntimes(stack: TestStack, env: Record<string, string> = {}): Promise<BothRuntimes> {
  const [ada, bob, cy, dee] = await Promise.all(Object.values(EMAILS).map((email) => stack.user(email)));
  const users: Users = { ada, bob, cy, dee };
  const filesDir = mkdtempSync(join(tmpdir(), 'resilience-files-'));
  const common = { FILES_DIR: filesDir, FILES_PUBLIC_URL: 'http://127.0.0.1:3000', AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false', POWERTOOLS_LOG_LEVEL: 'ERROR', LOG_LEVEL: 'ERROR', ...env };
  Object.assign(process.env, stack.env(common));
  const groups = Object.keys(ROUTE_GROUPS) as RouteGroup[];
  const handlers = Object.fromEntries(
    await Promise.all(groups.map(async (group) => [group, (await import(join(REPO_ROOT, ROUTE_GROUPS[group].lambdaEntry))).handler])),
  ) as Parameters<typeof lambdaRuntime>[0];
  const lambda = lambdaRuntime(handlers);
  const dynamo = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, ...LOCAL_AWS });
  const honoTable = `${stack.tableName}-hono`;
  await createTable(dynamo, honoTable);
  dynamo.destroy();
  const graph = new EmbeddedGraphStore();
  const honoDeps = await createDependencies({ ...process.env, ...stack.env({ ...common, TABLE_NAME: honoTable }) }, { graph: async () => graph });
  const hono = await honoRuntime(honoDeps);
  const noGraph = async () => {};
  return {
    users,
    clients: { lambda: new ContractClient(lambda, users, noGraph), hono: new ContractClient(hono, users, noGraph) },
    tables: { lambda: stack.tableName, hono: honoTable },
    runtimes: { lambda, hono },
    close: async () => {
      await Promise.all([lambda.close(), hono.close()]);
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
