/**
 * Both runtimes for the client catalogue (test/contract/support/both-runtimes.ts), with cognito-local ID tokens.
 * Each runtime gets a context that sends a client's request byte for byte (its own headers), and plain calls of
 * today's API for arranging rows.
 */
import { randomUUID } from 'node:crypto';
import { useEmulators, type TestStack } from '../../support/emulators';
import { startRuntimePair, type RuntimeName } from '../../contract/support/both-runtimes';
import type { Runtime } from '../../contract/support/runtimes';
import { CLIENT_HEADERS, COLLABORATOR, OUTSIDER, TENANT, type Answer, type CaseContext, type ClientCall, type ClientRequest, type Who } from './catalogue';

export type { RuntimeName };

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

function underTest(runtime: Runtime, users: Users): RuntimeUnderTest {
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
      body: request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
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
      };
    },
  };
}

export async function startBothRuntimes(stack: TestStack): Promise<BothRuntimes> {
  const [ada, bob, cy] = await Promise.all([TENANT, COLLABORATOR, OUTSIDER].map((email) => stack.user(email)));
  const users: Users = { ada, bob, cy };
  const pair = await startRuntimePair(stack, { POWERTOOLS_LOG_LEVEL: 'ERROR' });
  return {
    lambda: underTest(pair.runtimes.lambda, users),
    hono: underTest(pair.runtimes.hono, users),
    close: () => pair.close(),
  };
}

/** For a test file: its own table and user pool, and both runtimes over them, started before its tests and closed after. */
export function useBothRuntimes(): { readonly stack: TestStack; readonly runtimes: () => BothRuntimes } {
  const stack = useEmulators();
  let runtimes: BothRuntimes | undefined;
  beforeAll(async () => {
    runtimes = await startBothRuntimes(stack);
  });
  afterAll(async () => {
    await runtimes?.close();
  });
  return { stack, runtimes: () => runtimes! };
}
