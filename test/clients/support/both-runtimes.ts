/**
 * Both runtimes for the client catalogue, built the way test/contract builds them: every route group's real Lambda
 * handler (table T1, the shared embedded graph) and every Hono service over HTTP (table T2, its own graph), with
 * cognito-local ID tokens. Each runtime gets a context that sends a client's request byte for byte (its own
 * headers), and plain calls of today's API for arranging rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
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
import { honoRuntime, lambdaRuntime, type Runtime } from '../../contract/support/runtimes';
import { CLIENT_HEADERS, COLLABORATOR, TENANT, type Answer, type CaseContext, type ClientCall, type ClientRequest, type Who } from './catalogue';

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

type Users = Readonly<Record<Who, { readonly idToken: string }>>;

function underTest(runtime: Runtime, users: Users, refreshGraph: () => Promise<void>): RuntimeUnderTest {
  const send = async (headers: Record<string, string>, request: ClientRequest): Promise<Answer> => {
    const as = request.as === undefined ? 'ada' : request.as;
    const all: Record<string, string> = { ...headers, ...request.headers };
    if (as) all.authorization = `Bearer ${users[as].idToken}`;
    if (request.account) all.account = request.account;
    const response = await runtime.send({
      method: request.method,
      path: request.path,
      rawQueryString: new URLSearchParams(Object.entries(request.query ?? {})).toString(),
      headers: all,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      requestId: randomUUID(),
    });
    return { status: response.status, contentType: response.contentType, body: response.body };
  };
  return {
    context(call) {
      return {
        state: {},
        send: (request) => send(CLIENT_HEADERS[call.client], request),
        native: (method, path, options = {}) => send({ 'content-type': 'application/json' }, { ...options, method: method as ClientRequest['method'], path }),
        refreshGraph,
      };
    },
  };
}

export async function startBothRuntimes(stack: TestStack): Promise<BothRuntimes> {
  const [ada, bob] = await Promise.all([TENANT, COLLABORATOR].map((email) => stack.user(email)));
  const users: Users = { ada, bob };
  const dynamo = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, ...LOCAL_AWS });
  const filesDir = mkdtempSync(join(tmpdir(), 'client-files-'));
  const common = { FILES_DIR: filesDir, FILES_PUBLIC_URL: 'http://127.0.0.1:3000', AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false', POWERTOOLS_LOG_LEVEL: 'ERROR' };

  Object.assign(process.env, stack.env(common));
  const handlers = Object.fromEntries(
    await Promise.all(ROUTE_GROUP_NAMES.map(async (group) => [group, (await import(join(REPO_ROOT, writeLambdaEntry(routeGroup(group))))).handler])),
  ) as Parameters<typeof lambdaRuntime>[0];
  const lambda = lambdaRuntime(handlers);

  const honoTable = `${stack.tableName}-hono`;
  await createTable(dynamo, honoTable);
  const honoGraph = new EmbeddedGraphStore();
  const honoDeps = await createDependencies({ ...process.env, ...stack.env({ ...common, TABLE_NAME: honoTable }) }, { graph: async () => honoGraph });
  const hono = await honoRuntime(honoDeps);

  return {
    lambda: underTest(lambda, users, async () => {
      await rebuildGraph({ client: dynamo, tableName: stack.tableName, store: await sharedGraphStore() });
    }),
    hono: underTest(hono, users, async () => {
      await rebuildGraph({ client: dynamo, tableName: honoTable, store: honoGraph });
    }),
    async close() {
      await Promise.all([lambda.close(), hono.close()]);
      dynamo.destroy();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
