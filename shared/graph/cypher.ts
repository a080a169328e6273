/**
 * Every Cypher statement the Neo4j adapter runs, built by pure functions so tests can check the exact text and
 * parameters. Values are always parameters. Labels and relationship types are interpolated only from the fixed
 * lists in model.ts (Cypher cannot parameterise them); property names from input are parameters too
 * (`n[$p]`), except a fixed list of well-known fields written statically so Neo4j can use their indexes.
 */
import {
  NODE_KINDS,
  OPTIONAL_LABELS,
  PRIMARY_LABELS,
  RELATIONSHIP_TYPES,
  relationshipKey,
  type GraphMutation,
  type GraphProperties,
  type NodeLabel,
  type PrimaryLabel,
  type RelationshipType,
} from './model';
import { isLogical, type Filter, type NodeQuery, type Operator, type PropertyFilter, type RelationshipQuery } from './query';
import type { SearchWindow } from './store';

export interface CypherStatement {
  readonly text: string;
  readonly parameters: Record<string, unknown>;
}

/** Properties written as `n.field` (index-friendly). Any other field is looked up as `n[$param]`. */
export const STATIC_FIELDS: ReadonlySet<string> = new Set([
  'key', 'username', 'dns', 'name', 'status', 'source', 'origin', 'created', 'visited', 'updated', 'ttl',
  'class', 'title', 'value', 'priority', 'target', 'discoveredFrom', 'tags',
]);

/** Names the node property listing which properties hold JSON (Neo4j stores no maps or mixed lists). */
export const JSON_PROPERTIES = '_json';
/** The row version a node holds; like every `_` property it is internal and never returned. */
export const VERSION_PROPERTY = '_version';
/** Only a row at least as new as the node's version may change it (placeholders have none). */
const VERSION_GUARD = `coalesce(n.${VERSION_PROPERTY}, -1) <= row.version`;

const snake = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

/** Uniqueness on (username, key) for every node label and relationship type: MERGE relies on these. */
export function constraintStatements(): CypherStatement[] {
  return [
    ...PRIMARY_LABELS.map((label) => ({
      text: `CREATE CONSTRAINT ${snake(label)}_identity IF NOT EXISTS FOR (n:${label}) REQUIRE (n.username, n.key) IS UNIQUE`,
      parameters: {},
    })),
    ...RELATIONSHIP_TYPES.map((type) => ({
      text: `CREATE CONSTRAINT ${type.toLowerCase()}_identity IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE (r.username, r.key) IS UNIQUE`,
      parameters: {},
    })),
  ];
}

const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isNeo4jList = (v: unknown[]) => v.every(isScalar) && new Set(v.map((x) => typeof x)).size <= 1;

/** Row properties → Neo4j properties: maps and mixed lists become JSON strings, named in `_json`. */
export function toNeo4jProperties(properties: GraphProperties): GraphProperties {
  const out: GraphProperties = {};
  const json: string[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    if (isScalar(value) || (Array.isArray(value) && isNeo4jList(value))) out[name] = value;
    else {
      out[name] = JSON.stringify(value);
      json.push(name);
    }
  }
  if (json.length > 0) out[JSON_PROPERTIES] = json;
  return out;
}

/** The inverse of toNeo4jProperties. */
export function fromNeo4jProperties(stored: GraphProperties): GraphProperties {
  const json = new Set((stored[JSON_PROPERTIES] as string[] | undefined) ?? []);
  const out: GraphProperties = {};
  for (const name of Object.keys(stored).sort()) {
    if (name.startsWith('_')) continue;
    out[name] = json.has(name) ? JSON.parse(stored[name] as string) : stored[name];
  }
  return out;
}

// ---- mutations ------------------------------------------------------------------------------------------

