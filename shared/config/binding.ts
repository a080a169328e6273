/**
 * The binding between infrastructure and runtime, declared once: what each backend (a route group's
 * Lambda, a Fargate service, the request authorizer, the graph projector) needs at run time, and under
 * which variables each need arrives. `loadRuntimeConfig(env, binding)` validates exactly this;
 * lib/runtime-binding.ts derives the CDK env vars, secrets and IAM grants from the same declaration.
 */
import type { GroupAccess } from '../routing/route-group';

export type TableLevel = GroupAccess['table'];

export interface Binding {
  /** TABLE_NAME is always bound (authentication reads the table); the level decides the IAM grant. */
  readonly table: TableLevel;
  /** COGNITO_ISSUER + COGNITO_CLIENT_ID: verifies ID tokens. */
  readonly cognito: boolean;
  /** FILES_BUCKET (AWS) or FILES_DIR (local). */
  readonly files: boolean;
  /** The Neo4j secret. */
  readonly graph: boolean;
  /** The key ring that signs pagination offsets. */
  readonly offsetKey: boolean;
  /** The key that signs `GET /token`'s API tokens. */
  readonly apiTokenKey: boolean;
}

export type SecretNeed = 'offsetKey' | 'apiTokenKey' | 'graph';

/**
 * How each secret reaches a runtime. Lambda gets the secret's ARN and reads the value at start
 * (Powertools Parameters, cached); ECS injects the value itself (`ecs.Secret`), whole or per JSON field.
 * Locally and in tests either form works: the ARN against the Secrets Manager emulator, or the value.
 */
export const SECRET_DELIVERY: Readonly<Record<SecretNeed, { readonly arnVariable: string; readonly valueVariables: Readonly<Record<string, string | undefined>> }>> = {
  offsetKey: { arnVariable: 'OFFSET_KEY_SECRET_ARN', valueVariables: { OFFSET_KEYS: undefined } },
  apiTokenKey: { arnVariable: 'API_TOKEN_SECRET_ARN', valueVariables: { API_TOKEN_KEY: undefined } },
  // The Neo4j secret is JSON {uri, username, password}: ECS maps its fields to the variables the graph config reads.
  graph: { arnVariable: 'NEO4J_SECRET_ARN', valueVariables: { NEO4J_URI: 'uri', NEO4J_USER: 'username', NEO4J_PASSWORD: 'password' } },
};

/** Plain (non-secret) variables per need. */
export const PLAIN_VARIABLES = {
  table: ['TABLE_NAME'],
  cognito: ['COGNITO_ISSUER', 'COGNITO_CLIENT_ID'],
  files: ['FILES_BUCKET'],
} as const;

const TABLE_LEVELS = ['none', 'read', 'readWrite'] as const;

/** The least access that covers all of `accesses` (a service that serves several groups). */
export function combinedAccess(accesses: readonly GroupAccess[]): Required<GroupAccess> {
  return {
    table: TABLE_LEVELS[Math.max(0, ...accesses.map((a) => TABLE_LEVELS.indexOf(a.table)))],
    files: accesses.some((a) => a.files === true),
    graph: accesses.some((a) => a.graph === true),
  };
}

/** An API backend (a group's Lambda, or a service over the union of its groups): authenticates, pages, signs API tokens. */
export function apiBinding(access: GroupAccess): Binding {
  return { table: access.table, cognito: true, files: access.files === true, graph: access.graph === true, offsetKey: true, apiTokenKey: true };
}

/** The request authorizer: verifies credentials (ID tokens, API tokens, memberships), never pages or touches files. */
export const AUTHORIZER_BINDING: Binding = { table: 'read', cognito: true, files: false, graph: false, offsetKey: false, apiTokenKey: true };

/** The graph projector: re-reads rows and writes Neo4j. */
export const GRAPH_PROJECTOR_BINDING: Binding = { table: 'read', cognito: false, files: false, graph: true, offsetKey: false, apiTokenKey: false };

/** What `loadRuntimeConfig(env)` assumes when told nothing (scripts, the local gateway): any API backend without files or graph. */
export const DEFAULT_BINDING: Binding = apiBinding({ table: 'readWrite' });

/** The variables that satisfy `need`: the secret's ARN, or its (first) value variable. */
export function variablesOf(need: SecretNeed): string[] {
  return [SECRET_DELIVERY[need].arnVariable, Object.keys(SECRET_DELIVERY[need].valueVariables)[0]];
}

/**
 * The shadow copy in AWS (docs/migration.md), set only where a route is in `shadow`: on a group's Lambda,
 * the comparer function to invoke and each shadowed route's sample percent (JSON `{"GET /asset": 5}`);
 * on the comparer, where each service answers (JSON `{"inventory": "http://<internal ALB>:8081"}`).
 */
export const SHADOW_VARIABLES = { comparerArn: 'SHADOW_COMPARER_ARN', routes: 'SHADOW_ROUTES', targets: 'SHADOW_TARGETS' } as const;
