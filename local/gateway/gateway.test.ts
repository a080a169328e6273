/** The local gateway's own rules, without emulators: CORS and what the ALB path forwards to a service. */
import type { GatewayRequest } from '../../tooling/http-api-emulator/types';
import { corsHeaders, DEFAULT_CORS, preflightHeaders } from './cors';
import { forwardedHeaders } from './service-proxy';

const request: GatewayRequest = {
  method: 'GET',
  path: '/asset',
  rawQueryString: '',
  headers: {},
  body: Buffer.alloc(0),
  sourceIp: '127.0.0.1',
  requestId: 'req-1',
};

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
  test('the ALB path overwrites x-request-id, keeps Authorization and drops hop-by-hop headers', () => {
    const headers = forwardedHeaders(
      { ...request, headers: { authorization: 'Bearer t', 'x-request-id': 'client', connection: 'keep-alive' } },
      3000,
    );
    expect(headers).toMatchObject({ authorization: 'Bearer t', 'x-request-id': 'req-1', 'x-forwarded-proto': 'http', 'x-forwarded-for': '127.0.0.1' });
    expect(headers.connection).toBeUndefined();
  });
});

describe('413 on an oversized body', () => {
  test('says Connection: close and drains, so a keep-alive client gets the answer and its next request works', async () => {
    const { startGateway } = await import('./gateway');
    const gateway = await startGateway({
      port: 0,
      routes: [],
      authorizer: async () => ({ allow: false, context: {} }),
      lambdas: {} as never,
      servicePort: () => undefined,
      cors: DEFAULT_CORS,
    });
    const { Agent, request: send } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (bytes: number) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = send(`${gateway.url}/asset`, { method: 'PUT', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
        });
        req.on('error', reject);
        req.end(Buffer.alloc(bytes, 0x61));
      });
    try {
      expect(await post(11 * 1024 * 1024)).toEqual({ status: 413, connection: 'close' });
      expect((await post(10)).status).toBe(404); // no route table here: API Gateway's 404, on a fresh socket
    } finally {
      agent.destroy();
      await gateway.close();
    }
  });
});
