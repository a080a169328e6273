/**
 * The ALB listener rules of the migrated routes, within the ALB's per-rule limits whatever the route table:
 * at most 5 condition values per rule (the path pattern counts one, each method one) and at most 5 wildcards.
 * One rule per (path, service, chunk of at most 4 methods); its priority is a hash of those alone, so adding,
 * removing or flipping a route never renumbers another route's rule. Pure (no aws-cdk-lib).
 */
import type { HttpMethod } from '../shared/routing/routes';
import { albPathPattern } from '../shared/routing/alb-path';

/** ALB quotas per listener rule (Elastic Load Balancing, "Quotas for your Application Load Balancers"). */
export const ALB_RULE_LIMITS = { conditionValues: 5, wildcards: 5 } as const;
/** ALB listener-rule priorities run 1..50000. */
const MAX_PRIORITY = 50_000;
/** One path-pattern value per rule; the rest of the value budget is methods. */
const METHODS_PER_RULE = ALB_RULE_LIMITS.conditionValues - 1;


export interface ListenerRuleSpec {
  /** `<path> <service>` for the first chunk (the key every existing rule already had), `… #<n>` after. */
  readonly key: string;
  readonly path: string;
  readonly service: string;
  readonly methods: readonly HttpMethod[];
  readonly priority: number;
}

/**
 * The listener-rule priority of a (path, service[, chunk]): a hash (FNV-1a) of those, so it depends on nothing
 * else in the table. Paths never overlap (API Gateway matched the route already), so order between rules does
 * not matter; two rules landing on the same number is caught at synth (`checkPriorities`).
 */
export function rulePriority(path: string, service: string, chunk = 0): number {
  return priorityOf(ruleKey(path, service, chunk));
}

function priorityOf(key: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return (hash % MAX_PRIORITY) + 1;
}

const ruleKey = (path: string, service: string, chunk: number) => `${path} ${service}${chunk === 0 ? '' : ` #${chunk}`}`;
/** A canary route's own rule: keyed by its method too (`/asset inventory GET`), so a shift changes that route alone. */
const canaryKey = (path: string, service: string, method: HttpMethod) => `${path} ${service} ${method}`;

/** The weighted rule of one canary route (lib/migration/weighted-route-rule.ts): one path, one method. */
export function canaryRule(route: { readonly path: string; readonly method: HttpMethod; readonly service: string }): ListenerRuleSpec {
  const key = canaryKey(route.path, route.service, route.method);
  return { key, path: route.path, service: route.service, methods: [route.method], priority: priorityOf(key) };
}

/** Every rule key → its priority; throws on a clash, naming both. A `method` names a canary route's rule. */
export function checkPriorities(
  rules: readonly { readonly path: string; readonly service: string; readonly chunk?: number; readonly method?: HttpMethod }[],
): Map<string, number> {
  const taken = new Map<number, string>();
  const priorities = new Map<string, number>();
  for (const { path, service, chunk = 0, method } of rules) {
    const key = method ? canaryKey(path, service, method) : ruleKey(path, service, chunk);
    const priority = priorityOf(key);
    const other = taken.get(priority);
    if (other !== undefined && other !== key) throw new Error(`ALB rule priority ${priority} is shared by "${other}" and "${key}"`);
    taken.set(priority, key);
    priorities.set(key, priority);
  }
  return priorities;
}

/**
 * The rules for `routes` (the routes on Fargate): grouped by (path, service), methods in chunks of 4.
 * Throws when a path has more wildcards than one rule may hold.
 */
export function listenerRules(routes: readonly { readonly path: string; readonly method: HttpMethod; readonly service: string }[]): ListenerRuleSpec[] {
  const byPath = new Map<string, { path: string; service: string; methods: HttpMethod[] }>();
  for (const route of routes) {
    const key = `${route.path} ${route.service}`;
    const entry = byPath.get(key) ?? { path: route.path, service: route.service, methods: [] };
    if (!entry.methods.includes(route.method)) entry.methods.push(route.method);
    byPath.set(key, entry);
  }
  const rules: ListenerRuleSpec[] = [];
  for (const { path, service, methods } of byPath.values()) {
    const wildcards = albPathPattern(path).split('*').length - 1;
    if (wildcards > ALB_RULE_LIMITS.wildcards) {
      throw new Error(`Path ${path} has ${wildcards} parameters; an ALB listener rule allows ${ALB_RULE_LIMITS.wildcards} wildcards`);
    }
    for (let chunk = 0; chunk * METHODS_PER_RULE < methods.length; chunk++) {
      rules.push({
        key: ruleKey(path, service, chunk),
        path,
        service,
        methods: methods.slice(chunk * METHODS_PER_RULE, (chunk + 1) * METHODS_PER_RULE),
        priority: rulePriority(path, service, chunk),
      });
    }
  }
  return rules;
}

/** The one rule per service that only associates its target group with the listener (ECS needs that before the service). */
export const ANCHOR_PATH = '/.target-group-anchor';
