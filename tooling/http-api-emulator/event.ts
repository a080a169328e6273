/**
 * The HTTP API payload 2.0 event, exactly as API Gateway builds it: the one event builder of the
 * local gateway, the contract suite and the bench, so they all hand the handlers the same event.
 */
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { decodeHeaders } from '../../shared/http/codec';
import { routeId, type RouteDefinition } from '../../shared/routing/routes';
import { EVERY_ROUTE, findRoute } from './routing';
import type { GatewayRequest } from './types';

export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'local';
/** Content types API Gateway passes as text; anything else arrives base64-encoded. */
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded|[\w.+-]+\+(json|xml)))/i;

/** API Gateway's `$context.requestId` looks like `IH8YWhyJIAMEVWA=`. */
export const newRequestId = () => randomBytes(10).toString('base64');

/** `22/Nov/2026:19:03:58 +0000`, API Gateway's `requestContext.time`. */
function requestTime(date: Date): string {
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${month}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** Each header line as received when known (rawHeaders), else the already-joined headers. */
function headerEntries(request: GatewayRequest): [string, string][] {
  const raw = request.rawHeaders;
  if (!raw) return Object.entries(request.headers);
  const entries: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) entries.push([raw[i].toLowerCase(), raw[i + 1]]);
  return entries;
}

/** `authorizer`: the Lambda authorizer's context, handed on as `requestContext.authorizer.lambda` on `jwt` routes. */
export function buildEvent(
  request: GatewayRequest,
  routeKey: string,
  pathParameters: Record<string, string>,
  authorizer?: Readonly<Record<string, string>>,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of headerEntries(request)) {
    if (name === 'cookie') cookies = [...(cookies ?? []), ...value.split(/;\s*/).filter(Boolean)];
    // Payload 2.0: "duplicate headers are combined with commas" (no space), like query strings.
    else headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(request.rawQueryString)) {
    query[name] = name in query ? `${query[name]},${value}` : value; // payload 2.0 comma-joins repeats
  }
  const now = new Date();
  const contentType = request.headers['content-type'] ?? '';
  const textBody = contentType === '' || TEXT_TYPES.test(contentType);
  const hasBody = request.body.length > 0;
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey,
    rawPath: request.path,
    rawQueryString: request.rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: (headers.host ?? '127').split('.')[0],
      http: {
        method: request.method,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
      ...(authorizer ? { authorizer: { lambda: { ...authorizer } } } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
    ...(hasBody ? { body: textBody ? request.body.toString('utf8') : request.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !textBody,
  };
  return event;
}

export interface HttpApiEventInput {
  readonly method: string;
  /** The concrete path as on the wire (percent-encoded), e.g. `/account/bob%40example.com`. */
  readonly path: string;
  readonly rawQueryString?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly requestId: string;
  /** The authorizer's context; handed on on `jwt` routes only, as API Gateway does. */
  readonly authorizer?: Readonly<Record<string, string>>;
}

/** The event API Gateway builds for a request outside the gateway (tests, the bench), and the route it matched. */
export function httpApiEvent(input: HttpApiEventInput): { event: APIGatewayProxyEventV2; route: RouteDefinition } {
  const matched = findRoute(EVERY_ROUTE, input.method, input.path);
  if (!matched) throw new Error(`no route for ${input.method} ${input.path}`);
  const { route } = matched.resolved;
  const headers = decodeHeaders(input.headers ?? {});
  const event = buildEvent(
    {
      method: input.method,
      path: input.path,
      rawQueryString: input.rawQueryString ?? '',
      headers,
      body: Buffer.from(input.body ?? ''),
      sourceIp: '127.0.0.1',
      requestId: input.requestId,
    },
    routeId(route),
    matched.pathParameters,
    route.auth === 'jwt' ? input.authorizer : undefined,
  );
  return { event, route };
}
