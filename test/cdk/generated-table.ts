/**
 * A generated route table shaped like Chariot's at full size: `groups` groups of `routesPerGroup` routes each, every
 * group with a Hono service (rotating) and varied access, paths with 0 to 2 parameters and all four methods.
 */
import type { RouteTable, GroupDeclaration } from '../../lib/route-table';
import { resolveRoutes, type RouteLike } from '../../shared/routing/flags';
import { HTTP_METHODS, type ServiceName } from '../../shared/routing/routes';

const SERVICE_NAMES: readonly ServiceName[] = ['inventory', 'identity', 'operations'];
const ACCESS = [{ table: 'read' }, { table: 'readWrite' }, { table: 'readWrite', files: true }, { table: 'read', graph: true }] as const;
/** Any handler file that exists: the scaling test synthesizes without bundling. */
const ENTRY = 'lambdas/authorizer/handler.ts';

export function generatedRouteTable({ groups = 16, routesPerGroup = 5, target = 'lambda' as 'lambda' | 'fargate' } = {}): RouteTable {
  const declarations: Record<string, GroupDeclaration> = {};
  const routes: RouteLike[] = [];
  for (let g = 0; g < groups; g++) {
    const name = `generated${String(g + 1).padStart(2, '0')}`;
    declarations[name] = { name, access: ACCESS[g % ACCESS.length], service: SERVICE_NAMES[g % SERVICE_NAMES.length] };
    for (let r = 0; r < routesPerGroup; r++) {
      const path = [`/${name}`, `/${name}/{id}`, `/${name}/{id}/item/{item}`][r % 3];
      routes.push({ method: HTTP_METHODS[Math.floor(r / 3) * 2 + (r % 2)] ?? 'GET', path, auth: r === 4 ? 'public' : 'jwt', group: name });
    }
  }
  const flags = target === 'fargate' ? Object.fromEntries(Object.keys(declarations).map((name) => [name, 'fargate'])) : {};
  return { routes: resolveRoutes(routes, declarations, flags), groups: declarations, lambdaEntry: () => ENTRY };
}
