/** Auth against cognito-local and DynamoDB Local: the failure table, the account header, API keys, webhooks. */
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { authenticate, authenticateWebhook, createAuthDeps, requireRole, TokenVerifier, webhookUsername } from '../../shared/auth';
import type { Whoami } from '../../shared/auth/whoami';
import { domainErrorResponse } from '../../shared/api/respond';
import { newAccount, newApiKey, newAsset, revokeApiKey, type ApiKey } from '../../shared/model';
import { useEmulators } from '../support/emulators';

const stack = useEmulators();

async function failure(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const mapped = domainErrorResponse(error); // the status the edge answers for this domain error
    if (mapped) return { status: mapped.status, message: (error as Error).message };
    throw error;
  }
  throw new Error('expected a domain error');
}

/** Tokens signed with a key we control, verified through a JWKS we hand the verifier. */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Test1234';
const CLIENT = 'test-client-id';
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function sign(payload: object, header: object = { alg: 'RS256', kid: 'test-kid', typ: 'JWT' }): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
}
const nowS = () => Math.floor(Date.now() / 1000);
const idClaims = (extra: object = {}) => ({ iss: ISSUER, aud: CLIENT, token_use: 'id', email: 'eve@example.com', email_verified: true, sub: 's', iat: nowS(), exp: nowS() + 600, ...extra });
const craftedVerifier = () =>
  new TokenVerifier({
    issuer: ISSUER,
    clientId: CLIENT,
    jwksUri: `${ISSUER}/.well-known/jwks.json`,
    jwks: { keys: [{ ...(publicKey.export({ format: 'jwk' }) as object), kid: 'test-kid', alg: 'RS256', use: 'sig' }] } as never,
  });

