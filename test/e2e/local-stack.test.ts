/**
 * `npm start` end to end: the real stack (DynamoDB Local, cognito-local, service processes, gateway)
 * on free ports in a temp data dir. One route is flipped between runs and must answer the same from
 * the other runtime; a killed service answers 502 until the supervisor has restarted it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextFromArgs } from '../../tooling/deploy-config/load';
import { signIn } from '../../local/emulators';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_AWS } from '../../local/emulators';
import { srpSignIn } from '../support/srp-sign-in';
import { waitFor } from '../support/wait';

const quiet = { log: () => {}, logLevel: 'ERROR' as const };

async function call(stack: LocalStack, path: string, token?: string, init: RequestInit = {}) {
  const response = await fetch(`${stack.url}${path}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the failure message
  }
  return { status: response.status, headers: response.headers, body };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `POST /my` for the seeded assets, once the stream projection has put all three into the graph. */
async function projectedAssets(stack: LocalStack, token: string): Promise<unknown> {
  let last: Awaited<ReturnType<typeof call>> | undefined;
  await waitFor('the seeded assets in the graph', async () => {
    last = await call(stack, '/my', token, { method: 'POST', body: JSON.stringify({ node: { labels: ['Asset'] } }) });
    return last.status === 200 && (last.body as { assets?: unknown[] }).assets?.length === 3;
  });
  return last!.body;
}

const start = (dataDir: string, flags: string[], emulatorPorts?: LocalStack['ports']) =>
  startLocalStack({
    dataDir,
    port: 0,
    context: contextFromArgs(flags.flatMap((flag) => ['-c', flag])),
    emulatorPorts: emulatorPorts && { dynamodb: emulatorPorts.dynamodb, cognito: emulatorPorts.cognito },
    ...quiet,
  });

