/**
 * The shadow copy: after Lambda has answered (and the caller has its response), the same request,
 * with the caller's credentials, goes to the route's service; both answers are compared
 * (shared/migration/compare.ts). Nothing here is awaited by the caller's response.
 */
import { Readable } from 'node:stream';
import { compareAnswers, type Answer, type Comparison } from '../../shared/migration/compare';
import type { GatewayRequest, GatewayResponse } from '../../tooling/http-api-emulator/types';
import { proxyToService } from './service-proxy';

async function bufferOf(body: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** `primary` is Lambda's answer as sent; 'error' when the service is down or the copy failed to arrive. */
export async function shadowCompare(
  servicePort: number | undefined,
  gatewayPort: number,
  request: GatewayRequest,
  primary: Answer,
): Promise<Comparison | 'error'> {
  if (servicePort === undefined) return 'error';
  try {
    // Its own request id, so the service's log lines of the copy are not mistaken for a second real call.
    const copy: GatewayResponse = await proxyToService(servicePort, gatewayPort, { ...request, requestId: `${request.requestId}-shadow` });
    return compareAnswers(primary, { status: copy.status, body: await bufferOf(copy.body) });
  } catch {
    return 'error';
  }
}
