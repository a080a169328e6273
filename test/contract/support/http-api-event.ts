/**
 * API Gateway HTTP API v2 events for the contract suite. The event itself comes from the local
 * gateway's builder (`local/gateway/lambda-invoker.ts`), so tests, `npm start` and production all
 * feed the handlers the same shape; this file only adds what a test needs around it.
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { buildEvent, lambdaContext as gatewayLambdaContext } from '../../../local/gateway/lambda-invoker';
import { ROUTES, matchPath, routeId, type RouteDefinition } from '../../../shared/routing/routes';

export interface HttpApiEventInput {
  readonly method: string;
  /** The concrete path as on the wire (percent-encoded), e.g. `/account/bob%40example.com`. */
  readonly path: string;
  readonly rawQueryString?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly requestId: string;
  /** The JWT authorizer's (already verified) claims, on `jwt` routes. */
  readonly claims?: JwtPayload;
}

/** The route API Gateway would match for a method and path, or undefined (its own 404). */
export function matchRoute(method: string, path: string): { route: RouteDefinition; pathParameters: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const pathParameters = matchPath(route.path, path);
    if (pathParameters) return { route, pathParameters };
  }
  return undefined;
}

export function httpApiEvent(input: HttpApiEventInput): APIGatewayProxyEventV2 {
  const matched = matchRoute(input.method, input.path);
  if (!matched) throw new Error(`no route for ${input.method} ${input.path}`);
  const headers = Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return buildEvent(
    {
      method: input.method,
      path: input.path,
      rawQueryString: input.rawQueryString ?? '',
      headers,
      body: Buffer.from(input.body ?? ''),
      sourceIp: '127.0.0.1',
      requestId: input.requestId,
    },
    routeId(matched.route),
    matched.pathParameters,
    input.claims,
  );
}

export const lambdaContext = (functionName: string, requestId: string): Context => gatewayLambdaContext(functionName, requestId, Date.now() + 29_000);

/**
 * The claims the gateway's JWT authorizer hands on: the token payload, decoded. (In production the
 * authorizer has verified the token first; the handler verifies it again either way.)
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
