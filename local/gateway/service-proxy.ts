/**
 * Fargate routes: what the HTTP API → VPC link → internal ALB path delivers to a Hono service. The
 * client's headers go through (Authorization included, so the service verifies the token again),
 * `x-request-id` ← `$context.requestId` is overwritten, and the ALB adds its `x-forwarded-*` headers.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { INTEGRATION_TIMEOUT_MS } from '../../tooling/http-api-emulator/lambda-integration';
import { jsonResponse, type GatewayRequest, type GatewayResponse } from '../../tooling/http-api-emulator/types';

/** Hop-by-hop headers (RFC 9110 §7.6.1) are never forwarded in either direction. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

export const badGateway = () => jsonResponse(502, { message: 'Bad Gateway' });

export function forwardedHeaders(request: GatewayRequest, port: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!HOP_BY_HOP.has(name) && name !== 'x-request-id') headers[name] = value;
  }
  headers['x-request-id'] = request.requestId;
  headers['x-forwarded-for'] = request.headers['x-forwarded-for'] ? `${request.headers['x-forwarded-for']}, ${request.sourceIp}` : request.sourceIp;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-port'] = String(port);
  headers['content-length'] = String(request.body.length);
  return headers;
}

function responseHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

/** Resolves once the service answered its status line; the body then streams. Connection failures are 502. */
export function proxyToService(servicePort: number, gatewayPort: number, request: GatewayRequest): Promise<GatewayResponse> {
  return new Promise((resolve) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: servicePort,
        method: request.method,
        path: request.path + (request.rawQueryString ? `?${request.rawQueryString}` : ''),
        headers: forwardedHeaders(request, gatewayPort),
        timeout: INTEGRATION_TIMEOUT_MS,
      },
      (incoming) => resolve({ status: incoming.statusCode ?? 502, headers: responseHeaders(incoming.headers), body: incoming }),
    );
    outgoing.on('timeout', () => {
      outgoing.destroy();
      resolve(jsonResponse(503, { message: 'Service Unavailable' }));
    });
    outgoing.on('error', () => resolve(badGateway())); // a second resolve after a response is a no-op
    outgoing.end(request.body);
  });
}
