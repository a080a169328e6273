/** The request authorizer (the deployed Lambda authorizer, also the local gateway's), without emulators. */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorizeRequest } from './authorizer';
import { createAuthDeps, TokenVerifier } from '.';

describe('request authorizer (the deployed Lambda authorizer, also the local gateway)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let server: Server;
  let issuer: string;
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const sign = (payload: object) => {
    const unsigned = `${b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${b64(payload)}`;
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
  };
  const now = () => Math.floor(Date.now() / 1000);
  // Cognito tokens only: no API-key row is read, so no table is needed.
  const deps = (jwksUri: string) =>
    createAuthDeps({ tokens: new TokenVerifier({ issuer, clientId: 'client-1', jwksUri }), doc: undefined as never, tableName: 'unused' });

  beforeAll(async () => {
    const jwks = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    server = createServer((_req, res) => res.end(jwks));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pool`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('allows what the backend accepts (the account header is the backend\'s business), denies the rest', async () => {
    const auth = deps(`${issuer}/.well-known/jwks.json`);
    const base = { iss: issuer, sub: 'u1', exp: now() + 60, iat: now(), token_use: 'id', aud: 'client-1', email: 'ada@example.com', email_verified: true };
    const allow = await authorizeRequest({ authorization: `Bearer ${sign(base)}`, account: 'other@example.com' }, auth);
    expect(allow).toEqual({ allow: true, context: { username: 'ada@example.com', credential: 'jwt' } });
    for (const claims of [{ aud: 'other' }, { iss: 'http://elsewhere' }, { exp: now() - 10 }, { email_verified: false }]) {
      expect(await authorizeRequest({ authorization: `Bearer ${sign({ ...base, ...claims })}` }, auth)).toMatchObject({ allow: false });
    }
    expect(await authorizeRequest({ authorization: `Bearer ${sign(base).slice(0, -6)}AAAAAA` }, auth)).toMatchObject({ allow: false });
    expect(await authorizeRequest({}, auth)).toMatchObject({ allow: false });
    expect(await authorizeRequest({ authorization: 'Bearer ' }, auth)).toMatchObject({ allow: false });
  });

  test('Cognito unreachable: let through, so the backend answers 503 (an authorizer can only say 401 or 500)', async () => {
    const auth = deps('http://127.0.0.1:9/pool/.well-known/jwks.json');
    const token = sign({ iss: issuer, sub: 'u1', exp: now() + 60, token_use: 'id', aud: 'client-1', email: 'ada@example.com', email_verified: true });
    expect(await authorizeRequest({ authorization: `Bearer ${token}` }, auth)).toEqual({ allow: true, context: { deferred: 'dependency unavailable' } });
    await expect(auth.tokens.verify(token)).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
