/**
 * The graph search behind `POST /my`: a node filter plus relationship traversal, paginated, always inside the
 * caller's tenant. Runtime-neutral: the Lambda handler and the Hono service both call graphSearchOperation.
 */
import type { Whoami } from '../auth/whoami';
import { invalidInput } from '../errors';
import type { ApiResponse } from '../http/types';
import type { GraphProperties } from './model';
import { plural } from '../model';
import { parseGraphQuery } from './query';
import type { GraphStore } from './store';

export interface GraphSearchResult {
  /** Keyed by the plural of the query's first label, lower-cased: `assets`, `risks`, `attributes`, `seeds`. */
  readonly [plural: string]: GraphProperties[] | number | undefined;
  /** The next page number, when there is one. */
  readonly offset?: number;
}

/** The response key of a label: `Asset` → `assets`, `Technology` → `technologies`. */
export const pluralOf = (label: string): string => plural(label.toLowerCase());

/**
 * Runs a parsed-or-raw `POST /my` query for `whoami.tenant`. Throws InvalidInput (bad query), PayloadTooLarge (page too
 * large) or Unavailable (graph database unavailable).
 */
export async function searchGraph(store: GraphStore, whoami: Whoami, body: unknown): Promise<GraphSearchResult> {
  const query = parseGraphQuery(body);
  // One extra row tells whether another page exists without a count query.
  const nodes = await store.search(whoami.tenant, query.node, {
    skip: query.page * query.limit,
    limit: query.limit + 1,
    orderBy: query.orderBy,
    descending: query.descending,
  });
  const page = nodes.slice(0, query.limit).map((node) => node.properties);
  const result: Record<string, GraphProperties[] | number> = { [pluralOf(query.node.labels[0])]: page };
  if (nodes.length > query.limit) result.offset = query.page + 1;
  return result;
}

export interface GraphSearchDeps {
  readonly graph: GraphStore;
}

/** The `POST /my` operation: raw JSON body in, ApiResponse out; bad input throws InvalidInput. */
export async function graphSearchOperation(whoami: Whoami, rawBody: string | undefined, deps: GraphSearchDeps): Promise<ApiResponse> {
  if (!rawBody?.trim()) throw invalidInput('a graph query body is required');
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw invalidInput('the body is not valid JSON');
  }
  return { status: 200, body: await searchGraph(deps.graph, whoami, body) };
}