describe('tokens', () => {
  test('cognito-local id and access tokens → the user acting in their own tenant as admin', async () => {
    const core = stack.core();
    const ada = await stack.user('Ada@Example.com');
    const byId = await authenticate({ authorization: `Bearer ${ada.idToken}` }, core.auth);
    expect(byId).toEqual({ username: 'ada@example.com', tenant: 'ada@example.com', role: 'admin', credential: 'jwt' });
    const byAccess = await authenticate({ authorization: `Bearer ${ada.accessToken}` }, core.auth);
    expect(byAccess).toEqual(byId);
  });

  test('failure table: every bad token is a 401', async () => {
    const core = stack.core();
    const bob = await stack.user('bob@example.com');
    const auth = (headers: Record<string, string>) => authenticate(headers, core.auth);
    const [h, p, s] = bob.idToken.split('.');
    const tampered = `${h}.${b64({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), email: 'ada@example.com' })}.${s}`;
    const cases: Record<string, Record<string, string>> = {
      missing: {},
      'not bearer': { authorization: `Basic ${bob.idToken}` },
      garbage: { authorization: 'Bearer not.a.jwt' },
      tampered: { authorization: `Bearer ${tampered}` },
      'alg none': { authorization: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${p}.` },
      'bad api key format': { 'x-api-key': 'nope' },
    };
    for (const [name, headers] of Object.entries(cases)) {
      expect([name, (await failure(auth(headers))).status]).toEqual([name, 401]);
    }
  });

  test('expired, wrong audience, wrong token_use, wrong issuer, alg none, unknown key → 401 (self-signed)', async () => {
    const verifier = craftedVerifier();
    const deps = createAuthDeps({ tokens: verifier, doc: stack.doc, tableName: stack.tableName, cacheTtlMs: 0 });
    const auth = (token: string) => authenticate({ authorization: `Bearer ${token}` }, deps);
    expect((await auth(sign(idClaims()))).username).toBe('eve@example.com');
    expect(await failure(auth(sign(idClaims({ exp: nowS() - 10 }))))).toEqual({ status: 401, message: 'token expired' });
    expect((await failure(auth(sign(idClaims({ aud: 'other-client' }))))).status).toBe(401);
    expect((await failure(auth(sign(idClaims({ token_use: 'refresh' }))))).status).toBe(401);
    expect((await failure(auth(sign(idClaims({ iss: 'https://evil.example.com/pool' }))))).status).toBe(401);
    expect((await failure(auth(sign({ ...idClaims(), token_use: 'access', aud: undefined, client_id: 'other' })))).status).toBe(401);
    expect((await failure(auth(sign(idClaims(), { alg: 'none', kid: 'test-kid' })))).status).toBe(401);
    expect((await failure(auth(sign(idClaims(), { alg: 'HS256', kid: 'test-kid' })))).status).toBe(401);
    expect((await failure(auth(sign(idClaims({ email: undefined }))))).status).toBe(401);
    // A user may change their own email; an unverified one must not name a tenant.
    expect(await failure(auth(sign(idClaims({ email_verified: false }))))).toEqual({ status: 401, message: 'token has no verified email' });
  });

  test('a warm token is served from the cache (no second verification)', async () => {
    const verifier = craftedVerifier();
    const token = sign(idClaims());
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first);
  });
});

describe('account header', () => {
  test('membership grants that row role; forged, malformed or revoked → 403 and nothing read', async () => {
    const core = stack.core();
    const owner = await stack.user('owner@example.com');
    const guest = await stack.user('guest@example.com');
    const ownerWho = await authenticate({ authorization: `Bearer ${owner.idToken}` }, core.auth);
    const ownerRepo = core.repository(ownerWho);
    await ownerRepo.create(newAsset(ownerWho.tenant, { dns: 'owner-secret.example.com' }));

    const asGuest = (account: string) => authenticate({ authorization: `Bearer ${guest.idToken}`, account }, core.auth);
    expect((await failure(asGuest('owner@example.com'))).status).toBe(403);
    expect((await failure(asGuest('owner@example.com#x'))).status).toBe(403);
    expect((await failure(asGuest('not-an-email'))).status).toBe(403);

    await ownerRepo.create(newAccount(ownerWho.tenant, 'guest@example.com', { role: 'analyst' }));
    const who = await asGuest('Owner@Example.com');
    expect(who).toEqual({ username: 'guest@example.com', tenant: 'owner@example.com', role: 'analyst', credential: 'jwt' });
    expect((await core.repository(who).query({ key: '#asset#' })).items).toHaveLength(1);
    expect(() => requireRole(who, 'analyst')).not.toThrow();
    expect((await failure(Promise.resolve().then(() => requireRole(who, 'admin')))).status).toBe(403);

    // A row granting guest access to ANOTHER tenant, stored in guest's own partition, grants nothing.
    const guestWho = await authenticate({ authorization: `Bearer ${guest.idToken}` }, core.auth);
    await core.repository(guestWho).put({ ...newAccount(guestWho.tenant, 'other@example.com', { role: 'admin' }), name: 'third@example.com', member: 'guest@example.com', key: '#account#third@example.com#guest@example.com#' });
    expect((await failure(asGuest('third@example.com'))).status).toBe(403);

    await ownerRepo.remove('#account#owner@example.com#guest@example.com#');
    expect((await failure(asGuest('owner@example.com'))).status).toBe(403);
  });

  test('an empty role means readonly', async () => {
    const core = stack.core();
    const viewer = await stack.user('viewer@example.com');
    await core.repository({ username: 'boss@example.com', tenant: 'boss@example.com', role: 'admin', credential: 'jwt' }).create(newAccount('boss@example.com', 'viewer@example.com', {}));
    const who = await authenticate({ authorization: `Bearer ${viewer.idToken}`, account: 'boss@example.com' }, core.auth);
    expect(who.role).toBe('readonly');
    expect((await failure(Promise.resolve().then(() => requireRole(who, 'analyst')))).status).toBe(403);
  });
});

describe('API keys', () => {
  const tenant: Whoami = { username: 'keys@example.com', tenant: 'keys@example.com', role: 'admin', credential: 'jwt' };

  test('x-api-key acts in the key tenant as its creator with min(ceiling, creator role)', async () => {
    const core = stack.core();
    const repo = core.repository(tenant);
    const own = newApiKey(tenant.tenant, tenant.username, { name: 'ci', role: 'analyst' });
    await repo.create(own.row);
    expect(await authenticate({ 'x-api-key': own.token }, core.auth)).toEqual({ username: 'keys@example.com', tenant: 'keys@example.com', role: 'analyst', credential: 'apikey' });

    // A collaborator (readonly) who made an admin-ceiling key gets readonly.
    await repo.create(newAccount(tenant.tenant, 'helper@example.com', { role: 'readonly' }));
    const theirs = newApiKey(tenant.tenant, 'helper@example.com', { name: 'h' });
    await repo.create(theirs.row);
    expect((await authenticate({ 'x-api-key': theirs.token }, core.auth)).role).toBe('readonly');

    expect((await failure(authenticate({ 'x-api-key': `${own.row.id}.wrong-secret` }, core.auth))).status).toBe(401);
    expect((await failure(authenticate({ 'x-api-key': `${own.row.id.replace(/^./, 'Z')}.${own.secret}` }, core.auth))).status).toBe(401);
    expect((await failure(authenticate({ 'x-api-key': own.token, account: 'other@example.com' }, core.auth))).status).toBe(403);

    await repo.update<ApiKey>(own.row.key, (k) => revokeApiKey(k, tenant.username));
    expect(await failure(authenticate({ 'x-api-key': own.token }, core.auth))).toEqual({ status: 401, message: 'API key revoked' });
    await repo.update<ApiKey>(theirs.row.key, (k) => ({ ...k, expires: '2000-01-01T00:00:00Z' }));
    expect(await failure(authenticate({ 'x-api-key': theirs.token }, core.auth))).toEqual({ status: 401, message: 'API key expired' });
  });
});

describe('webhook', () => {
  test('base64 tenant + PIN of a hook account row; anything else 401', async () => {
    const core = stack.core();
    const hookTenant: Whoami = { username: 'hooked@example.com', tenant: 'hooked@example.com', role: 'admin', credential: 'jwt' };
    const pin = randomUUID();
    await core.repository(hookTenant).create(newAccount(hookTenant.tenant, 'hook', { value: pin }));
    const user = webhookUsername(hookTenant.tenant);
    expect(user).not.toContain('=');
    expect(await authenticateWebhook(user, pin, core.auth)).toEqual({ username: 'hooked@example.com', tenant: 'hooked@example.com', role: 'analyst', credential: 'webhook' });
    expect((await failure(authenticateWebhook(user, randomUUID(), core.auth))).status).toBe(401);
    expect((await failure(authenticateWebhook(webhookUsername('other@example.com'), pin, core.auth))).status).toBe(401);
    expect((await failure(authenticateWebhook('!!!', pin, core.auth))).status).toBe(401);
  });
});
