/**
 * On both runtimes (the asset group's real Lambda handler and the inventory Hono service), against a
 * cognito-local of this file's own so it can really be stopped:
 * - a user who changes their email to another tenant's owner gets no access to that tenant;
 * - with Cognito down, a verified token keeps working from the cache, anything needing Cognito is 503, never 401.
 */
import { join } from 'node:path';
import {
  InitiateAuthCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { REPO_ROOT } from '../../tooling/paths';
import { cognitoClient, createUser, createUserPool, signIn, startCognitoLocal, type EmulatorHandle, type UserPool } from '../../local/emulators';
import { createDependencies } from '../../shared/api/create-dependencies';
import { routeGroup } from '../../shared/routing/table';
import { writeLambdaEntry } from '../../lambdas/runtime/entries';
import { honoRuntime, lambdaRuntime, type Runtime } from '../contract/support/runtimes';
import { TEST_PASSWORD, useEmulators } from '../support/emulators';

const stack = useEmulators();
let cognito: EmulatorHandle;
let pool: UserPool;
const opened: Runtime[] = [];

const env = () =>
  stack.env({ COGNITO_ISSUER: pool.issuer, COGNITO_CLIENT_ID: pool.clientId, COGNITO_JWKS_URI: pool.jwksUri, AUTH_CACHE_TTL_MS: '0', POWERTOOLS_TRACE_ENABLED: 'false', POWERTOOLS_LOG_LEVEL: 'ERROR', AWS_LAMBDA_LOG_LEVEL: 'ERROR' });

/** Both runtimes, fresh: new modules and caches (no JWKS fetched, no token verified yet). */
async function bothRuntimes(): Promise<Runtime[]> {
  Object.assign(process.env, env());
  let handler: unknown;
  await jest.isolateModulesAsync(async () => {
    ({ handler } = await import(join(REPO_ROOT, writeLambdaEntry(routeGroup('asset')))));
  });
  const runtimes = [lambdaRuntime({ asset: handler } as never), await honoRuntime(await createDependencies({ ...process.env, ...env() }))];
  opened.push(...runtimes);
  return runtimes;
}

const getAssets = (runtime: Runtime, authorization: string) =>
  runtime.send({ method: 'GET', path: '/asset', rawQueryString: '', headers: { authorization }, requestId: 'test' });

beforeAll(async () => {
  cognito = await startCognitoLocal();
  pool = await createUserPool(cognito.endpoint, { poolName: 'outage' });
});
afterAll(async () => {
  await Promise.all(opened.map((runtime) => runtime.close()));
  await cognito?.stop();
});

test('changing your email to another tenant\'s owner gives no access to that tenant', async () => {
  await createUser(cognito.endpoint, pool, { email: 'victim@example.com', password: TEST_PASSWORD });
  await createUser(cognito.endpoint, pool, { email: 'mallory@example.com', password: TEST_PASSWORD });
  const mallory = await signIn(cognito.endpoint, pool, 'mallory@example.com', TEST_PASSWORD);
  const client = cognitoClient(cognito.endpoint);
  try {
    await client.send(new UpdateUserAttributesCommand({ AccessToken: mallory.accessToken, UserAttributes: [{ Name: 'email', Value: 'victim@example.com' }, { Name: 'email_verified', Value: 'true' }] }));
    const { AuthenticationResult: refreshed } = await client.send(
      new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: mallory.refreshToken! } }),
    );
    expect(JSON.parse(Buffer.from(refreshed!.IdToken!.split('.')[1], 'base64url').toString())).toMatchObject({ email: 'victim@example.com', email_verified: false });
    for (const runtime of await bothRuntimes()) {
      for (const token of [refreshed!.IdToken!, refreshed!.AccessToken!]) {
        expect(await getAssets(runtime, `Bearer ${token}`)).toMatchObject({ status: 401, body: { error: 'token has no verified email' } });
      }
    }
  } finally {
    client.destroy();
  }
});

test('Cognito stopped: a verified token still works from the cache; an unseen access token and an unfetched JWKS are 503, not 401', async () => {
  await createUser(cognito.endpoint, pool, { email: 'ada@example.com', password: TEST_PASSWORD });
  const seen = await signIn(cognito.endpoint, pool, 'ada@example.com', TEST_PASSWORD);
  const unseen = await signIn(cognito.endpoint, pool, 'ada@example.com', TEST_PASSWORD);
  const warm = await bothRuntimes();
  for (const runtime of warm) expect((await getAssets(runtime, `Bearer ${seen.idToken}`)).status).toBe(200);

  await cognito.stop();
  const cold = await bothRuntimes();
  for (const runtime of warm) {
    expect((await getAssets(runtime, `Bearer ${seen.idToken}`)).status).toBe(200);
    // Its signature checks against the cached JWKS, but its email needs GetUser.
    expect(await getAssets(runtime, `Bearer ${unseen.accessToken}`)).toMatchObject({ status: 503, body: { error: expect.stringMatching(/Cognito/) } });
  }
  for (const runtime of cold) {
    expect(await getAssets(runtime, `Bearer ${seen.idToken}`)).toMatchObject({ status: 503, body: { error: expect.stringMatching(/signing keys/) } });
  }
});
