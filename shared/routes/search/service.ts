/** `GET /my` (table prefix search, grouped by type) and `POST /my` (graph search). */
import type { ApiDependencies } from '../../api/dependencies';
import type { Whoami } from '../../auth/whoami';
import { unavailable } from '../../errors';
import { searchGraph, type GraphSearchResult, type GraphTree } from '../../graph/search';
import type { GraphSearchParams } from '../../graph/query';
import { entityType, plural, publicView, type BaseRow } from '../../model';
import type { SearchQuery } from '../../api/input';

export interface GroupedPage {
  /** Rows by the plural of their type: `{ assets: [...], risks: [...] }`. */
  readonly groups: Record<string, unknown[]>;
  readonly offset?: string;
}

/** The plural every answer carries even when empty: the type the key (or label) names. */
function queriedPlural(query: SearchQuery): string | undefined {
  if (query.label) return plural(query.label);
  const type = query.key.startsWith('#') ? query.key.split('#')[1] : undefined;
  return type && entityType(`#${type}#`) ? plural(type) : undefined;
}

/** Any role may search. Rows are grouped by the type their key names; internal fields are dropped. */
export async function searchTable(deps: Pick<ApiDependencies, 'repository'>, whoami: Whoami, query: SearchQuery): Promise<GroupedPage> {
  const page = await deps.repository(whoami).query<BaseRow>({
    key: query.key,
    exact: query.exact,
    label: query.label,
    offset: query.offset,
    limit: query.limit,
    global: query.global,
    desc: query.desc,
  });
  const groups: Record<string, unknown[]> = {};
  const expected = queriedPlural(query);
  if (expected) groups[expected] = [];
  for (const row of page.items) {
    const type = row.key.split('#')[1] || 'item';
    (groups[plural(type)] ??= []).push(publicView(row));
  }
  return { groups, offset: page.offset };
}

/** Any role may search the graph; the body is the raw `POST /my` query JSON. */
export async function searchGraphOf(deps: Pick<ApiDependencies, 'graph' | 'memberTenants' | 'graphCatchUp'>, whoami: Whoami, body: unknown, params: GraphSearchParams = {}): Promise<GraphSearchResult | GraphTree> {
  if (!deps.graph) throw unavailable('graph search is not served here');
  const store = await deps.graph().catch(() => {
    throw unavailable('graph database unavailable'); // e.g. its secret or config cannot be read; retried next request
  });
  // 503 until the stream has delivered what the request path missed (checked after the query is validated).
  const assertCaughtUp = deps.graphCatchUp && (() => deps.graphCatchUp!.assertCaughtUp(store));
  return searchGraph(store, whoami, body, params, { memberTenants: deps.memberTenants, assertCaughtUp });
}