interface UpsertGroup {
  readonly shape: 'upsert';
  readonly label: PrimaryLabel;
  readonly rows: { username: string; key: string; version: number; properties: GraphProperties; extraLabels: NodeLabel[] }[];
}
interface IncomingGroup {
  readonly shape: 'incoming';
  readonly type: RelationshipType;
  readonly label: PrimaryLabel;
  /** The label of every source linked by this statement; undefined while its rows link nothing. */
  sourceLabel: PrimaryLabel | undefined;
  readonly rows: { username: string; key: string; version: number; keep: string[]; from: { key: string; relKey: string }[] }[];
}
interface DeleteGroup {
  readonly shape: 'delete';
  readonly label: PrimaryLabel;
  readonly rows: { username: string; key: string; version: number }[];
}
type Group = UpsertGroup | IncomingGroup | DeleteGroup;

function upsertText(label: PrimaryLabel): string {
  const lines = ['UNWIND $rows AS row', `MERGE (n:${label} {username: row.username, key: row.key})`, `WITH n, row WHERE ${VERSION_GUARD}`, 'SET n = row.properties'];
  const kind = Object.values(NODE_KINDS).find((k) => k.label === label)!;
  for (const also of kind.alsoLabels) lines.push(`SET n:${also}`);
  for (const optional of OPTIONAL_LABELS[label]) {
    lines.push(`FOREACH (_ IN CASE WHEN '${optional}' IN row.extraLabels THEN [1] ELSE [] END | SET n:${optional})`);
    lines.push(`FOREACH (_ IN CASE WHEN '${optional}' IN row.extraLabels THEN [] ELSE [1] END | REMOVE n:${optional})`);
  }
  return lines.join('\n');
}

function incomingText(group: IncomingGroup): string {
  const lines = [
    'UNWIND $rows AS row',
    `MERGE (n:${group.label} {username: row.username, key: row.key})`,
    `WITH n, row WHERE ${VERSION_GUARD}`,
    `OPTIONAL MATCH ()-[old:${group.type}]->(n) WHERE NOT old.key IN row.keep`,
    'DELETE old',
  ];
  if (group.sourceLabel) {
    lines.push(
      'WITH DISTINCT n, row',
      'UNWIND row.from AS from',
      `MERGE (source:${group.sourceLabel} {username: row.username, key: from.key})`,
      `MERGE (source)-[:${group.type} {username: row.username, key: from.relKey}]->(n)`,
    );
  }
  return lines.join('\n');
}

const deleteText = (label: PrimaryLabel) =>
  ['UNWIND $rows AS row', `MATCH (n:${label} {username: row.username, key: row.key})`, `WHERE ${VERSION_GUARD}`, 'DETACH DELETE n'].join('\n');

/**
 * Mutations → statements, in order. Consecutive mutations of one shape share an `UNWIND $rows` statement,
 * so a rebuild that sends upserts together and edges together runs a few statements per page, not one per row.
 */
export function mutationStatements(mutations: readonly GraphMutation[]): CypherStatement[] {
  const groups: Group[] = [];
  const last = () => groups[groups.length - 1];

  for (const m of mutations) {
    const current = last();
    if (m.kind === 'upsertNode') {
      const properties = { ...toNeo4jProperties(m.properties), [VERSION_PROPERTY]: m.version };
      const row = { username: m.username, key: m.node.key, version: m.version, properties, extraLabels: [...m.extraLabels] };
      if (current?.shape === 'upsert' && current.label === m.node.label) current.rows.push(row);
      else groups.push({ shape: 'upsert', label: m.node.label, rows: [row] });
    } else if (m.kind === 'deleteNode') {
      const row = { username: m.username, key: m.node.key, version: m.version };
      if (current?.shape === 'delete' && current.label === m.node.label) current.rows.push(row);
      else groups.push({ shape: 'delete', label: m.node.label, rows: [row] });
    } else {
      const keep = m.from.map((from) => relationshipKey(from.key, m.type, m.node.key));
      // One statement links sources of one label; a row with sources of several labels spans several statements.
      const bySourceLabel = new Map<PrimaryLabel | undefined, { key: string; relKey: string }[]>();
      m.from.forEach((from, i) => bySourceLabel.set(from.label, [...(bySourceLabel.get(from.label) ?? []), { key: from.key, relKey: keep[i] }]));
      if (bySourceLabel.size === 0) bySourceLabel.set(undefined, []);
      for (const [sourceLabel, from] of bySourceLabel) {
        const row = { username: m.username, key: m.node.key, version: m.version, keep, from };
        const group = last();
        const fits =
          group?.shape === 'incoming' &&
          group.type === m.type &&
          group.label === m.node.label &&
          (sourceLabel === undefined || group.sourceLabel === undefined || group.sourceLabel === sourceLabel);
        if (fits) {
          group.sourceLabel ??= sourceLabel;
          group.rows.push(row);
        } else groups.push({ shape: 'incoming', type: m.type, label: m.node.label, sourceLabel, rows: [row] });
      }
    }
  }

  return groups.map((group) => ({
    text: group.shape === 'upsert' ? upsertText(group.label) : group.shape === 'delete' ? deleteText(group.label) : incomingText(group),
    parameters: { rows: group.rows },
  }));
}

