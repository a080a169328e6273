/**
 * A Hono service as it runs in its container: bundled by the image's build (scripts/build-service.ts) and
 * spawned as its own process. Checks `/health`, the graceful SIGTERM drain (an in-flight request
 * completes, new connections are refused, the process exits 0), and that its access log line has
 * the same keys as the Lambda handler's for the same route.
 */
import { writeLambdaEntry } from '../../lambdas/runtime/entries';
import { routeGroup } from '../../shared/routing/table';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { serviceBuildOptions } from '../../scripts/build-service';
import { REPO_ROOT } from '../../tooling/paths';
import { useEmulators, type TestUser } from '../support/emulators';
import { httpApiEvent } from '../../tooling/http-api-emulator/event';
import { lambdaContext } from '../../tooling/http-api-emulator/lambda-integration';
import { captureStdout } from './support/stdout';

const stack = useEmulators();
/** Preloaded into the service, so it exits with this test process however that dies. */
const STDIN_LIFELINE = join(REPO_ROOT, 'local', 'stdin-lifeline.cjs');
let workDir: string;
let bundle: string;
let ada: TestUser;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'service-lifecycle-'));
  bundle = join(workDir, 'server.js');
  [ada] = await Promise.all([
    stack.user('ada@alpha.test'),
    // The image's own build (scripts/build-service.ts, what containers/Dockerfile runs), without minify for speed.
    build({ ...serviceBuildOptions('inventory', REPO_ROOT, workDir), minify: false, sourcemap: false, logLevel: 'silent' }),
  ]);
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

interface Service {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: Record<string, unknown>[];
  readonly port: number;
  waitForLine(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

async function startBundledService(): Promise<Service> {
  const child = spawn(process.execPath, ['--require', STDIN_LIFELINE, bundle], {
    env: { PATH: process.env.PATH, ...stack.env({ HOST: '127.0.0.1', PORT: '0', AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false' }) },
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: { predicate: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts.filter((p) => p.startsWith('{'))) {
      const line = JSON.parse(part) as Record<string, unknown>;
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.predicate(line))) waiter.resolve(line);
    }
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const waitForLine = (predicate: (line: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolveLine, reject) => {
      const seen = lines.find(predicate);
      if (seen) return resolveLine(seen);
      waiters.push({ predicate, resolve: resolveLine });
      void exited.then((code) => reject(new Error(`service exited (${code}) before the expected log line`)));
    });
  const listening = await waitForLine((line) => line.message === 'service listening');
  return { child, lines, port: Number(listening.port), waitForLine, exited };
}

const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';

/**
 * Sends the request headers (with `Expect: 100-continue`) and the first half of the body now;
 * `continued` resolves once the server has answered `100 Continue`, i.e. its request handler has the
 * request. `finish()` sends the rest and reads the final answer.
 */
function startSlowRequest(port: number, path: string, body: string, headers: Record<string, string>) {
  const socket = connect({ host: '127.0.0.1', port });
  let received = '';
  let onContinue: () => void;
  const continued = new Promise<void>((done) => (onContinue = done));
  socket.on('data', (chunk) => {
    received += chunk.toString('utf8');
    if (received.startsWith(CONTINUE)) onContinue();
  });
  const closed = new Promise<void>((done) => socket.once('close', () => done()));
  const head = [
    `PUT ${path} HTTP/1.1`,
    'host: 127.0.0.1',
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    'expect: 100-continue',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  const half = Math.floor(body.length / 2);
  socket.write(`${head.join('\r\n')}\r\n\r\n${body.slice(0, half)}`);
  return {
    continued,
    async finish(): Promise<{ status: number; body: unknown }> {
      socket.write(body.slice(half));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      socket.destroy();
      const [rawHead, ...rest] = (received.startsWith(CONTINUE) ? received.slice(CONTINUE.length) : received).split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(rawHead)?.[1]);
      const text = rest.join('\r\n\r\n');
      // Chunked or not, the JSON object is the text between the first { and the last }.
      return { status, body: JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) };
    },
  };
}

test('GET /health answers without credentials', async () => {
  const service = await startBundledService();
  try {
    const response = await fetch(`http://127.0.0.1:${service.port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', service: 'inventory' });
    expect((await fetch(`http://127.0.0.1:${service.port}/nope`)).status).toBe(404);
  } finally {
    service.child.kill('SIGKILL');
    await service.exited;
  }
});

test('SIGTERM drains: the in-flight request completes, new connections are refused, exit 0', async () => {
  const service = await startBundledService();
  const requestId = 'drain-0000-4000-8000-000000000001';
  try {
    const slow = startSlowRequest(service.port, '/asset', JSON.stringify({ dns: 'drain.example.com', name: 'drain.example.com' }), {
      authorization: `Bearer ${ada.idToken}`,
      'x-request-id': requestId,
    });
    await slow.continued; // the server has the request's headers and is reading its body
    service.child.kill('SIGTERM');
    await service.waitForLine((line) => line.message === 'draining');
    await expect(fetch(`http://127.0.0.1:${service.port}/health`)).rejects.toThrow();
    const answer = await slow.finish();
    expect(answer.status).toBe(200);
    // The raw reader keeps the JSON between the first `{` and the last `}`: the one asset of the bare list `[asset]`.
    expect(answer.body).toMatchObject({ key: '#asset#drain.example.com#drain.example.com', username: 'ada@alpha.test' });
    expect(await service.exited).toBe(0);
  } finally {
    service.child.kill('SIGKILL'); // a no-op once it has exited
  }

  // The same route on Lambda logs the same keys (apart from the Lambda invocation context).
  const serviceLine = service.lines.find((line) => line.message === 'request' && line.correlation_id === requestId)!;
  expect(serviceLine).toMatchObject({ route: 'PUT /asset', status: 200, service: expect.any(String) });
  Object.assign(process.env, stack.env({ AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false' }));
  const { handler } = await import(`../../${writeLambdaEntry(routeGroup('asset'))}`);
  const captured = captureStdout();
  try {
    const { event } = httpApiEvent({
      method: 'PUT',
      path: '/asset',
      headers: { authorization: `Bearer ${ada.idToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ dns: 'lambda.example.com' }),
      requestId: 'lambda-0000-4000-8000-000000000001',
    });
    expect((await handler(event, lambdaContext('chariot-asset', 'lambda-0000-4000-8000-000000000001'))).statusCode).toBe(200);
  } finally {
    captured.restore();
  }
  const lambdaLine = captured.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.message === 'request')!;
  expect(lambdaLine).toMatchObject({ correlation_id: 'lambda-0000-4000-8000-000000000001', route: 'PUT /asset', status: 200 });
  const LAMBDA_CONTEXT_KEYS = ['cold_start', 'function_arn', 'function_memory_size', 'function_name', 'function_request_id'];
  const keys = (line: Record<string, unknown>) => Object.keys(line).filter((key) => !LAMBDA_CONTEXT_KEYS.includes(key)).sort();
  expect(keys(serviceLine)).toEqual(keys(lambdaLine));
});
