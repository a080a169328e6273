/** `GET /my` (table search, grouped by type), `GET /my/count` (statistics) and `POST /my` (graph search). */
import type { ApiDependencies } from '../../api/dependencies';
import type { Whoami } from '../../auth/whoami';
import { unavailable } from '../../errors';
import { searchGraph, type GraphSearchResult, type GraphTree } from '../../graph/search';
import type { GraphSearchParams } from '../../graph/query';
import { entityType, plural, type BaseRow } from '../../model';
import type { Page, TenantRepository } from '../../db/repository';
import { parseMyQuery, storedField, termSearches, type MyQuery } from '../../clients/my-query';
import { clientRowView, seedView } from '../../clients/row-view';
import { countRows, emptyStatistics, type Statistics } from '../../clients/statistics';

type Row = BaseRow & Record<string, unknown>;

export interface GroupedPage {
  /** Rows by the plural of their type: `{ assets: [...], risks: [...] }`. */
  readonly groups: Record<string, unknown[]>;
  readonly offset?: string;
}

/** The plural every answer carries even when empty: the kind the label (or the `#` key) names. */
function queriedPlural(query: MyQuery): string | undefined {
  if (query.label) return plural(query.label);
  if (query.key.form !== 'prefix') return undefined;
  return entityType(`#${query.key.kind}#`) || query.key.kind === 'seed' ? plural(query.key.kind) : undefined;
}

const unique = (rows: Row[]): Row[] => [...new Map(rows.map((row) => [row.key, row])).values()];

/** The longest common prefix of a range's two ends (the `#statistic#` range of praetorian-cli 1.6.5). */
const commonPrefix = (a: string, b: string): string => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(0, i);
};

/**
 * One page of the rows a `GET /my` query names (docs/client-compat.md, conflict 14): a `#` prefix (or range, or
 * 1.6.5's `#seed#` keys), a `field:value` prefix through its index, or a bare term (the first page of each of its
 * dns/name prefix searches, merged; no offset).
 */
async function rowsOf(repository: TenantRepository, whoami: Whoami, query: MyQuery, limit?: number): Promise<Page<Row>> {
  const common = { label: query.label, limit, desc: query.desc };
  const { key } = query;
  if (key.form === 'field') return repository.query<Row>({ ...common, key: `${storedField(key.field)}:${key.value}`, exact: query.exact, offset: query.offset });
  if (key.form === 'term') {
    const pages = await Promise.all(termSearches(key.value).map(({ field, value }) => repository.query<Row>({ ...common, key: `${field}:${value}` })));
    return { items: unique(pages.flatMap((page) => page.items)) };
  }
  if (key.kind === 'seed') {
    const seeds = await repository.query<Row>({ key: 'source:seed', label: 'asset', exact: true, limit: 1000 });
    const rows = seeds.items.map((asset) => seedView(asset as Row & { dns: string; class: string }));
    return { items: rows.filter((row) => (query.exact ? row.key === key.value : row.key.startsWith(key.value))) as Row[] };
  }
  if (query.to) {
    const page = await repository.query<Row>({ ...common, key: commonPrefix(key.value, query.to), offset: query.offset, global: query.global });
    return { ...page, items: page.items.filter((row) => row.key >= key.value && row.key <= query.to!) };
  }
  const page = await repository.query<Row>({ ...common, key: key.value, exact: query.exact, offset: query.offset, global: query.global });
  // A collaborator finds the tenants it may act in among its own account rows (chariot-ui, praetorian-cli).
  if (key.kind === 'account' && !query.global && !query.offset && whoami.tenant === whoami.username) {
    return { ...page, items: unique([...page.items, ...(await repository.memberships<Row>())]) };
  }
  return page;
}

/** Any role may search. Rows are grouped by the type their key names, each as the client reads it. */
export async function searchTable(deps: Pick<ApiDependencies, 'repository'>, whoami: Whoami, params: Record<string, string>, uiRiskVocabulary = false): Promise<GroupedPage> {
  const query = parseMyQuery(params);
  const groups: Record<string, unknown[]> = {};
  const expected = queriedPlural(query);
  if (expected) groups[expected] = [];
  if (query.matchesNothing) return { groups };
  const page = await rowsOf(deps.repository(whoami), whoami, query, query.limit);
  for (const row of page.items) {
    const type = row.key.split('#')[1] || 'item';
    (groups[plural(type)] ??= []).push(clientRowView(row, { uiRiskVocabulary }));
  }
  return { groups, offset: page.offset };
}

/** Rows counted per request at most: a count is a statistics answer, not an export. */
const MAX_COUNTED = 100_000;

/**
 * `GET /my/count`: the statistics of every row the same query names (chariot-ui's overview cards, `search --count`),
 * counted page by page.
 */
export async function countTable(deps: Pick<ApiDependencies, 'repository'>, whoami: Whoami, params: Record<string, string>, uiRiskVocabulary = false): Promise<Statistics> {
  const query = parseMyQuery(params);
  const into = emptyStatistics();
  if (query.matchesNothing) return into;
  const repository = deps.repository(whoami);
  let counted = 0;
  let offset = query.offset;
  do {
    const page = await rowsOf(repository, whoami, { ...query, offset }, 1000);
    countRows(page.items as Parameters<typeof countRows>[0], { uiRiskVocabulary }, into);
    counted += page.items.length;
    offset = page.offset;
  } while (offset && counted < MAX_COUNTED);
  return into;
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
