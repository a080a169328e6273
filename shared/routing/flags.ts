/**
 * Migration flags: which backend serves each route, Lambda (today) or the Hono service on Fargate.
 *
 * A flag maps a route id (`GET /asset`, exactly `routeId()`) or a route group (`asset`) to a target.
 * Precedence per route: route flag > group flag > `lambda`. Pure functions: the CDK app, the local
 * gateway and `npm run routes` all resolve the same table the same way.
 */
import { lambdaEntryPath } from './route-group';
import { routeId, type RouteDefinition, type RouteId, type ServiceName } from './routes';

/** What the resolver needs of a group: its Hono service, if it has one. */
export interface GroupTarget {
  readonly service?: ServiceName;
}

export const TARGETS = ['lambda', 'fargate'] as const;
export type Target = (typeof TARGETS)[number];

/** Context keys that carry a flag: `-c "migrate:GET /asset=fargate"` or `-c migrate:asset=fargate`. */
export const MIGRATE_PREFIX = 'migrate:';

/** Flag key (route id or group) → target as written; values are validated by `resolveRoutes`. */
export type MigrationFlags = Readonly<Record<string, string>>;

/** The shape of a route the resolver needs; `RouteDefinition` fits, and so does a synthetic test table. */
export type RouteLike = Pick<RouteDefinition, 'method' | 'path' | 'auth'> & { readonly group: string };

export interface ResolvedRoute<R extends RouteLike = RouteDefinition> {
  readonly route: R;
  readonly id: RouteId;
  readonly target: Target;
  /** The group's (generated) Lambda entry, relative to the repository root. */
  readonly lambdaEntry: string;
  /** The group's Hono service (always set when `target` is `fargate`). */
  readonly service?: ServiceName;
  /** The flag that decided the target (`migrate:asset`), or `default`. */
  readonly decidedBy: string;
}

/** A bad flag. The message is one line naming the flag, so synth output shows exactly what to fix. */
export class MigrationFlagError extends Error {
  override readonly name = 'MigrationFlagError';
}

const flagName = (key: string) => `${MIGRATE_PREFIX}${key}`;

export function resolveRoutes<R extends RouteLike>(
  routes: readonly R[],
  groups: Readonly<Record<string, GroupTarget>>,
  flags: MigrationFlags,
): ResolvedRoute<R>[] {
  const routeIds = new Set<string>(routes.map(routeId));
  const targets = new Map<string, Target>();
  for (const [key, rawTarget] of Object.entries(flags)) {
    if (!routeIds.has(key) && !Object.hasOwn(groups, key)) {
      throw new MigrationFlagError(
        `Unknown route or group in flag "${flagName(key)}": use a route id such as "GET /asset" or a group (${Object.keys(groups).join(', ')})`,
      );
    }
    const target = rawTarget.trim();
    if (!(TARGETS as readonly string[]).includes(target)) {
      throw new MigrationFlagError(`Unknown target "${rawTarget}" in flag "${flagName(key)}": use ${TARGETS.join(' or ')}`);
    }
    targets.set(key, target as Target);
  }

  return routes.map((route) => {
    const id = routeId(route);
    const group = groups[route.group];
    if (!group) throw new MigrationFlagError(`Route "${id}" names group "${route.group}", which the group table lacks`);
    const decidingKey = targets.has(id) ? id : targets.has(route.group) ? route.group : undefined;
    const target = decidingKey === undefined ? 'lambda' : targets.get(decidingKey)!;
    if (target === 'fargate' && !group.service) {
      throw new MigrationFlagError(
        `Flag "${flagName(decidingKey!)}" sends "${id}" to fargate, but group "${route.group}" has no Hono service`,
      );
    }
    return {
      route,
      id,
      target,
      lambdaEntry: lambdaEntryPath(route.group),
      ...(group.service ? { service: group.service } : {}),
      decidedBy: decidingKey === undefined ? 'default' : flagName(decidingKey),
    };
  });
}

/** Picks the `migrate:<key>` entries out of a CDK context object (CLI values are always strings). */
export function migrationFlagsFromContext(context: Readonly<Record<string, unknown>>): Record<string, string> {
  const flags: Record<string, string> = {};
  for (const [key, value] of Object.entries(context)) {
    if (!key.startsWith(MIGRATE_PREFIX)) continue;
    if (typeof value !== 'string') {
      throw new MigrationFlagError(`Flag "${key}" must be a string ("lambda" or "fargate"), got ${JSON.stringify(value)}`);
    }
    flags[key.slice(MIGRATE_PREFIX.length)] = value;
  }
  return flags;
}
