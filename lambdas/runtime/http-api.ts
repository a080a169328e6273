import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ALBEvent, ALBResult, APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { dispatch, operationTable, type OperationTable } from '../../shared/api/dispatch';
import type { ApiDependencies } from '../../shared/api/dependencies';
import { json } from '../../shared/api/respond';
import type { GraphStore } from '../../shared/graph/store';
import type { ServedGroup } from '../../shared/routing/route-group';
import { isRouteId, matchPath, type RouteId } from '../../shared/routing/routes';
import type { ApiRequest, ApiResponse } from '../../shared/http/types';
import { decodeRequest, encodeResponse, lambdaBody } from '../../shared/http/codec';
import { rootLogger } from '../../shared/observability/logger';
import { inLambda, routeMetrics } from '../../shared/observability/route-metrics';
import { tracingMiddleware } from '../../shared/observability/tracing';
import { createDependencies } from '../../shared/api/create-dependencies';
import { apiBinding } from '../../shared/config/binding';
import { ShadowCopier, shadowCopyConfig, type LambdaInvoker } from '../../shared/migration/shadow-copy';
import { requestLogger } from '../../shared/observability/logger';
import { albRequest, albResult, isAlbEvent } from './alb';

/** API Gateway HTTP API (payload 2.0) event → the route its routeKey names (undefined outside the group) and the request. */
function httpApiRequest(event: APIGatewayProxyEventV2, table: OperationTable): { id: RouteId | undefined; request: ApiRequest } {
  const id = isRouteId(event.routeKey) && table.has(event.routeKey) ? event.routeKey : undefined;
  const route = id && table.get(id)?.route;
  const request = decodeRequest({
    method: event.requestContext.http.method,
    path: event.rawPath,
    pathParameters: (route && matchPath(route.path, event.rawPath)) ?? {},
    rawQueryString: event.rawQueryString,
    headers: event.headers ?? {},
    body: event.body,
    base64: event.isBase64Encoded,
    requestId: event.requestContext.requestId,
  });
  return { id, request };
}

function resultFromResponse(response: ApiResponse): APIGatewayProxyStructuredResultV2 {
  const { status, headers, body } = encodeResponse(response);
  return { statusCode: status, headers, ...lambdaBody(body) };
}

export interface HandlerOptions {
  /** Groups that search or write graph kinds pass the graph store; the others never load the Neo4j driver. */
  readonly graph?: () => Promise<GraphStore>;
  /** Test-only: another environment than the process's (the contract suite's ALB runtime has a table of its own). */
  readonly env?: NodeJS.ProcessEnv;
  /** Test-only: the Lambda client of the shadow copy's asynchronous invoke (there is no Lambda API locally). */
  readonly shadowInvoker?: LambdaInvoker;
}

/**
 * The middy handler for one route group, for both of its callers: API Gateway (HTTP API payload 2.0, the
 * route named by routeKey) and, for a route in canary, the ALB's Lambda target group (lambdas/runtime/alb.ts,
 * the route matched from method + path). Powertools logger (Lambda context; the dispatcher's per-request
 * child logger adds `correlation_id`) and, where tracing is on, tracer around the shared dispatcher. A route outside the group is
 * a 404, so a mis-wired integration is loud. Dependencies are built once per container, on the first
 * invocation (config is validated then). A route in `shadow` hands a sampled GET to the shadow comparer
 * (shared/migration/shadow-copy.ts) after its answer is ready.
 */
export function httpApiHandler(served: ServedGroup, options: HandlerOptions = {}) {
  const table = operationTable([served]);
  let dependencies: Promise<ApiDependencies> | undefined;
  const env = options.env ?? process.env;
  const build = () => createDependencies(env, { graph: options.graph, binding: apiBinding(served.group.access) });
  const metrics = routeMetrics('lambda');
  const flushEachInvocation = inLambda();
  const shadowConfig = shadowCopyConfig(env);
  const shadow = shadowConfig && new ShadowCopier(shadowConfig, { client: options.shadowInvoker });
  const core = async (event: APIGatewayProxyEventV2 | ALBEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2 | ALBResult> => {
    const alb = isAlbEvent(event);
    const respond = (response: ApiResponse) => (alb ? albResult(response, event) : resultFromResponse(response));
    const { id, request } = alb ? albRequest(event, table, context.awsRequestId) : httpApiRequest(event, table);
    if (!id) return respond(json(404, { error: `no route ${alb ? `${event.httpMethod} ${event.path}` : event.routeKey}` }));
    const ready = (dependencies ??= build().catch((error) => {
      dependencies = undefined; // a failed cold start is retried by the next invocation
      throw error;
    }));
    try {
      const response = await metrics.measure(id, async () => dispatch(id, request, await ready, table));
      if (shadow?.shouldCopy(id, request.method)) await shadow.handOff(id, served.group.service!, request, response, requestLogger(request.requestId));
      return respond(response);
    } finally {
      if (flushEachInvocation) metrics.flush();
    }
  };
  const handler = middy(core).use(injectLambdaContext(rootLogger(), { resetKeys: true }));
  const tracing = tracingMiddleware(served.group.name);
  return tracing ? handler.use(tracing) : handler;
}
