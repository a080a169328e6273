/**
 * The `POST /my` graph query, as Chariot's clients send it:
 * `{node:{labels, filters:[{field,operator,value,not}], relationships:[{label, source|target: node, optional, length}]},
 *   page, limit, orderBy, descending, shortest}`. A filter whose operator is `AND`/`OR` holds a list of filters
 * as its value (tabularium's `filters.Filter`). Validated once here; stores receive only the parsed form.
 */
import * as z from 'zod';
import { invalidInput, payloadTooLarge } from '../errors';
import { describeIssue } from '../model/common';
import { NODE_LABELS, QUERY_ONLY_LABELS, QUERY_ONLY_RELATIONSHIP_TYPES, RELATIONSHIP_TYPES } from './model';

/** The largest page a client may ask for; larger answers 413 "reduce page size" (the CLI then halves its limit). */
export const MAX_PAGE_SIZE = 4096;
/** The answer for any page too large to return (the SDK halves `limit`, doubles `page` and retries on it). */
export const REDUCE_PAGE_SIZE = 'reduce page size';

/** Labels and relationship types a query may name: what the projection writes plus what the clients send. */
export const QUERY_LABELS = [...NODE_LABELS, ...QUERY_ONLY_LABELS] as readonly string[];
export const QUERY_RELATIONSHIP_TYPES = [...RELATIONSHIP_TYPES, ...QUERY_ONLY_RELATIONSHIP_TYPES] as readonly string[];
/** Chariot puts `TTL` on nearly every node; here it names nothing, so a query's `TTL` label is dropped. */
const IGNORED_LABELS = new Set(['TTL']);
/** How deep relationships may nest (node → related node → its related node …), to bound query cost. */
export const MAX_NESTING = 3;

/** Operators on one property. `LIKE` is SQL's: the whole value, case-insensitive, `%` any run, `_` one character. */
export const PROPERTY_OPERATORS = ['=', 'CONTAINS', 'LIKE', 'STARTS WITH', 'ENDS WITH', '<', '<=', '>', '>=', 'IN', 'IS NULL', 'IS NOT NULL'] as const;
/** Operators whose value is a list of filters. */
export const LOGICAL_OPERATORS = ['AND', 'OR'] as const;
export const OPERATORS = [...PROPERTY_OPERATORS, ...LOGICAL_OPERATORS] as const;
export type Operator = (typeof PROPERTY_OPERATORS)[number];
export type LogicalOperator = (typeof LOGICAL_OPERATORS)[number];
export const NULL_OPERATORS: ReadonlySet<Operator> = new Set(['IS NULL', 'IS NOT NULL']);
/** How deep AND/OR may nest and how many filters one node may hold in all, to bound query cost. */
export const MAX_FILTER_DEPTH = 4;
export const MAX_FILTERS = 64;
/** The longest multi-hop relationship (`length`): `*1..n` in Cypher, so its cost grows fast with n. */
export const MAX_RELATIONSHIP_LENGTH = 4;

export type FilterScalar = string | number | boolean;
export interface PropertyFilter {
  /** A property name (an identifier: letters, digits, `_`). */
  readonly field: string;
  readonly operator: Operator;
  /** A list is OR'd (any element matches), except for `IN`, which takes the list as its set. */
  readonly value?: FilterScalar | FilterScalar[];
  readonly not?: boolean;
}
/** `AND`/`OR` over nested filters (the SDK sends them as the value; any `field` is ignored). */
export interface LogicalFilter {
  readonly operator: LogicalOperator;
  readonly filters: readonly Filter[];
  readonly not?: boolean;
}
export type Filter = PropertyFilter | LogicalFilter;
export const isLogical = (filter: Filter): filter is LogicalFilter => filter.operator === 'AND' || filter.operator === 'OR';

export interface RelationshipQuery {
  /** Only from QUERY_RELATIONSHIP_TYPES (they are interpolated into Cypher). */
  readonly types: readonly string[];
  /** `source`: the related node is the edge's source (it points at the queried node); `target`: the reverse. */
  readonly direction: 'source' | 'target';
  readonly node: NodeQuery;
  /** An optional relationship does not restrict the result. */
  readonly optional: boolean;
  /** Up to this many hops (1 = the related node is a neighbour; more = any path of 1..length such edges). */
  readonly length: number;
}

export interface NodeQuery {
  /** Only from QUERY_LABELS (they are interpolated into Cypher). */
  readonly labels: readonly string[];
  readonly filters: readonly Filter[];
  /** Free text the node's key contains (the SDK's `search`). */
  readonly search?: string;
  readonly relationships: readonly RelationshipQuery[];
}

