/**
 * The graph's vocabulary: which table rows become nodes, their labels, the relationship types between them,
 * and the mutations a projection produces. Labels and relationship types only ever come from these fixed
 * lists, because Cypher cannot take them as parameters (and so they must never come from input).
 */

/** Node labels a projected node can carry. `Seed` is an extra label on seed assets. */
export const NODE_LABELS = ['Asset', 'Seed', 'Risk', 'Attribute'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The one label that identifies a node's kind (and its uniqueness constraint). */
export const PRIMARY_LABELS = ['Asset', 'Risk', 'Attribute'] as const;
export type PrimaryLabel = (typeof PRIMARY_LABELS)[number];

/** Extra labels a node of a primary label may gain or lose with its row. */
export const OPTIONAL_LABELS: Readonly<Record<PrimaryLabel, readonly NodeLabel[]>> = {
  Asset: ['Seed'],
  Risk: [],
  Attribute: [],
};

export const RELATIONSHIP_TYPES = ['DISCOVERED', 'HAS_VULNERABILITY', 'HAS_ATTRIBUTE'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** The key kind (2nd `#` segment of a row key) of each projected row. Other kinds are not in the graph. */
const LABEL_OF_KIND: Readonly<Record<string, PrimaryLabel>> = { asset: 'Asset', risk: 'Risk', attribute: 'Attribute' };

/** `#asset#example.com#example.com` → `Asset`; undefined for rows that are not projected (`#job#…`). */
export function primaryLabelOfKey(key: string): PrimaryLabel | undefined {
  if (!key.startsWith('#')) return undefined;
  const kind = key.split('#')[1];
  return Object.hasOwn(LABEL_OF_KIND, kind) ? LABEL_OF_KIND[kind] : undefined;
}

/** Chariot's relationship key: `<srcKey>#<LABEL><dstKey>` (no separator before the target key, which starts with `#`). */
export const relationshipKey = (sourceKey: string, type: RelationshipType, targetKey: string): string =>
  `${sourceKey}#${type}${targetKey}`;

/** A property value the graph can hold: Neo4j takes scalars and homogeneous lists of scalars. */
export type GraphScalar = string | number | boolean;
export type GraphValue = GraphScalar | GraphScalar[] | null;
export type GraphProperties = Record<string, unknown>;

/** A node as searches and snapshots return it. `properties` always include `username` and `key`. */
export interface GraphNode {
  readonly labels: readonly NodeLabel[];
  readonly properties: GraphProperties;
}

export interface GraphEdge {
  readonly type: RelationshipType;
  /** The relationship key (`<srcKey>#<TYPE><dstKey>`). */
  readonly key: string;
  readonly source: string;
  readonly target: string;
}

/** Everything one tenant has in the graph, sorted, for tests and debugging. */
export interface GraphSnapshot {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface NodeRef {
  readonly key: string;
  readonly label: PrimaryLabel;
}

/**
 * What a projection asks a store to do. Every mutation is idempotent, so replaying a stream (or rebuilding
 * from the table) converges on the same graph.
 */
export type GraphMutation =
  /** Create or replace a node from its row: properties are replaced wholesale, optional labels follow the row. */
  | {
      readonly kind: 'upsertNode';
      readonly username: string;
      readonly node: NodeRef;
      readonly extraLabels: readonly NodeLabel[];
      readonly properties: GraphProperties;
    }
  /**
   * Make `from` exactly the set of `type` edges into `node`: a row owns its incoming edges (a risk owns
   * HAS_VULNERABILITY from its target, an attribute HAS_ATTRIBUTE from its parent, an asset DISCOVERED from
   * where it was found). A missing source node is created as a placeholder with just username, key and label.
   */
  | {
      readonly kind: 'setIncoming';
      readonly username: string;
      readonly node: NodeRef;
      readonly type: RelationshipType;
      readonly from: readonly NodeRef[];
    }
  /** The row is gone (hard delete or TTL expiry): detach and delete its node. */
  | { readonly kind: 'deleteNode'; readonly username: string; readonly node: NodeRef };
