/** The API Gateway emulation, without emulators: event shape, result mapping, JWT authorizer rules. */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildEvent } from './event';
import { createJwtAuthorizer } from './jwt-authorizer';
import { responseFromResult } from './lambda-integration';
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
  test('cookies, comma-joined query, path parameters, claims as strings', () => {
    const event = buildEvent(request(), 'POST /account/{member}', { member: 'bob@example.com' }, {
      sub: 'u1',
      'cognito:groups': ['admins', 'ops'],
      exp: 123,
      email_verified: true,
    });
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
        authorizer: { jwt: { claims: { sub: 'u1', 'cognito:groups': '[admins ops]', exp: '123', email_verified: 'true' }, scopes: null } },
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

describe('JWT authorizer', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let server: Server;
  let issuer: string;
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const sign = (payload: object) => {
    const unsigned = `${b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${b64(payload)}`;
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
  };
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const jwks = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    server = createServer((_req, res) => res.end(jwks));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pool`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('accepts aud or client_id, with or without Bearer; rejects the rest', async () => {
    const authorize = createJwtAuthorizer({ issuer, clientId: 'client-1' });
    const base = { iss: issuer, sub: 'u1', exp: now() + 60, iat: now() };
    expect(await authorize(`Bearer ${sign({ ...base, aud: 'client-1', token_use: 'id' })}`)).toMatchObject({ sub: 'u1' });
    expect(await authorize(sign({ ...base, client_id: 'client-1', token_use: 'access' }))).toMatchObject({ sub: 'u1' });
    expect(await authorize(`Bearer ${sign({ ...base, aud: 'other' })}`)).toBeUndefined();
    expect(await authorize(`Bearer ${sign({ ...base, aud: 'client-1', iss: 'http://elsewhere' })}`)).toBeUndefined();
    expect(await authorize(`Bearer ${sign({ ...base, aud: 'client-1', exp: now() - 10 })}`)).toBeUndefined();
    const token = sign({ ...base, aud: 'client-1' });
    expect(await authorize(`Bearer ${token.slice(0, -6)}AAAAAA`)).toBeUndefined();
    expect(await authorize(undefined)).toBeUndefined();
    expect(await authorize('Bearer ')).toBeUndefined();
  });
});
