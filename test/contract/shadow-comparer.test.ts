/**
 * The shadow copy as it runs in AWS (docs/migration.md), end to end on the test stack: a group's real Lambda
 * handler with `GET /key` in `shadow` answers the caller and hands the copy to the comparer (the Lambda API's
 * asynchronous invoke is the one stub: there is no Lambda API here); the real comparer handler repeats the
 * request on a running Hono service and counts the result in EMF. A service that answers the same counts a
 * match; one with an injected difference (CHARIOT_TEST_PERTURB's switch) a mismatch, logged by path only.
 */
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvokeCommand } from '@aws-sdk/client-lambda';
import { httpApiHandler } from '../../lambdas/runtime/http-api';
import { createServiceApp } from '../../containers/runtime/service-app';
import { createDependencies } from '../../shared/api/create-dependencies';
import type { ShadowRequest } from '../../shared/migration/shadow-copy';
import served from '../../shared/routes/key/operations';
import { httpApiEvent } from '../../tooling/http-api-emulator/event';
import { lambdaContext } from '../../tooling/http-api-emulator/lambda-integration';
import { useEmulators } from '../support/emulators';
import { captureStdout, type CapturedLines } from './support/stdout';

const stack = useEmulators();
const COMPARER_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:chariot-test-shadow-comparer';
const servers: Server[] = [];
const filesDir = mkdtempSync(join(tmpdir(), 'shadow-files-'));
let env: Record<string, string>;
let stdout: CapturedLines;
let stderr: CapturedLines;

/** The one stub: records each InvokeCommand; `hang` never answers (the response must not wait for it). */
const invoker = (hang = false) => {
  const sent: InvokeCommand['input'][] = [];
  return { sent, send: (command: InvokeCommand) => (sent.push(command.input), hang ? new Promise<never>(() => {}) : Promise.resolve({ StatusCode: 202 })) };
};

async function startService(perturbRoute?: string): Promise<string> {
  const deps = await createDependencies(env);
  const app = createServiceApp('identity', deps, { perturbRoute });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s as Server));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The real comparer handler module, loaded with the given service target (it reads SHADOW_TARGETS at start). */
function comparerFor(target: string): (event: unknown) => Promise<{ result: string }> {
  process.env.SHADOW_TARGETS = JSON.stringify({ identity: target });
  let handler!: (event: unknown) => Promise<{ result: string }>;
  jest.isolateModules(() => {
    handler = require('../../lambdas/shadow-comparer/handler').handler;
  });
  return handler;
}

let ada: ReturnType<typeof stack.user> | undefined;

/** The key group's handler with `GET /key` in shadow (every GET sampled); a POST is never copied. */
async function callKeys(invoke: ReturnType<typeof invoker>, method: 'GET' | 'POST' = 'GET', body?: object) {
  const { idToken } = await (ada ??= stack.user('shadow-ada@alpha.test'));
  const handler = httpApiHandler(served, { env: { ...env, SHADOW_COMPARER_ARN: COMPARER_ARN, SHADOW_ROUTES: '{"GET /key":100}' }, shadowInvoker: invoke });
  const { event } = httpApiEvent({
    method,
    path: '/key',
    headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json', 'x-unrelated': 'not forwarded' },
    body: body && JSON.stringify(body),
    requestId: `req-${invoke.sent.length}-${Date.now()}`,
  });
  return (await handler(event, lambdaContext('chariot-key', event.requestContext.requestId))) as { statusCode: number; body: string };
}

const emf = (metric: string) =>
  stdout.lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry._aws && entry.route === 'GET /key' && entry.runtime === 'shadow')
    .reduce((sum, entry) => sum + Number(entry[metric] ?? 0), 0);

beforeAll(() => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'false'; // the suite turns EMF off (global-setup); this test reads it
  env = { ...process.env, ...stack.env({ FILES_DIR: filesDir, FILES_PUBLIC_URL: 'http://127.0.0.1:3000', AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false' }) } as Record<string, string>;
  Object.assign(process.env, env); // the SDK's default credential chain reads the emulators' keys from process.env
  stdout = captureStdout();
  stderr = captureStdout(process.stderr);
});

afterAll(async () => {
  stdout?.restore();
  stderr?.restore();
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections()))));
  rmSync(filesDir, { recursive: true, force: true });
});

test('the Lambda hands a fingerprint, the caller credentials and nothing else to the comparer, asynchronously', async () => {
  const invoke = invoker();
  expect((await callKeys(invoke, 'POST', { name: 'ci', role: 'analyst' })).statusCode).toBe(201);
  expect(invoke.sent).toHaveLength(0);
  const answer = await callKeys(invoke);
  expect(answer.statusCode).toBe(200);
  expect(JSON.parse(answer.body).keys).toHaveLength(1);
  expect(invoke.sent).toHaveLength(1);
  const [{ FunctionName, InvocationType, Payload }] = invoke.sent;
  expect({ FunctionName, InvocationType }).toEqual({ FunctionName: COMPARER_ARN, InvocationType: 'Event' });
  const copy = JSON.parse(Buffer.from(Payload as Uint8Array).toString('utf8')) as ShadowRequest;
  expect(copy).toMatchObject({ route: 'GET /key', service: 'identity', method: 'GET', path: '/key', primary: { status: 200, hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  expect(Object.keys(copy.headers)).toEqual(['authorization']); // not content-type, not x-unrelated
  expect(copy.headers.authorization).toMatch(/^Bearer /);
  expect(copy.primary.leaves).toMatchObject({ '$.keys': 'array(1)', '$.keys[0].name': expect.stringMatching(/^string#[0-9a-f]{6}$/) });
  expect(JSON.stringify(copy.primary)).not.toContain('"ci"'); // paths and hashes, not the answer
});

test('the caller never waits for the comparer: an invoke that never answers still gives the answer', async () => {
  const invoke = invoker(true);
  const answer = await callKeys(invoke);
  expect({ status: answer.statusCode, handedOff: invoke.sent.length }).toEqual({ status: 200, handedOff: 1 });
  expect(stderr.lines.some((line) => line.includes('shadow copy hand-off slower than its budget'))).toBe(true);
});

test('against the real service: identical answers count as matches, an injected difference as a mismatch with a path diff', async () => {
  const invoke = invoker();
  await callKeys(invoke);
  await callKeys(invoke);
  const copies = invoke.sent.map((input) => JSON.parse(Buffer.from(input.Payload as Uint8Array).toString('utf8')) as ShadowRequest);
  const same = comparerFor(await startService());
  expect(await same(copies[0])).toEqual({ result: 'match' });
  expect(await same(copies[1])).toEqual({ result: 'match' });
  const perturbed = comparerFor(await startService('GET /key'));
  expect(await perturbed(copies[0])).toEqual({ result: 'mismatch' });
  expect({ matches: emf('ShadowMatch'), mismatches: emf('ShadowMismatch') }).toEqual({ matches: 2, mismatches: 1 });
  const mismatch = stderr.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.message === 'shadow mismatch');
  expect(mismatch).toMatchObject({ route: 'GET /key', diffs: [expect.stringMatching(/^\$\.perturbed: absent != boolean#[0-9a-f]{6}$/)] });
  expect(await same({ not: 'a copy' })).toEqual({ result: 'invalid' });
  expect(await comparerFor('http://127.0.0.1:9')(copies[0])).toEqual({ result: 'error' });
});
