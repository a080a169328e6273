/**
 * Migration flags: which backend serves each route, Lambda (today) or the Hono service on Fargate,
 * and the steps in between.
 *
 * A flag maps a route id (`GET /asset`, exactly `routeId()`) or a route group (`asset`) to a route state:
 * - `lambda`: Lambda serves (the default);
 * - `shadow` (or `shadow:<sample percent>`): Lambda serves; a sampled copy of each GET goes to the service
 *   and both answers are compared (shared/migration/compare.ts);
 * - `canary:<percent>`: that percentage of the traffic goes to the service, the rest to Lambda;
 * - `fargate`: the service serves.
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
/** Who answers a route when nothing splits it: `fargate` only in state `fargate` (see `ResolvedRoute.target`). */
export type Target = (typeof TARGETS)[number];

/** The migration state of a route; percentages are whole numbers 0–100. */
export type RouteState =
  | { readonly kind: 'lambda' }
  | { readonly kind: 'shadow'; readonly samplePercent: number }
  | { readonly kind: 'canary'; readonly percent: number }
  | { readonly kind: 'fargate' };

/** Kept as "use lambda or fargate (...)": the two end states first, the steps between after. */
export const STATE_SYNTAX = 'lambda or fargate (or between them: shadow, shadow:<sample percent>, canary:<percent>)';

const PERCENT = /^(100|[1-9]?\d)$/;

/** `canary:10` → `{ kind: 'canary', percent: 10 }`; undefined when the text is no state. */
export function parseRouteState(text: string): RouteState | undefined {
  const [kind, arg, ...rest] = text.trim().split(':');
  if (rest.length > 0) return undefined;
  if ((kind === 'lambda' || kind === 'fargate') && arg === undefined) return { kind };
  if (kind === 'shadow' && (arg === undefined || PERCENT.test(arg))) return { kind, samplePercent: arg === undefined ? 100 : Number(arg) };
  if (kind === 'canary' && arg !== undefined && PERCENT.test(arg)) return { kind, percent: Number(arg) };
  return undefined;
}

/** The flag text of a state (`canary:10`, `shadow`); parses back to the same state. */
export function formatRouteState(state: RouteState): string {
  if (state.kind === 'canary') return `canary:${state.percent}`;
  if (state.kind === 'shadow') return state.samplePercent === 100 ? 'shadow' : `shadow:${state.samplePercent}`;
  return state.kind;
}

/** The share of a route's traffic the service answers in a state (shadow copies do not count). */
export function fargatePercent(state: RouteState): number {
  return state.kind === 'fargate' ? 100 : state.kind === 'canary' ? state.percent : 0;
}

/** Context keys that carry a flag: `-c "migrate:GET /asset=fargate"` or `-c migrate:asset=fargate`. */
export const MIGRATE_PREFIX = 'migrate:';

/** Flag key (route id or group) → target as written; values are validated by `resolveRoutes`. */
export type MigrationFlags = Readonly<Record<string, string>>;

/** The shape of a route the resolver needs; `RouteDefinition` fits, and so does a synthetic test table. */
export type RouteLike = Pick<RouteDefinition, 'method' | 'path' | 'auth'> & { readonly group: string };

export interface ResolvedRoute<R extends RouteLike = RouteDefinition> {
  readonly route: R;
  readonly id: RouteId;
  /** The migration state the flags give the route. */
  readonly state: RouteState;
  /**
   * Who answers when nothing splits the traffic: `fargate` only in state `fargate`. The local gateway splits and
   * shadows the states in between itself; the CDK app derives each state's deployment from `state`
   * (lib/route-table.ts: a canary's API Gateway route goes to its weighted ALB rule).
   */
  readonly target: Target;
  /** The group's (generated) Lambda entry, relative to the repository root. */
  readonly lambdaEntry: string;
  /** The group's Hono service (always set when the state is not `lambda`). */
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
  const states = new Map<string, RouteState>();
  for (const [key, rawState] of Object.entries(flags)) {
    if (!routeIds.has(key) && !Object.hasOwn(groups, key)) {
      throw new MigrationFlagError(
        `Unknown route or group in flag "${flagName(key)}": use a route id such as "GET /asset" or a group (${Object.keys(groups).join(', ')})`,
      );
    }
    const state = parseRouteState(rawState);
    if (!state) throw new MigrationFlagError(`Unknown target "${rawState}" in flag "${flagName(key)}": use ${STATE_SYNTAX}`);
    states.set(key, state);
  }

  return routes.map((route) => {
    const id = routeId(route);
    const group = groups[route.group];
    if (!group) throw new MigrationFlagError(`Route "${id}" names group "${route.group}", which the group table lacks`);
    const decidingKey = states.has(id) ? id : states.has(route.group) ? route.group : undefined;
    const state: RouteState = decidingKey === undefined ? { kind: 'lambda' } : states.get(decidingKey)!;
    if (state.kind !== 'lambda' && !group.service) {
      throw new MigrationFlagError(
        `Flag "${flagName(decidingKey!)}" sends "${id}" to ${state.kind === 'fargate' ? 'fargate' : formatRouteState(state)}, but group "${route.group}" has no Hono service`,
      );
    }
    return {
      route,
      id,
      state,
      target: state.kind === 'fargate' ? 'fargate' : 'lambda',
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
      throw new MigrationFlagError(`Flag "${key}" must be a string (${STATE_SYNTAX}), got ${JSON.stringify(value)}`);
    }
    flags[key.slice(MIGRATE_PREFIX.length)] = value;
  }
  return flags;
}
