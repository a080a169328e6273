/**
 * The route table: every public API path of Chariot, listed once.
 *
 * The CDK app, the local gateway, `npm run routes`, the README and the contract
 * suite all read this module. Add a route here and nowhere else.
 */

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Who may call a route: `jwt` needs a Cognito token (or an API key), `public` needs nothing at the gateway. */
export type RouteAuth = 'jwt' | 'public';

/** Hono services on Fargate. Each one serves several route groups (see ROUTE_GROUPS). */
export const SERVICES = {
  /** Tenant inventory: search, assets, risks, attributes, and the webhook that ingests them. Hot, read-heavy, table + graph. */
  inventory: { directory: 'containers/inventory' },
  /** Identity and access: collaborators/accounts and API keys. Low volume, security-sensitive, narrow IAM. */
  identity: { directory: 'containers/identity' },
  /** Operations: jobs, files (S3) and the capability catalogue. Needs S3 access the others do not. */
  operations: { directory: 'containers/operations' },
} as const;
export type ServiceName = keyof typeof SERVICES;

export interface RouteGroupDefinition {
  /** The Lambda entry (one NodejsFunction per group) that serves the group's routes today. */
  readonly lambdaEntry: string;
  /** The Hono service that serves the group once migrated; absent means it cannot move yet. */
  readonly service?: ServiceName;
  /** The group searches the Neo4j graph: only its backends load the driver and may read the Neo4j secret. */
  readonly readsGraph?: boolean;
  /** The group writes graph kinds (assets, risks, …) and writes them to the graph on the request path (read-your-writes). */
  readonly writesGraph?: boolean;
}

export const ROUTE_GROUPS = {
  search: { lambdaEntry: 'lambdas/search/handler.ts', service: 'inventory', readsGraph: true },
  asset: { lambdaEntry: 'lambdas/asset/handler.ts', service: 'inventory', writesGraph: true },
  risk: { lambdaEntry: 'lambdas/risk/handler.ts', service: 'inventory', writesGraph: true },
  attribute: { lambdaEntry: 'lambdas/attribute/handler.ts', service: 'inventory', writesGraph: true },
  hook: { lambdaEntry: 'lambdas/hook/handler.ts', service: 'inventory', writesGraph: true },
  account: { lambdaEntry: 'lambdas/account/handler.ts', service: 'identity' },
  key: { lambdaEntry: 'lambdas/key/handler.ts', service: 'identity' },
  job: { lambdaEntry: 'lambdas/job/handler.ts', service: 'operations' },
  file: { lambdaEntry: 'lambdas/file/handler.ts', service: 'operations' },
  capabilities: { lambdaEntry: 'lambdas/capabilities/handler.ts', service: 'operations' },
} as const satisfies Record<string, RouteGroupDefinition>;
export type RouteGroup = keyof typeof ROUTE_GROUPS;

/** Whether a group's backends open the graph (and so may read the Neo4j secret). */
export const usesGraph = (group: RouteGroup): boolean => {
  const definition = ROUTE_GROUPS[group] as RouteGroupDefinition;
  return definition.readsGraph === true || definition.writesGraph === true;
};

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** API Gateway path syntax, exactly as Chariot's clients call it: `{name}` is a path parameter. */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly group: RouteGroup;
  readonly summary: string;
}

/** `METHOD /path`, the route's id everywhere (flags, operations, contract tests). */
export type RouteId = `${HttpMethod} ${string}`;
export const routeId = (route: Pick<RouteDefinition, 'method' | 'path'>): RouteId => `${route.method} ${route.path}`;

export const ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', path: '/my', auth: 'jwt', group: 'search', summary: 'Prefix search of the tenant table by key (offset, exact, label, global)' },
  { method: 'POST', path: '/my', auth: 'jwt', group: 'search', summary: 'Graph search: node filter plus relationship traversal, paginated' },

  { method: 'GET', path: '/asset', auth: 'jwt', group: 'asset', summary: 'List assets (key prefix, offset)' },
  { method: 'PUT', path: '/asset', auth: 'jwt', group: 'asset', summary: 'Add or update an asset (merge)' },
  { method: 'DELETE', path: '/asset', auth: 'jwt', group: 'asset', summary: 'Soft-delete an asset (status D)' },

  { method: 'GET', path: '/risk', auth: 'jwt', group: 'risk', summary: 'List risks (key prefix, offset)' },
  { method: 'POST', path: '/risk', auth: 'jwt', group: 'risk', summary: 'Add a risk to an asset' },
  { method: 'PUT', path: '/risk', auth: 'jwt', group: 'risk', summary: 'Update a risk (status, comment, title, tags)' },
  { method: 'DELETE', path: '/risk', auth: 'jwt', group: 'risk', summary: 'Soft-delete a risk (status D + severity + reason)' },

  { method: 'GET', path: '/attribute', auth: 'jwt', group: 'attribute', summary: 'List attributes (key prefix, offset)' },
  { method: 'PUT', path: '/attribute', auth: 'jwt', group: 'attribute', summary: 'Add or update an attribute of an asset or risk' },
  { method: 'DELETE', path: '/attribute', auth: 'jwt', group: 'attribute', summary: 'Delete an attribute' },

  { method: 'POST', path: '/account/{member}', auth: 'jwt', group: 'account', summary: 'Add a collaborator, integration or webhook to the tenant' },
  { method: 'DELETE', path: '/account/{member}', auth: 'jwt', group: 'account', summary: 'Remove a collaborator, integration or webhook' },

  { method: 'GET', path: '/job', auth: 'jwt', group: 'job', summary: 'List jobs (key prefix, offset)' },
  { method: 'PUT', path: '/job', auth: 'jwt', group: 'job', summary: 'Queue jobs for a target and capabilities' },

  { method: 'GET', path: '/file', auth: 'jwt', group: 'file', summary: 'Presigned download URL for a file' },
  { method: 'PUT', path: '/file', auth: 'jwt', group: 'file', summary: 'Record file metadata and return a presigned upload URL' },

  { method: 'GET', path: '/key', auth: 'jwt', group: 'key', summary: 'List API keys (never their secrets)' },
  { method: 'POST', path: '/key', auth: 'jwt', group: 'key', summary: 'Create an API key; the secret is returned once' },

  { method: 'GET', path: '/capabilities', auth: 'jwt', group: 'capabilities', summary: 'The capability catalogue (name, target, executor filters)' },

  { method: 'POST', path: '/hook/{username}/{pin}', auth: 'public', group: 'hook', summary: 'Public webhook: ingest assets and risks, authenticated by PIN' },
];

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
