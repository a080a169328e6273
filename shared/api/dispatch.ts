import { ROUTES, routeId, type RouteDefinition, type RouteId } from '../routing/routes';
import type { ApiRequest, ApiResponse } from '../http/types';
import { notFound, notImplemented } from '../errors';
import { requestLogger } from '../observability/logger';
import type { ApiDependencies } from './dependencies';
import type { Operation } from './operation';
import { errorResponse } from './respond';

const ROUTES_BY_ID = new Map<string, RouteDefinition>(ROUTES.map((route) => [routeId(route), route]));

export function routeById(id: string): RouteDefinition | undefined {
  return ROUTES_BY_ID.get(id);
}

/**
 * Serves one request on either runtime: authenticate (unless the route is public), run the route's
 * operation, map any error to `{"error": ...}`, and log one access line with the correlation id.
 * `operations` is what this process serves: a Lambda bundle carries only its own group's, so it
 * bundles only what that group needs.
 */
export async function dispatch(
  id: RouteId | string,
  request: ApiRequest,
  deps: ApiDependencies,
  operations: Readonly<Partial<Record<RouteId, Operation>>>,
): Promise<ApiResponse> {
  const logger = requestLogger(request.requestId);
  const started = performance.now();
  const route = routeById(id);
  let response: ApiResponse;
  try {
    if (!route) throw notFound(`no route ${id}`);
    const operation = operations[id as RouteId];
    if (!operation) throw notImplemented(`${id} is not implemented`);
    const whoami = route.auth === 'jwt' ? await deps.authenticate(request.headers) : undefined;
    const run = () => operation(Object.freeze({ request, whoami, deps, logger }));
    response = deps.idempotent ? await deps.idempotent(id, request, whoami, run) : await run();
  } catch (error) {
    response = errorResponse(error, logger);
  }
  logger.info('request', {
    route: id,
    method: request.method,
    path: request.path,
    status: response.status,
    duration_ms: Math.round((performance.now() - started) * 100) / 100,
  });
  return response;
}
