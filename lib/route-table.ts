/**
 * The route table the CDK app is built from: every route resolved to Lambda or Fargate, the groups they belong to,
 * and where a group's Lambda entry is. `bin/build-app.ts` passes the repository's table; the 80-route test passes
 * a generated one. It decides which stack each route's resources go to (lib/stacks/).
 */
import type { ResolvedRoute, RouteLike } from '../shared/routing/flags';
import { SERVICES, type ServiceName } from '../shared/routing/routes';
import { ROUTE_GROUPS } from '../shared/routing/table';
import { writeLambdaEntry } from '../lambdas/runtime/entries';
import { combinedAccess, type GroupAccess } from './group-access';

/** What the CDK needs of a route group: its name, what it touches, and the service that may serve it. */
export interface GroupDeclaration {
  readonly name: string;
  readonly access: GroupAccess;
  readonly service?: ServiceName;
}

export interface RouteTable {
  readonly routes: readonly ResolvedRoute<RouteLike>[];
  readonly groups: Readonly<Record<string, GroupDeclaration>>;
  /** The group's Lambda handler file, relative to the repository root. */
  readonly lambdaEntry: (group: GroupDeclaration) => string;
}

/** The repository's table: groups from shared/routes/, entries generated under .build/lambdas/. */
export const repositoryRouteTable = (routes: readonly ResolvedRoute<RouteLike>[]): RouteTable => ({
  routes,
  groups: ROUTE_GROUPS,
  lambdaEntry: (group) => writeLambdaEntry(group),
});

export function groupOfRoute(table: RouteTable, route: ResolvedRoute<RouteLike>): GroupDeclaration {
  const group = table.groups[route.route.group];
  if (!group) throw new Error(`Route ${route.id} names group ${route.route.group}, which the table lacks`);
  return group;
}

/**
 * How each route state deploys (docs/migration.md "In AWS"):
 * - `lambda`: API Gateway → the group's function;
 * - `shadow`: the same, and the service runs with a listener rule for the route's GET, so the shadow copy reaches it
 *   through the internal ALB;
 * - `canary`: API Gateway → VPC link → the route's own weighted rule (the group's function and the service);
 * - `fargate`: API Gateway → VPC link → the path's rule → the service.
 */
type Routed = Pick<ResolvedRoute<RouteLike>, 'state' | 'route'>;
/** API Gateway integrates the route with the ALB listener (else with the group's function). */
export const integratesAlb = (r: Routed) => r.state.kind === 'canary' || r.state.kind === 'fargate';
/** The group's function serves (some of) the route's requests, so it must exist. */
export const needsFunction = (r: Routed) => r.state.kind !== 'fargate';
/** The group's service must run (it answers, or is compared). */
export const needsService = (r: Routed) => r.state.kind !== 'lambda';
/** The route's method is in its (path, service) listener rule, forwarding to the service alone. */
export const inServiceRule = (r: Routed) => r.state.kind === 'fargate' || (r.state.kind === 'shadow' && r.route.method === 'GET');

/** Each Hono service with its migrated groups (a route in any state but `lambda`) and their combined access (services with none are absent). */
export function migratedServices(table: RouteTable): Map<ServiceName, { groups: GroupDeclaration[]; access: Required<GroupAccess> }> {
  const services = new Map<ServiceName, { groups: GroupDeclaration[]; access: Required<GroupAccess> }>();
  for (const service of Object.keys(SERVICES) as ServiceName[]) {
    const groups = [...new Set(table.routes.filter((r) => needsService(r) && r.service === service).map((r) => groupOfRoute(table, r)))];
    if (groups.length > 0) services.set(service, { groups, access: combinedAccess(groups.map((group) => group.access)) });
  }
  return services;
}