// ---- search -------------------------------------------------------------------------------------------

const CONDITION: Readonly<Record<Exclude<Operator, 'LIKE'>, string>> = {
  '=': '=',
  CONTAINS: 'CONTAINS',
  'STARTS WITH': 'STARTS WITH',
  'ENDS WITH': 'ENDS WITH',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  IN: 'IN',
  'IS NULL': 'IS NULL',
  'IS NOT NULL': 'IS NOT NULL',
};

/** Hands out parameter names and collects their values. */
class Parameters {
  readonly values: Record<string, unknown> = {};
  private next = 0;
  add(value: unknown): string {
    const name = `p${this.next++}`;
    this.values[name] = value;
    return `$${name}`;
  }
}

function propertyRef(alias: string, field: string, params: Parameters): string {
  return STATIC_FIELDS.has(field) ? `${alias}.${field}` : `${alias}[${params.add(field)}]`;
}

/**
 * SQL LIKE → a regular expression for `=~` over the lower-cased value: literal text escaped, `%` any run, `_` one
 * character. Only escapes, `.` and `.*` are emitted, which mean the same in Java's (Neo4j) and JavaScript's syntax.
 */
export function likePattern(like: string): string {
  return [...like.toLowerCase()].map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[\\^$.|?*+()[\]{}]/, '\\$&'))).join('');
}

function propertyCondition(alias: string, filter: PropertyFilter, params: Parameters): string {
  const ref = propertyRef(alias, filter.field, params);
  if (filter.operator === 'IS NULL' || filter.operator === 'IS NOT NULL') return `${ref} ${filter.operator}`;
  if (filter.operator === 'IN') return `${ref} IN ${params.add(filter.value)}`;
  const [left, operator, value] =
    filter.operator === 'LIKE'
      ? [`toLower(${ref})`, '=~', Array.isArray(filter.value) ? filter.value.map((v) => likePattern(String(v))) : likePattern(String(filter.value))]
      : [ref, CONDITION[filter.operator], filter.value];
  if (Array.isArray(value)) return `any(value IN ${params.add(value)} WHERE ${left} ${operator} value)`;
  return `${left} ${operator} ${params.add(value)}`;
}

/** One filter as a condition; AND/OR nest in parentheses (an empty list cannot reach here: the parser refuses it). */
function filterCondition(alias: string, filter: Filter, params: Parameters): string {
  const condition = isLogical(filter)
    ? `(${filter.filters.map((f) => filterCondition(alias, f, params)).join(` ${filter.operator} `)})`
    : propertyCondition(alias, filter, params);
  return filter.not ? `NOT (${condition})` : condition;
}

const labelsOf = (labels: readonly string[]) => labels.map((label) => `:${label}`).join('');

/** `-[:A|B]->` for one hop, `-[:A|B*1..n]->` for a path of up to n hops. */
const relationshipOf = (rel: RelationshipQuery) => `-[:${rel.types.join('|')}${rel.length > 1 ? `*1..${rel.length}` : ''}]->`;

/**
 * The WHERE conditions for `alias`: its tenant, its filters, and an EXISTS subquery per required relationship.
 * `tenantTest` is `= $tenant` or `IN $tenants`. Every node of a pattern is tested, so nothing of another tenant
 * can shape the result (edges never cross tenants either: both ends of an edge share the row's username).
 */
