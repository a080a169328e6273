/**
 * Both runtimes for the client catalogue, built the way test/contract builds them: every route group's real Lambda
 * handler (table T1, the shared embedded graph) and every Hono service over HTTP (table T2, its own graph), with
 * cognito-local ID tokens. Each runtime gets a context that sends a client's request byte for byte (its own
 * headers) and a ContractClient for arranging rows with today's API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { REPO_ROOT } from '../../../lib/config/load';
import { createTable, LOCAL_AWS } from '../../../local/emulators';
import { createDependencies } from '../../../shared/api/create-dependencies';
import { EmbeddedGraphStore } from '../../../shared/graph/embedded-store';
import { rebuildGraph } from '../../../shared/graph/rebuild';
import { sharedGraphStore } from '../../../shared/graph/config';
import { ROUTE_GROUPS, type RouteGroup } from '../../../shared/routing/routes';
import type { TestStack } from '../../support/emulators';
import { ContractClient, type Users } from '../../contract/support/client';
import { honoRuntime, lambdaRuntime, type Runtime } from '../../contract/support/runtimes';
import { CLIENT_HEADERS, COLLABORATOR, TENANT, type Answer, type CaseContext, type ClientCall, type ClientRequest } from './catalogue';

export type RuntimeName = 'lambda' | 'hono';

export interface RuntimeUnderTest {
  /** A fresh context for one case (its own state). */
  context(call: ClientCall): CaseContext;
}

export interface BothRuntimes {
  readonly lambda: RuntimeUnderTest;
  readonly hono: RuntimeUnderTest;
  close(): Promise<void>;
}

function underTest(runtime: Runtime, users: Users, native: ContractClient): RuntimeUnderTest {
  const send = async (client: ClientCall['client'], request: ClientRequest): Promise<Answer> => {
    const headers: Record<string, string> = { ...CLIENT_HEADERS[client], ...request.headers };
    const as = request.as === undefined ? 'ada' : request.as;
    if (as) headers.authorization = `Bearer ${users[as].idToken}`;
    if (request.account) headers.account = request.account;
    const response = await runtime.send({
      method: request.method,
      path: request.path,
      rawQueryString: new URLSearchParams(Object.entries(request.query ?? {})).toString(),
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      requestId: randomUUID(),
    });
    return { status: response.status, contentType: response.contentType, body: response.body };
  };
  return {
    context(call) {
      native.startCase('GET /my', callName(call));
      return {
        state: {},
        send: (request) => send(call.client, request),
        native: async (method, path, options = {}) => {
          const { as, ...rest } = options;
          return { ...(await native.call(method, path, { ...rest, as: as ?? 'ada' })), contentType: undefined };
        },
        refreshGraph: () => native.refreshGraph(),
      };
    },
  };
}

const callName = (call: ClientCall) => `${call.client}: ${call.call}`;

export async function startBothRuntimes(stack: TestStack): Promise<BothRuntimes> {
  const [ada, bob] = await Promise.all([TENANT, COLLABORATOR].map((email) => stack.user(email)));
  const users = { ada, bob } as unknown as Users;
  const dynamo = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, ...LOCAL_AWS });
  const filesDir = mkdtempSync(join(tmpdir(), 'client-files-'));
  const common = { FILES_DIR: filesDir, FILES_PUBLIC_URL: 'http://127.0.0.1:3000', AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false', POWERTOOLS_LOG_LEVEL: 'ERROR' };

  Object.assign(process.env, stack.env(common));
  const groups = Object.keys(ROUTE_GROUPS) as RouteGroup[];
  const handlers = Object.fromEntries(
    await Promise.all(groups.map(async (group) => [group, (await import(join(REPO_ROOT, ROUTE_GROUPS[group].lambdaEntry))).handler])),
  ) as Parameters<typeof lambdaRuntime>[0];
  const lambda = lambdaRuntime(handlers);

  const honoTable = `${stack.tableName}-hono`;
  await createTable(dynamo, honoTable);
  const honoGraph = new EmbeddedGraphStore();
  const honoDeps = await createDependencies({ ...process.env, ...stack.env({ ...common, TABLE_NAME: honoTable }) }, { graph: async () => honoGraph });
  const hono = await honoRuntime(honoDeps);

  const lambdaNative = new ContractClient(lambda, users, async () => {
    await rebuildGraph({ client: dynamo, tableName: stack.tableName, store: await sharedGraphStore() });
  });
  const honoNative = new ContractClient(hono, users, async () => {
    await rebuildGraph({ client: dynamo, tableName: honoTable, store: honoGraph });
  });
  return {
    lambda: underTest(lambda, users, lambdaNative),
    hono: underTest(hono, users, honoNative),
    async close() {
      await Promise.all([lambda.close(), hono.close()]);
      dynamo.destroy();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