export interface GraphQuery {
  readonly node: NodeQuery;
  readonly page: number;
  readonly limit: number;
  readonly orderBy: string;
  readonly descending: boolean;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const field = z.string().regex(FIELD, 'must be a property name (letters, digits, _)');
const scalar = z.union([z.string(), z.number(), z.boolean()]);

const propertyFilterSchema = z
  .object({
    field,
    operator: z.enum(PROPERTY_OPERATORS),
    value: z.union([scalar, z.array(scalar)]).optional(),
    not: z.boolean().optional(),
  })
  .superRefine((filter, ctx) => {
    if (NULL_OPERATORS.has(filter.operator)) return;
    if (filter.value === undefined) ctx.addIssue({ code: 'custom', message: `operator ${filter.operator} needs a value` });
    else if (filter.operator === 'IN' && !Array.isArray(filter.value)) ctx.addIssue({ code: 'custom', message: 'operator IN needs a list value' });
  });

type RawFilter = z.infer<typeof propertyFilterSchema> | { field?: string; operator: LogicalOperator; value: RawFilter[]; not?: boolean };
const filterSchema: z.ZodType<RawFilter> = z.lazy(() =>
  z.discriminatedUnion('operator', [
    z.object({
      field: z.string().optional(),
      operator: z.enum(LOGICAL_OPERATORS),
      value: z.array(filterSchema).min(1, 'AND/OR needs a list of filters as its value'),
      not: z.boolean().optional(),
    }),
    propertyFilterSchema,
  ]),
);

interface RawNode {
  labels?: string[];
  search?: string;
  filters?: RawFilter[];
  relationships?: RawRelationship[];
}
interface RawRelationship {
  label: string | string[];
  source?: RawNode;
  target?: RawNode;
  optional?: boolean;
  length?: number;
}

const nodeSchema: z.ZodType<RawNode> = z.lazy(() =>
  z.object({
    labels: z.array(z.enum(QUERY_LABELS as [string, ...string[]])).optional(),
    filters: z.array(filterSchema).optional(),
    search: z.string().min(1).max(2048).optional(),
    relationships: z.array(relationshipSchema).optional(),
  }),
);

const relationshipSchema: z.ZodType<RawRelationship> = z.lazy(() =>
  z
    .object({
      label: z.union([z.enum(QUERY_RELATIONSHIP_TYPES as [string, ...string[]]), z.array(z.enum(QUERY_RELATIONSHIP_TYPES as [string, ...string[]])).min(1)]),
      source: nodeSchema.optional(),
      target: nodeSchema.optional(),
      optional: z.boolean().optional(),
      // The SDK leaves `length` out unless set; 0 means the same (one hop).
      length: z.number().int().min(0).max(MAX_RELATIONSHIP_LENGTH, `length is at most ${MAX_RELATIONSHIP_LENGTH}`).optional(),
    })
    .superRefine((rel, ctx) => {
      if ((rel.source === undefined) === (rel.target === undefined))
        ctx.addIssue({ code: 'custom', message: 'a relationship needs exactly one of source or target' });
    }),
);

const querySchema = z.object({
  node: nodeSchema,
  page: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).optional(),
  orderBy: field.optional(),
  descending: z.boolean().optional(),
  // Asks for shortest paths. The answer is the matching nodes, not paths, and a node matches when any path of
  // at most `length` hops exists, which is exactly when a shortest one does: accepted, and changes nothing.
  shortest: z.union([z.boolean(), z.number().int().min(0)]).optional(),
});

function toFilter(raw: RawFilter, depth: number): Filter {
  if (raw.operator !== 'AND' && raw.operator !== 'OR') return raw as PropertyFilter;
  if (depth >= MAX_FILTER_DEPTH) throw invalidInput(`AND/OR filters nest at most ${MAX_FILTER_DEPTH} deep`);
  return { operator: raw.operator, filters: (raw.value as RawFilter[]).map((f) => toFilter(f, depth + 1)), ...(raw.not ? { not: true } : {}) };
}

const filterCount = (filters: readonly Filter[]): number => filters.reduce((n, f) => n + 1 + (isLogical(f) ? filterCount(f.filters) : 0), 0);

function toNodeQuery(raw: RawNode, depth: number): NodeQuery {
  if (depth > MAX_NESTING) throw invalidInput(`relationships nest at most ${MAX_NESTING} deep`);
  const filters = (raw.filters ?? []).map((f) => toFilter(f, 0));
  if (filterCount(filters) > MAX_FILTERS) throw invalidInput(`a node holds at most ${MAX_FILTERS} filters`);
  return {
    labels: (raw.labels ?? []).filter((label) => !IGNORED_LABELS.has(label)),
    filters,
    ...(raw.search === undefined ? {} : { search: raw.search }),
    relationships: (raw.relationships ?? []).map((rel) => ({
      types: Array.isArray(rel.label) ? [...new Set(rel.label)] : [rel.label],
      direction: rel.source ? 'source' : 'target',
      node: toNodeQuery((rel.source ?? rel.target)!, depth + 1),
      optional: rel.optional ?? false,
      length: Math.max(1, rel.length ?? 1),
    })),
  };
}

/** Parses a `POST /my` body (already JSON-decoded). Throws 400 for a malformed query, 413 for a page too large. */
export function parseGraphQuery(body: unknown): GraphQuery {
  const parsed = querySchema.safeParse(body);
  if (!parsed.success) throw invalidInput(`invalid graph query: ${parsed.error.issues.map(describeIssue).join('; ')}`);
  const { node, page = 0, limit = MAX_PAGE_SIZE, orderBy = 'key', descending = false } = parsed.data;
  if (limit > MAX_PAGE_SIZE) throw payloadTooLarge(REDUCE_PAGE_SIZE);
  // SKIP = page × limit must stay an exact integer for Neo4j (the embedded store would just return nothing).
  if (!Number.isSafeInteger(page * limit)) throw invalidInput('page is too large');
  const root = toNodeQuery(node, 0);
  if (!root.labels.length) throw invalidInput('invalid graph query: node.labels needs at least one label');
  return { node: root, page, limit, orderBy, descending };
}

const flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

/**
 * `POST /my` query parameters: `global=true` searches Praetorian-wide data, `tree=true` answers a nested list,
 * `allTenants=true` searches every tenant the caller belongs to (their own and those they collaborate in).
 */
export const GraphSearchParams = z.object({ global: flag.optional(), tree: flag.optional(), allTenants: flag.optional() });
export type GraphSearchParams = z.output<typeof GraphSearchParams>;
