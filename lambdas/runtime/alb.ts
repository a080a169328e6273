/**
 * The Application Load Balancer edge of a route group's Lambda (a canary route's Lambda target group,
 * docs/migration.md): the ALB event → the runtime-neutral request, the answer → the ALB's result shape.
 * Unlike an HTTP API event there is no routeKey and no authorizer context: the route is matched here from
 * method + path over the group's table, and the dispatcher authenticates from the headers, as on Fargate.
 *
 * Both target-group settings are understood: with `lambda.multi_value_headers.enabled` (what the CDK sets,
 * so repeated query parameters and headers arrive whole) the event carries `multiValue*` fields and the
 * result must answer `multiValueHeaders`; without it, single values. Either way the query arrives
 * URL-encoded, as on the wire, and is decoded by the same parser as the other edges.
 */
import { STATUS_CODES } from 'node:http';
import type { ALBEvent, ALBResult } from 'aws-lambda';
import type { OperationTable } from '../../shared/api/dispatch';
import { json } from '../../shared/api/respond';
import { decodeRequest, encodeResponse, lambdaBody } from '../../shared/http/codec';
import type { ApiRequest, ApiResponse } from '../../shared/http/types';
import { matchPath, type RouteId } from '../../shared/routing/routes';

/** An ALB invokes a Lambda target with at most 1 MB of result JSON; larger, it answers 502 itself, without a word. */
export const ALB_MAX_RESULT_BYTES = 1024 * 1024;

export const isAlbEvent = (event: unknown): event is ALBEvent =>
  typeof event === 'object' && event !== null && typeof (event as Partial<ALBEvent>).requestContext?.elb === 'object';

/** `k=v&k=v2`, still URL-encoded as the ALB hands it over (it never decodes the query). */
function rawQueryString(event: ALBEvent): string {
  const pairs: string[] = [];
  if (event.multiValueQueryStringParameters) {
    for (const [name, values] of Object.entries(event.multiValueQueryStringParameters)) for (const value of values ?? []) pairs.push(`${name}=${value}`);
  } else {
    for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) if (value !== undefined) pairs.push(`${name}=${value}`);
  }
  return pairs.join('&');
}

export interface AlbRequest {
  /** Undefined when no route of the group matches method + path. */
  readonly id: RouteId | undefined;
  readonly request: ApiRequest;
}

/**
 * The route of `table` that matches (the group's routes in declaration order, as the route table orders
 * them) and the request. The correlation id is `x-request-id` when the caller sent one (as on Fargate),
 * else the invocation's id: the ALB adds no request id of its own.
 */
export function albRequest(event: ALBEvent, table: OperationTable, invocationId: string): AlbRequest {
  let id: RouteId | undefined;
  let pathParameters: Record<string, string> = {};
  for (const [candidate, { route }] of table) {
    const parameters = route.method === event.httpMethod ? matchPath(route.path, event.path) : undefined;
    if (parameters) {
      [id, pathParameters] = [candidate, parameters];
      break;
    }
  }
  const headers = event.multiValueHeaders ?? event.headers ?? {};
  const requestId = (event.multiValueHeaders?.['x-request-id']?.[0] ?? event.headers?.['x-request-id']) || invocationId;
  const request = decodeRequest({
    method: event.httpMethod,
    path: event.path,
    pathParameters,
    rawQueryString: rawQueryString(event),
    headers,
    body: event.body ?? undefined,
    base64: event.isBase64Encoded,
    requestId,
  });
  return { id, request };
}

/** The answer in the shape the event came in (multi-value or not), with the status line the ALB requires. */
export function albResult(response: ApiResponse, event: ALBEvent): ALBResult {
  const { status, headers, body } = encodeResponse(response);
  const result: ALBResult = {
    statusCode: status,
    statusDescription: `${status} ${STATUS_CODES[status] ?? 'Unknown'}`,
    ...(event.multiValueHeaders ? { multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])) } : { headers }),
    ...lambdaBody(body),
  };
  if (Buffer.byteLength(JSON.stringify(result)) <= ALB_MAX_RESULT_BYTES) return result;
  // Say why instead of the ALB's bare 502: a page this large needs a smaller `limit`.
  return albResult(json(502, { error: 'The answer exceeds the 1 MB a load balancer accepts from a Lambda target; ask for a smaller page' }), event);
}