describe('npm start: the local stack', () => {
  // Starting the whole stack (two emulators, three service processes, every Lambda module) takes 5 s on an idle
  // 2-core machine and over a minute on a loaded one: give these tests room beyond jest's default.
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'chariot-e2e-'));
  let stack: LocalStack | undefined;
  let token: string;
  const lambdaAnswers = new Map<string, unknown>();

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('starts, seeds the demo data and serves a Lambda route and a Fargate route', async () => {
    stack = await start(dataDir, ['migrate:GET /job=fargate']);
    expect(stack.routes.find((r) => r.id === 'GET /job')?.target).toBe('fargate');
    expect(stack.routes.find((r) => r.id === 'GET /asset')?.target).toBe('lambda');
    expect(stack.seedResult).toBe('demo data seeded');
    ({ idToken: token } = await signIn(stack.endpoints.cognito, stack.userPool, stack.demoUser.email, stack.demoUser.password));

    const assets = await call(stack, '/asset', token);
    expect(assets.status).toBe(200);
    lambdaAnswers.set('/asset', assets.body);
    const jobs = await call(stack, '/job', token);
    expect(jobs.status).toBe(200);
    lambdaAnswers.set('/job', jobs.body);
    lambdaAnswers.set('POST /my', await projectedAssets(stack, token));

    expect((await call(stack, '/asset')).body).toEqual({ message: 'Unauthorized' });
    expect((await call(stack, '/job', token.slice(0, -4) + 'AAAA')).status).toBe(401);
    expect(await call(stack, '/nope', token)).toMatchObject({ status: 404, body: { message: 'Not Found' } });
    const preflight = await call(stack, '/asset', undefined, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,account' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('account');
  });

  test('every credential through the gateway, as the deployed authorizer takes it: API key → GET /token → Bearer, x-api-key, SRP sign-in', async () => {
    const current = stack!;
    const created = await call(current, '/key', token, { method: 'POST', body: JSON.stringify({ name: 'cli' }) });
    expect(created.status).toBe(201);
    const key = created.body as { id: string; secret: string; token: string; username: string };
    const exchange = (secret = key.secret) =>
      call(current, '/token', undefined, { headers: { 'X-GUARD-API-KEY-ID': key.id, 'X-GUARD-API-KEY-SECRET': secret } });
    const minted = await exchange();
    expect(minted).toMatchObject({ status: 200, body: { token: expect.any(String), ExpiresIn: 3660 } });
    const apiToken = (minted.body as { token: string }).token;
    expect(JSON.parse(Buffer.from(apiToken.split('.')[1], 'base64url').toString())).toMatchObject({ email: current.demoUser.email });
    expect((await exchange('wrong')).status).toBe(401);
    // The minted token and x-api-key pass the gateway's authorizer to a Lambda route (/asset) and a Fargate route (/job).
    for (const path of ['/asset', '/job']) {
      expect(await call(current, path, apiToken)).toMatchObject({ status: 200, body: lambdaAnswers.get(path) });
      expect(await call(current, path, undefined, { headers: { 'x-api-key': key.token } })).toMatchObject({ status: 200, body: lambdaAnswers.get(path) });
    }

    // The collaborator signs in like chariot-ui (SRP) with the password npm start prints, and acts in the demo tenant.
    const session = await srpSignIn(current.endpoints.cognito, current.userPool, current.collaborator.email, current.collaborator.password);
    const asCollaborator = await call(current, '/asset', session.getIdToken().getJwtToken(), { headers: { account: current.demoUser.email } });
    expect(asCollaborator).toMatchObject({ status: 200, body: lambdaAnswers.get('/asset') });

    // Revoked: no new token at once; the minted one stops within the backends' 10 s key cache.
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: current.endpoints.dynamodb, ...LOCAL_AWS }));
    await doc.send(
      new UpdateCommand({
        TableName: current.tableName,
        Key: { username: key.username, key: `#key#${key.id}` },
        UpdateExpression: 'SET #s = :d',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':d': 'D' },
      }),
    );
    doc.destroy();
    expect(await exchange()).toMatchObject({ status: 401, body: { error: 'API key revoked' } });
    await waitFor('the revoked key\'s token to be refused', async () => (await call(current, '/asset', apiToken)).status === 401, { timeoutMs: 25_000, intervalMs: 500 });
    expect((await call(current, '/job', apiToken)).status).toBe(401);
  });

  test('a route flipped to the other runtime gives the same answer', async () => {
    const before = stack!;
    await before.stop();
    // Same data dir and emulator ports: same pool, same issuer, so the token stays valid.
    stack = await start(dataDir, ['migrate:GET /asset=fargate', 'migrate:POST /my=fargate'], before.ports);
    expect(stack.routes.find((r) => r.id === 'GET /asset')?.target).toBe('fargate');
    expect(stack.routes.find((r) => r.id === 'GET /job')?.target).toBe('lambda');
    expect(stack.seedResult).toBeUndefined(); // seeded once, not again

    expect(await call(stack, '/asset', token)).toMatchObject({ status: 200, body: lambdaAnswers.get('/asset') });
    expect(await call(stack, '/job', token)).toMatchObject({ status: 200, body: lambdaAnswers.get('/job') });
    // The graph: one graph server for all processes, rebuilt from the table at start, answers like before.
    expect(await projectedAssets(stack, token)).toEqual(lambdaAnswers.get('POST /my'));
  });

  test('a killed service answers 502 for its routes only, then recovers', async () => {
    const current = stack!;
    const pid = current.servicePid('inventory')!;
    process.kill(pid, 'SIGKILL');
    await waitFor('inventory to be seen down', () => !current.serviceIsUp('inventory'));

    expect(await call(current, '/asset', token)).toMatchObject({ status: 502, body: { message: 'Bad Gateway' } });
    expect((await call(current, '/job', token)).status).toBe(200);

    await waitFor('inventory to be restarted', () => current.serviceIsUp('inventory'));
    expect(current.servicePid('inventory')).not.toBe(pid);
    expect(await call(current, '/asset', token)).toMatchObject({ status: 200, body: lambdaAnswers.get('/asset') });
  });

  test('stop leaves no process and no port behind', async () => {
    const current = stack!;
    stack = undefined;
    const pids = (['inventory', 'identity', 'operations'] as const).map((name) => current.servicePid(name)).filter((pid) => pid !== undefined);
    const { gateway, dynamodb, cognito, services } = current.ports;
    await current.stop();
    expect(pids.filter(isAlive)).toEqual([]);
    for (const port of [gateway, dynamodb, cognito, ...Object.values(services)]) expect(await portIsFree(port)).toBe(true);
  });
});

describe('npm start: errors before anything starts', () => {
  test('a taken gateway port and a bad flag are one-line errors', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      await expect(startLocalStack({ port, ...quiet })).rejects.toThrow(`port ${port} is in use: pass --port`);
    } finally {
      taken.close();
    }
    await expect(startLocalStack({ port: 0, context: contextFromArgs(['-c', 'migrate:asset=ecs']), ...quiet })).rejects.toThrow(
      /^Unknown target "ecs" in flag "migrate:asset"/,
    );
  });
});
