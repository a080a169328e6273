/**
 * What API Gateway does before it invokes anything: match the route, decode the path parameters,
 * build the HTTP API payload 2.0 event. One copy, shared by the local gateway, the contract suite
 * and the bench, so they all hand the handlers the same event for the same request.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { matchPath, routeId, type RouteDefinition } from '../../shared/routing/routes';
import { ROUTES } from '../../shared/routing/table';
import { buildEvent } from './lambda-invoker';

/** Every route of the table, whatever its target, in `findRoute`'s shape. */
export const EVERY_ROUTE: readonly { readonly route: RouteDefinition }[] = ROUTES.map((route) => ({ route }));

/** The first route API Gateway would match for a method and path, or undefined (its own 404). */
export function findRoute<R extends { readonly route: Pick<RouteDefinition, 'method' | 'path'> }>(
  routes: readonly R[],
  method: string,
  path: string,
): { resolved: R; pathParameters: Record<string, string> } | undefined {
  for (const resolved of routes) {
    if (resolved.route.method !== method) continue;
    const pathParameters = matchPath(resolved.route.path, path);
    if (pathParameters) return { resolved, pathParameters };
  }
  return undefined;
}

export interface HttpApiEventInput {
  readonly method: string;
  /** The concrete path as on the wire (percent-encoded), e.g. `/account/bob%40example.com`. */
  readonly path: string;
  readonly rawQueryString?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly requestId: string;
  /** The JWT authorizer's (already verified) claims; handed on on `jwt` routes only, as API Gateway does. */
  readonly claims?: JwtPayload;
}

/** The event API Gateway builds for a request outside the gateway (tests, the bench), and the route it matched. */
export function httpApiEvent(input: HttpApiEventInput): { event: APIGatewayProxyEventV2; route: RouteDefinition } {
  const matched = findRoute(EVERY_ROUTE, input.method, input.path);
  if (!matched) throw new Error(`no route for ${input.method} ${input.path}`);
  const { route } = matched.resolved;
  const headers = Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
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
    route.auth === 'jwt' ? input.claims : undefined,
  );
  return { event, route };
}

/**
 * The claims the gateway's JWT authorizer hands on: the bearer token's payload, decoded. (In production
 * the authorizer has verified the token first; the handler verifies it again either way.)
 */
export function claimsOf(authorization: string | undefined): JwtPayload | undefined {
  const payload = authorization?.match(/^Bearer (.+)$/i)?.[1]?.split('.')[1];
  if (!payload) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtPayload;
  } catch {
    return undefined;
  }
}
