import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { dispatch, operationTable } from '../../shared/api/dispatch';
import type { ApiDependencies } from '../../shared/api/dependencies';
import { json } from '../../shared/api/respond';
import type { GraphStore } from '../../shared/graph/store';
import type { ServedGroup } from '../../shared/routing/route-group';
import { isRouteId, matchPath, type RouteDefinition } from '../../shared/routing/routes';
import type { ApiRequest, ApiResponse } from '../../shared/http/types';
import { decodeRequest, encodeResponse, lambdaBody } from '../../shared/http/codec';
import { rootLogger } from '../../shared/observability/logger';
import { inLambda, routeMetrics } from '../../shared/observability/route-metrics';
import { createDependencies } from '../../shared/api/create-dependencies';
import { apiBinding } from '../../shared/config/binding';

/** API Gateway HTTP API (payload 2.0) event → the runtime-neutral request, for the route its routeKey names. */
const requestFromEvent = (event: APIGatewayProxyEventV2, route: RouteDefinition | undefined): ApiRequest =>
  decodeRequest({
    method: event.requestContext.http.method,
    path: event.rawPath,
    pathParameters: (route && matchPath(route.path, event.rawPath)) ?? {},
    rawQueryString: event.rawQueryString,
    headers: event.headers ?? {},
    body: event.body,
    base64: event.isBase64Encoded,
    requestId: event.requestContext.requestId,
  });

function resultFromResponse(response: ApiResponse): APIGatewayProxyStructuredResultV2 {
  const { status, headers, body } = encodeResponse(response);
  return { statusCode: status, headers, ...lambdaBody(body) };
}

export interface HandlerOptions {
  /** Groups that search or write graph kinds pass the graph store; the others never load the Neo4j driver. */
  readonly graph?: () => Promise<GraphStore>;
}

/**
 * The middy handler for one route group: Powertools logger (Lambda context; the dispatcher's
 * per-request child logger adds `correlation_id` = requestContext.requestId) and tracer around the
 * shared dispatcher. A route key outside the group is a 404, so a mis-wired integration is loud.
 * Dependencies are built once per container, on the first invocation (config is validated then).
 */
export function httpApiHandler(served: ServedGroup, options: HandlerOptions = {}) {
  const tracer = new Tracer({ serviceName: served.group.name });
  const table = operationTable([served]);
  let dependencies: Promise<ApiDependencies> | undefined;
  const build = () => createDependencies(process.env, { graph: options.graph, binding: apiBinding(served.group.access) });
  const metrics = routeMetrics('lambda');
  const flushEachInvocation = inLambda();
  const core = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const id = event.routeKey;
    if (!isRouteId(id)) return resultFromResponse(json(404, { error: `no route ${id}` }));
    const request = requestFromEvent(event, table.get(id)?.route);
    const ready = (dependencies ??= build().catch((error) => {
      dependencies = undefined; // a failed cold start is retried by the next invocation
      throw error;
    }));
    try {
      return resultFromResponse(await metrics.measure(id, async () => dispatch(id, request, await ready, table)));
    } finally {
      if (flushEachInvocation) metrics.flush();
    }
  };
  return middy(core)
    .use(injectLambdaContext(rootLogger(), { resetKeys: true }))
    .use(captureLambdaHandler(tracer));
}
