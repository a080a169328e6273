/** The API Gateway emulation, without emulators: event shape, result mapping. */
import { buildEvent } from './event';
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
  test('cookies, comma-joined query, path parameters, the Lambda authorizer context', () => {
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
