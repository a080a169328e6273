/**
 * API Gateway's route matching: the first route of the table whose method and path template match,
 * with its decoded path parameters. Used by the local gateway, the contract suite and the bench.
 */
import { matchPath, ROUTES, type RouteDefinition } from '../../shared/routing/routes';

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
