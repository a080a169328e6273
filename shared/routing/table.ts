/**
 * The route table, derived from the route-group folders (`shared/routes/<group>/routes.ts`, listed by
 * the generated `shared/routes/index.ts`). The CDK app, the local gateway, the Hono services,
 * `npm run routes`, the OpenAPI document and the contract suite all read it from here.
 */
import { ROUTE_GROUP_LIST } from '../routes';
import type { RouteDefinition, RouteGroupModule } from './route-group';
import type { RouteId, ServiceName } from './routes';

export type RouteGroup = (typeof ROUTE_GROUP_LIST)[number]['name'];

/** Every group by name. */
export const ROUTE_GROUPS = Object.fromEntries(ROUTE_GROUP_LIST.map((group): [string, RouteGroupModule] => [group.name, group])) as Readonly<
  Record<RouteGroup, RouteGroupModule>
>;

/** The typed accessor: the declaration of a group. */
export const routeGroup = (name: RouteGroup): RouteGroupModule => ROUTE_GROUPS[name];

/** The group a route belongs to. */
export function groupOf(route: Pick<RouteDefinition, 'group' | 'id'>): RouteGroupModule {
  if (!isRouteGroup(route.group)) throw new Error(`route ${route.id} names group ${route.group}, which has no folder under shared/routes/`);
  return ROUTE_GROUPS[route.group];
}

export const isRouteGroup = (name: string): name is RouteGroup => Object.hasOwn(ROUTE_GROUPS, name);

export const ROUTE_GROUP_NAMES: readonly RouteGroup[] = ROUTE_GROUP_LIST.map((group) => group.name);

/** Every route, group by group. */
export const ROUTES: readonly RouteDefinition[] = ROUTE_GROUP_LIST.flatMap((group) => group.definitions);

const BY_ID = new Map<string, RouteDefinition>(ROUTES.map((route) => [route.id, route]));
export const routeById = (id: string): RouteDefinition | undefined => BY_ID.get(id);

/** The routes a service serves: every route of every group assigned to it. */
export const routesOfService = (service: ServiceName): RouteDefinition[] =>
  ROUTE_GROUP_LIST.filter((group) => group.service === service).flatMap((group) => group.definitions);

/** Every route id of the table. */
export const ROUTE_IDS: readonly RouteId[] = ROUTES.map((route) => route.id);
