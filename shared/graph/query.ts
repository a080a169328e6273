/**
 * The `POST /my` graph query, as Chariot's clients send it:
 * `{node:{labels, filters:[{field,operator,value,not}], relationships:[{label, source|target: node, optional, length}]},
 *   page, limit, orderBy, descending}`. Validated once here; stores receive only the parsed form.
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

export const OPERATORS = ['=', 'CONTAINS', 'STARTS WITH', 'ENDS WITH', '<', '<=', '>', '>=', 'IN', 'IS NULL', 'IS NOT NULL'] as const;
export type Operator = (typeof OPERATORS)[number];
export const NULL_OPERATORS: ReadonlySet<Operator> = new Set(['IS NULL', 'IS NOT NULL']);

export type FilterScalar = string | number | boolean;
export interface Filter {
  /** A property name (an identifier: letters, digits, `_`). */
  readonly field: string;
  readonly operator: Operator;
  /** A list is OR'd (any element matches), except for `IN`, which takes the list as its set. */
  readonly value?: FilterScalar | FilterScalar[];
  readonly not?: boolean;
}

export interface RelationshipQuery {
  /** Only from QUERY_RELATIONSHIP_TYPES (they are interpolated into Cypher). */
  readonly types: readonly string[];
  /** `source`: the related node is the edge's source (it points at the queried node); `target`: the reverse. */
  readonly direction: 'source' | 'target';
  readonly node: NodeQuery;
  /** An optional relationship does not restrict the result. */
  readonly optional: boolean;
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

const filterSchema = z
  .object({
    field,
    operator: z.enum(OPERATORS),
    value: z.union([scalar, z.array(scalar)]).optional(),
    not: z.boolean().optional(),
  })
  .superRefine((filter, ctx) => {
    if (NULL_OPERATORS.has(filter.operator)) return;
    if (filter.value === undefined) ctx.addIssue({ code: 'custom', message: `operator ${filter.operator} needs a value` });
    else if (filter.operator === 'IN' && !Array.isArray(filter.value)) ctx.addIssue({ code: 'custom', message: 'operator IN needs a list value' });
  });

interface RawNode {
  labels?: string[];
  search?: string;
  filters?: z.infer<typeof filterSchema>[];
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
      length: z.number().int().optional(),
    })
    .superRefine((rel, ctx) => {
      if ((rel.source === undefined) === (rel.target === undefined))
        ctx.addIssue({ code: 'custom', message: 'a relationship needs exactly one of source or target' });
      if (rel.length !== undefined && rel.length !== 1)
        ctx.addIssue({ code: 'custom', message: 'only one-hop relationships (length 1) are supported' });
    }),
);

const querySchema = z.object({
  node: nodeSchema,
  page: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).optional(),
  orderBy: field.optional(),
  descending: z.boolean().optional(),
});

function toNodeQuery(raw: RawNode, depth: number): NodeQuery {
  if (depth > MAX_NESTING) throw invalidInput(`relationships nest at most ${MAX_NESTING} deep`);
  return {
    labels: (raw.labels ?? []).filter((label) => !IGNORED_LABELS.has(label)),
    filters: raw.filters ?? [],
    ...(raw.search === undefined ? {} : { search: raw.search }),
    relationships: (raw.relationships ?? []).map((rel) => ({
      types: Array.isArray(rel.label) ? [...new Set(rel.label)] : [rel.label],
      direction: rel.source ? 'source' : 'target',
      node: toNodeQuery((rel.source ?? rel.target)!, depth + 1),
      optional: rel.optional ?? false,
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

/** `POST /my` query parameters: `global=true` searches Praetorian-wide data, `tree=true` answers a nested list. */
export const GraphSearchParams = z.object({ global: flag.optional(), tree: flag.optional() });
export type GraphSearchParams = z.output<typeof GraphSearchParams>;