function nodeConditions(alias: string, node: NodeQuery, params: Parameters, depth: number, tenantTest: string): string[] {
  const conditions = [`${alias}.username ${tenantTest}`, ...node.filters.map((f) => filterCondition(alias, f, params))];
  if (node.search !== undefined) conditions.push(`${alias}.key CONTAINS ${params.add(node.search)}`);
  node.relationships.forEach((rel, i) => {
    if (rel.optional) return; // an optional relationship never removes a result
    const other = `m${depth}_${i}`;
    const pattern =
      rel.direction === 'source'
        ? `(${other}${labelsOf(rel.node.labels)})${relationshipOf(rel)}(${alias})`
        : `(${alias})${relationshipOf(rel)}(${other}${labelsOf(rel.node.labels)})`;
    const inner = nodeConditions(other, rel.node, params, depth + 1, tenantTest).join(' AND ');
    conditions.push(`EXISTS { MATCH ${pattern} WHERE ${inner} }`);
  });
  return conditions;
}

/**
 * The page of nodes matching `query` in the given tenants, returned as `n`. One tenant is the usual case
 * (`$tenant`); `allTenants=true` passes several (`$tenants`), and then `username` breaks ties in the order.
 */
export function searchStatement(tenants: string | readonly string[], query: NodeQuery, window: SearchWindow): CypherStatement {
  const params = new Parameters();
  const single = typeof tenants === 'string' || tenants.length === 1;
  const scope = single ? { tenant: typeof tenants === 'string' ? tenants : tenants[0] } : { tenants: [...tenants] };
  const where = nodeConditions('n', query, params, 0, single ? '= $tenant' : 'IN $tenants');
  const direction = window.descending ? ' DESC' : '';
  const order = [`${propertyRef('n', window.orderBy, params)}${direction}`];
  if (window.orderBy !== 'key') order.push(`n.key${direction}`);
  if (!single) order.push(`n.username${direction}`);
  const text = [
    `MATCH (n${labelsOf(query.labels)})`,
    `WHERE ${where.join('\n  AND ')}`,
    'RETURN n',
    `ORDER BY ${order.join(', ')}`,
    'SKIP $skip',
    'LIMIT $limit',
  ].join('\n');
  return { text, parameters: { ...scope, ...params.values, skip: window.skip, limit: window.limit } };
}

// ---- catch-up checks ----------------------------------------------------------------------------------

/** The `_version` of each given node of one label that exists (-1 for a placeholder, which has none). */
export function versionsStatement(label: PrimaryLabel, nodes: readonly { username: string; key: string }[]): CypherStatement {
  return {
    text: [
      'UNWIND $rows AS row',
      `MATCH (n:${label} {username: row.username, key: row.key})`,
      `RETURN n.username AS username, n.key AS key, coalesce(n.${VERSION_PROPERTY}, -1) AS version`,
    ].join('\n'),
    parameters: { rows: nodes.map(({ username, key }) => ({ username, key })) },
  };
}

// ---- snapshot and clear -------------------------------------------------------------------------------

const anyPrimaryLabel = (alias: string) => `(${PRIMARY_LABELS.map((label) => `${alias}:${label}`).join(' OR ')})`;

export function snapshotStatements(tenant: string): { nodes: CypherStatement; edges: CypherStatement } {
  return {
    nodes: {
      text: `MATCH (n) WHERE n.username = $tenant AND ${anyPrimaryLabel('n')}\nRETURN n\nORDER BY n.key`,
      parameters: { tenant },
    },
    edges: {
      text: `MATCH (a)-[r:${RELATIONSHIP_TYPES.join('|')}]->(b) WHERE r.username = $tenant\nRETURN type(r) AS type, r.key AS key, a.key AS source, b.key AS target\nORDER BY r.key`,
      parameters: { tenant },
    },
  };
}

/** Deletes up to `batch` projected nodes (and their edges); run until it reports 0, to keep transactions small. */
export function clearBatchStatement(batch: number): CypherStatement {
  return {
    text: `MATCH (n) WHERE ${anyPrimaryLabel('n')}\nWITH n LIMIT $batch\nDETACH DELETE n\nRETURN count(*) AS deleted`,
    parameters: { batch },
  };
}
