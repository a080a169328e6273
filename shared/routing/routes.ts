/**
 * The vocabulary of the route table: methods, auth, services, route ids and path matching. The table
 * itself is derived from the route-group folders (`shared/routes/<group>/`, see `table.ts`); this
 * module imports none of them, so a Lambda bundle that needs path matching carries no other group.
 */

/** PATCH: praetorian-cli 2.x pauses and resumes capability schedules with it. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Who may call a route: `jwt` needs a Cognito token (or an API key), `public` needs nothing at the gateway. */
export type RouteAuth = 'jwt' | 'public';

/** Hono services on Fargate. Each one serves several route groups (each group names its service). */
export const SERVICES = {
  /** Tenant inventory: search, assets, risks, attributes, and the webhook that ingests them. Hot, read-heavy, table + graph. */
  inventory: { directory: 'containers/inventory' },
  /** Identity and access: collaborators/accounts and API keys. Low volume, security-sensitive, narrow IAM. */
  identity: { directory: 'containers/identity' },
  /** Operations: jobs, files (S3) and the capability catalogue. Needs S3 access the others do not. */
  operations: { directory: 'containers/operations' },
} as const;
export type ServiceName = keyof typeof SERVICES;

/** `METHOD /path`, the route's id everywhere (flags, operations, contract tests, OpenAPI). */
export type RouteId = `${HttpMethod} /${string}`;
export const routeId = (route: { readonly method: HttpMethod; readonly path: string }): RouteId => `${route.method} ${route.path}` as RouteId;

export const isRouteId = (text: string): text is RouteId => /^(GET|POST|PUT|PATCH|DELETE) \//.test(text);

export type { RouteDefinition } from './route-group';

/** Path parameters of an API Gateway path, in order: `/hook/{username}/{pin}` → `['username', 'pin']`. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

const PATTERNS = new Map<string, RegExp>();
const patternOf = (routePath: string): RegExp => {
  let pattern = PATTERNS.get(routePath);
  if (!pattern) {
    pattern = new RegExp('^' + routePath.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)') + '$');
    PATTERNS.set(routePath, pattern); // compiled once per route path: this runs on every request
  }
  return pattern;
};

/** Matches a concrete request path against a route path; returns its decoded parameters, or undefined. */
export function matchPath(routePath: string, requestPath: string): Record<string, string> | undefined {
  const names = pathParameterNames(routePath);
  const match = patternOf(routePath).exec(requestPath);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    try {
      params[name] = decodeURIComponent(match[i + 1]);
    } catch {
      params[name] = match[i + 1];
    }
  });
  return params;
}
