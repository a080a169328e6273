/**
 * A route group, declared once in its own folder (`shared/routes/<group>/routes.ts`): its routes with
 * their request and response schemas, what it touches, and which Hono service may serve it. The route
 * table, the IAM grants, the backend env, the Lambda entry, the local gateway, `npm run routes`, the
 * OpenAPI document and the contract coverage check all derive from these declarations.
 *
 * Declarations import zod schemas only (no services), so the CDK app and the docs can read every group
 * without loading any domain code; operations live beside them (`operations.ts`, see `defineOperations`).
 */
import type * as z from 'zod';
import type { RequestLogger } from '../observability/logger';
import type { ApiDependencies } from '../api/dependencies';
import type { Whoami } from '../auth/whoami';
import type { ApiRequest, ApiResponse } from '../http/types';
import type { HttpMethod, RouteAuth, RouteId, ServiceName } from './routes';

/**
 * What a group's backend touches; IAM grants and env vars derive from it. `table: 'read'` is the least a
 * `jwt` group needs: authentication reads the table (API keys, the `account` header's membership row).
 */
export interface GroupAccess {
  readonly table: 'none' | 'read' | 'readWrite';
  /** Presigned GET/PUT of tenant files (the files bucket). */
  readonly files?: boolean;
  /** The Neo4j graph: its backends load the driver and may read the Neo4j secret (the only secret today). */
  readonly graph?: boolean;
}

export interface RouteSpec {
  readonly auth: RouteAuth;
  readonly summary: string;
  /** The query string, parsed by the dispatcher after authentication; the operation gets the result. */
  readonly query?: z.ZodType;
  /** The JSON body, as documented; operations parse it (the model's input schemas). */
  readonly body?: z.ZodType;
  /** The success answers: status → body schema. Errors are always `{"error": "..."}`. */
  readonly responses: Readonly<Record<number, z.ZodType>>;
  /**
   * The machinery this route needs and this deployment does not have (an LLM, the credential broker…): the route
   * answers 501 `{"error": "<it> is not available in this deployment"}` (`notAvailableAnswer`), a state its clients
   * show as an error, never invented data. Declared here so OpenAPI and the contract suite know the 501 is meant.
   */
  readonly notAvailable?: string;
}

export type RouteSpecs = { readonly [id: RouteId]: RouteSpec };

export interface RouteGroupSpec<Name extends string, Routes extends RouteSpecs> {
  readonly name: Name;
  /** The Hono service that serves the group once migrated; absent means it cannot move yet. */
  readonly service?: ServiceName;
  readonly access: GroupAccess;
  readonly routes: Routes;
}

/** One route of the table, with its group and declaration. */
export interface RouteDefinition {
  readonly id: RouteId;
  readonly method: HttpMethod;
  /** API Gateway path syntax, exactly as Chariot's clients call it: `{name}` is a path parameter. */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly group: string;
  readonly summary: string;
  readonly spec: RouteSpec;
}

export interface RouteGroupModule<Name extends string = string, Routes extends RouteSpecs = RouteSpecs> extends RouteGroupSpec<Name, Routes> {
  /** The group's routes, in declaration order. */
  readonly definitions: readonly RouteDefinition[];
}

/** Where a group's generated Lambda entry lives, relative to the repository root (lambdas/runtime/entries.ts writes it). */
export const lambdaEntryPath = (group: string): string => `.build/lambdas/${group}.ts`;

/** `GET /account/{member}` → its method and path. */
export function splitRouteId(id: RouteId): { method: HttpMethod; path: string } {
  const space = id.indexOf(' ');
  return { method: id.slice(0, space) as HttpMethod, path: id.slice(space + 1) };
}

export function defineRouteGroup<const Name extends string, const Routes extends RouteSpecs>(
  spec: RouteGroupSpec<Name, Routes>,
): RouteGroupModule<Name, Routes> {
  const definitions = (Object.entries(spec.routes) as [RouteId, RouteSpec][]).map(([id, route]) => ({
    id,
    ...splitRouteId(id),
    auth: route.auth,
    group: spec.name,
    summary: route.summary,
    spec: route,
  }));
  return { ...spec, definitions };
}

type QueryOf<S extends RouteSpec> = S['query'] extends z.ZodType ? z.output<S['query']> : S['query'] extends undefined ? undefined : unknown;
/** `jwt` → Whoami, `public` → undefined; either (a route not known statically) → Whoami | undefined. */
type WhoamiOf<S extends RouteSpec> = [S['auth']] extends ['jwt'] ? Whoami : [S['auth']] extends ['public'] ? undefined : Whoami | undefined;

/** What an operation receives. On `jwt` routes the dispatcher has authenticated the caller: `whoami` is set. */
export interface OperationContext<S extends RouteSpec = RouteSpec> {
  readonly request: ApiRequest;
  readonly whoami: WhoamiOf<S>;
  readonly query: QueryOf<S>;
  readonly deps: ApiDependencies;
  readonly logger: RequestLogger;
}

/** What a route does, once, for both runtimes: validated input in, a status and JSON body out. */
export type Operation = (context: OperationContext) => Promise<ApiResponse>;

type OperationsOf<Routes extends RouteSpecs> = {
  readonly [Id in keyof Routes]: (context: OperationContext<Extract<Routes[Id], RouteSpec>>) => Promise<ApiResponse>;
};

/** A group's routes with their operations: what a Lambda serves, and part of what a Hono service serves. */
export interface ServedGroup {
  readonly group: RouteGroupModule;
  readonly operations: Readonly<Record<RouteId, Operation>>;
}

/**
 * A group's operations, type-checked against its routes: every route exactly once, and each operation's
 * context typed by its route (a `jwt` route gets a Whoami, a route with a query schema gets its output).
 */
export function defineOperations<Name extends string, Routes extends RouteSpecs>(
  group: RouteGroupModule<Name, Routes>,
  operations: OperationsOf<Routes>,
): ServedGroup {
  // The dispatcher upholds what the per-route context types promise (authenticated caller, parsed query).
  return { group, operations: operations as unknown as Readonly<Record<RouteId, Operation>> };
}
