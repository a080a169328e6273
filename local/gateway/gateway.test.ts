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

