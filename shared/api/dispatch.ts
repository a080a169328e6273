import type { RouteId } from '../routing/routes';
import type { Operation, RouteDefinition, ServedGroup } from '../routing/route-group';
import type { ApiRequest, ApiResponse } from '../http/types';
import { notFound } from '../errors';
import { parseInput } from '../model/common';
import { requestLogger } from '../observability/logger';
import type { ApiDependencies } from './dependencies';
import { errorResponse } from './respond';

/** What a process serves: route id → its declaration and operation. */
export type OperationTable = ReadonlyMap<RouteId, { readonly route: RouteDefinition; readonly operation: Operation }>;

/**
 * The table of the groups a process serves: a Lambda bundle carries only its own group, so it bundles
 * only what that group needs; a Hono service serves the groups of its service.
 */
export function operationTable(served: readonly ServedGroup[]): OperationTable {
  return new Map(served.flatMap(({ group, operations }) => group.definitions.map((route) => [route.id, { route, operation: operations[route.id] }] as const)));
}

/**
 * Serves one request on either runtime: authenticate (unless the route is public), parse the query
 * with the route's schema, run the route's operation, map any error to `{"error": ...}`, and log one
 * access line with the correlation id.
 */
export async function dispatch(id: RouteId, request: ApiRequest, deps: ApiDependencies, table: OperationTable): Promise<ApiResponse> {
  const logger = requestLogger(request.requestId);
  const started = performance.now();
  const served = table.get(id);
  let response: ApiResponse;
  try {
    if (!served) throw notFound(`no route ${id}`);
    const { route, operation } = served;
    const whoami = route.auth === 'jwt' ? await deps.authenticate(request.headers) : undefined;
    const query = route.spec.query ? parseInput(route.spec.query, request.query) : undefined;
    const run = () => operation(Object.freeze({ request, whoami, query, deps, logger }) as Parameters<Operation>[0]);
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
