/**
 * The graph search behind `POST /my`: a node filter plus relationship traversal, paginated, always inside the
 * caller's tenant (or the read-only `global` one with `global=true`). Runtime-neutral: the Lambda handler and
 * the Hono service both call it.
 */
import type { Whoami } from '../auth/whoami';
import { GLOBAL_PARTITION } from '../db/repository';
import { invalidInput, payloadTooLarge } from '../errors';
import type { GraphNode, GraphProperties } from './model';
import { plural } from '../model';
import { MAX_PAGE_SIZE, parseGraphQuery, REDUCE_PAGE_SIZE, type GraphSearchParams, type NodeQuery, type RelationshipQuery } from './query';
import type { GraphStore } from './store';

export interface GraphSearchResult {
  /** Keyed by the plural of the query's first label, lower-cased: `assets`, `risks`, `attributes`, `seeds`. */
  readonly [plural: string]: GraphProperties[] | number | undefined;
  /** The next page number, when there is one. */
  readonly offset?: number;
}

/** A tree answer: root nodes, each with the nodes of every queried relationship under the relationship's label. */
export type GraphTree = GraphProperties[];

/** The response key of a label: `Asset` → `assets`, `Technology` → `technologies`. */
export const pluralOf = (label: string): string => plural(label.toLowerCase());

/** A page whose JSON is larger than this answers 413 (a Lambda response may not exceed 6 MB). */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** `tree=true` looks up each root's relationships one by one, so its pages are smaller. */
export const MAX_TREE_PAGE_SIZE = 256;

function assertFits(body: unknown): void {
  if (Buffer.byteLength(JSON.stringify(body)) > MAX_RESPONSE_BYTES) throw payloadTooLarge(REDUCE_PAGE_SIZE);
}

/** The nodes related to `root` through `rel`, each with its own relationships nested. */
async function relatedOf(store: GraphStore, tenant: string, root: GraphNode, rootLabels: readonly string[], rel: RelationshipQuery): Promise<GraphProperties[]> {
  const back: RelationshipQuery = {
    types: rel.types,
    direction: rel.direction === 'source' ? 'target' : 'source',
    node: { labels: rootLabels, filters: [{ field: 'key', operator: '=', value: root.properties.key as string }], relationships: [] },
    optional: false,
    length: rel.length,
  };
  const nodes = await store.search(tenant, { ...rel.node, relationships: [...rel.node.relationships, back] }, { skip: 0, limit: MAX_PAGE_SIZE, orderBy: 'key', descending: false });
  return Promise.all(nodes.map((node) => treeOf(store, tenant, node, rel.node)));
}

/** A node's subtree, looked up in the node's own tenant (an `allTenants` page holds several). */
async function treeOf(store: GraphStore, fallbackTenant: string, node: GraphNode, query: NodeQuery): Promise<GraphProperties> {
  const tenant = typeof node.properties.username === 'string' ? node.properties.username : fallbackTenant;
  const tree: GraphProperties = { ...node.properties };
  for (const rel of query.relationships) tree[rel.types.join('|')] = await relatedOf(store, tenant, node, query.labels, rel);
  return tree;
}

export interface SearchScope {
  /** The tenants, besides the caller's own, that grant the caller a role (for `allTenants=true`). */
  readonly memberTenants?: (whoami: Whoami) => Promise<readonly string[]>;
  /** Throws Unavailable while the graph misses writes (the catch-up ledger); run once the query is known valid. */
  readonly assertCaughtUp?: () => Promise<void>;
}

/**
 * The tenants a search reads: the caller's (or `global`), or with `allTenants=true` every tenant the caller may
 * act in. An API key is bound to the tenant it was made in, so for a key that is its tenant alone.
 */
async function tenantsOf(whoami: Whoami, params: GraphSearchParams, scope: SearchScope): Promise<string | string[]> {
  if (params.global && params.allTenants) throw invalidInput('global and allTenants cannot be combined');
  if (params.global) return GLOBAL_PARTITION;
  if (!params.allTenants || whoami.credential !== 'jwt') return whoami.tenant;
  const others = (await scope.memberTenants?.(whoami)) ?? [];
  return [...new Set([whoami.username, whoami.tenant, ...others])].sort();
}

/**
 * Runs a `POST /my` query for `whoami.tenant`. Throws InvalidInput (bad query), PayloadTooLarge (page too large:
 * over MAX_PAGE_SIZE rows, or an answer over MAX_RESPONSE_BYTES) or Unavailable (graph database unavailable).
 */
export async function searchGraph(store: GraphStore, whoami: Whoami, body: unknown, params?: GraphSearchParams & { tree?: false }, scope?: SearchScope): Promise<GraphSearchResult>;
export async function searchGraph(store: GraphStore, whoami: Whoami, body: unknown, params: GraphSearchParams, scope?: SearchScope): Promise<GraphSearchResult | GraphTree>;
export async function searchGraph(store: GraphStore, whoami: Whoami, body: unknown, params: GraphSearchParams = {}, scope: SearchScope = {}): Promise<GraphSearchResult | GraphTree> {
  const query = parseGraphQuery(body);
  if (params.tree && query.limit > MAX_TREE_PAGE_SIZE) throw payloadTooLarge(REDUCE_PAGE_SIZE);
  const tenant = await tenantsOf(whoami, params, scope);
  await scope.assertCaughtUp?.();
  // One extra row tells whether another page exists without a count query.
  const nodes = await store.search(tenant, query.node, {
    skip: query.page * query.limit,
    limit: query.limit + 1,
    orderBy: query.orderBy,
    descending: query.descending,
  });
  const page = nodes.slice(0, query.limit);
  if (params.tree) {
    const tree = await Promise.all(page.map((node) => treeOf(store, whoami.tenant, node, query.node)));
    assertFits(tree);
    return tree;
  }
  const result: Record<string, GraphProperties[] | number> = { [pluralOf(query.node.labels[0])]: page.map((node) => node.properties) };
  if (nodes.length > query.limit) result.offset = query.page + 1;
  assertFits(result);
  return result;
}
