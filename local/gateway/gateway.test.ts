/** The gateway's API Gateway emulation, without emulators: event shape, result mapping, CORS, JWT rules. */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { corsHeaders, DEFAULT_CORS, preflightHeaders } from './cors';
import { authorizeRequest } from '../../shared/auth/authorizer';
import { createAuthDeps, TokenVerifier } from '../../shared/auth';
import { buildEvent, responseFromResult } from './lambda-invoker';
import { forwardedHeaders } from './service-proxy';
import type { GatewayRequest } from './types';

const request = (over: Partial<GatewayRequest> = {}): GatewayRequest => ({
  method: 'GET',
  path: '/account/bob%40example.com',
  rawQueryString: 'a=1&a=2&b=x%20y',
  headers: { host: '127.0.0.1:3000', cookie: 'c1=v1; c2=v2', 'user-agent': 'jest' },
  body: Buffer.alloc(0),
  sourceIp: '127.0.0.1',
  requestId: 'req-1',
  ...over,
});

describe('HTTP API payload 2.0 event', () => {
  test('cookies, comma-joined query, path parameters, the authorizer context', () => {
    const event = buildEvent(request(), 'POST /account/{member}', { member: 'bob@example.com' }, { username: 'ada@example.com', credential: 'jwt' });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /account/{member}',
      rawPath: '/account/bob%40example.com',
      rawQueryString: 'a=1&a=2&b=x%20y',
      cookies: ['c1=v1', 'c2=v2'],
      queryStringParameters: { a: '1,2', b: 'x y' },
      pathParameters: { member: 'bob@example.com' },
      isBase64Encoded: false,
      requestContext: {
        requestId: 'req-1',
        stage: '$default',
        http: { method: 'GET', path: '/account/bob%40example.com', sourceIp: '127.0.0.1', userAgent: 'jest' },
        authorizer: { lambda: { username: 'ada@example.com', credential: 'jwt' } },
      },
    });
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
  });

  test('binary bodies arrive base64-encoded, JSON as text', () => {
    const binary = buildEvent(request({ headers: { 'content-type': 'image/png' }, body: Buffer.from([0, 1, 2]) }), 'PUT /file', {});
    expect(binary).toMatchObject({ body: 'AAEC', isBase64Encoded: true });
    const json = buildEvent(request({ headers: { 'content-type': 'application/json' }, body: Buffer.from('{"a":1}') }), 'PUT /asset', {});
    expect(json).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });
  });
});

describe('Lambda result mapping', () => {
  test('a value without statusCode is a 200 JSON body', () => {
    const response = responseFromResult({ hello: 'world' });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('{"hello":"world"}');
  });
  test('structured results keep status, headers, cookies and base64 bodies', () => {
    const response = responseFromResult({ statusCode: 201, headers: { 'X-A': 'b' }, cookies: ['s=1'], body: 'aGk=', isBase64Encoded: true });
    expect(response).toMatchObject({ status: 201, headers: { 'x-a': 'b', 'set-cookie': ['s=1'] } });
    expect(response.body.toString()).toBe('hi');
  });
});

describe('CORS and forwarding', () => {
  test('any origin in dev; only listed origins otherwise', () => {
    expect(corsHeaders(DEFAULT_CORS, 'http://localhost:5173')['access-control-allow-origin']).toBe('*');
    const strict = { ...DEFAULT_CORS, allowOrigins: ['https://app.example.com'] };
    expect(corsHeaders(strict, 'https://evil.example.com')).toEqual({});
    expect(preflightHeaders(strict, 'https://app.example.com')).toMatchObject({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-headers': 'authorization,content-type,account,x-request-id,x-api-key',
    });
  });
  test('the ALB path overwrites x-request-id, drops x-user-sub and keeps Authorization', () => {
    const headers = forwardedHeaders(
      request({ headers: { authorization: 'Bearer t', 'x-user-sub': 'forged', 'x-request-id': 'client', connection: 'keep-alive' } }),
      3000,
    );
    expect(headers).toMatchObject({ authorization: 'Bearer t', 'x-request-id': 'req-1', 'x-forwarded-proto': 'http' });
    expect(headers.connection).toBeUndefined();
    expect(headers['x-user-sub']).toBeUndefined();
  });
});

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
    await expect(auth.tokens.verify(token)).rejects.toMatchObject({ status: 503 });
  });
});
