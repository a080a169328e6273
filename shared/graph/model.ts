/**
 * The graph's vocabulary: which table rows become nodes, their labels, the relationship types between them,
 * and the mutations a projection produces. Labels and relationship types only ever come from these fixed
 * lists, because Cypher cannot take them as parameters (and so they must never come from input).
 */

/**
 * Every kind of table row that is a graph node, by its key kind (the 2nd `#` segment of the row key):
 * the label that identifies it (its uniqueness constraint and MERGE key), labels it always carries too
 * (Chariot's `GetLabels()`), whether it can be a seed (`source: "seed"` adds `Seed`), and the one relationship
 * type it owns as a target, with the row field naming the source.
 */
export const NODE_KINDS = {
  asset: { label: 'Asset', alsoLabels: [], seedable: true, incoming: { type: 'DISCOVERED', field: 'discoveredFrom' } },
  risk: { label: 'Risk', alsoLabels: [], seedable: false, incoming: { type: 'HAS_VULNERABILITY', field: 'target' } },
  attribute: { label: 'Attribute', alsoLabels: [], seedable: false, incoming: { type: 'HAS_ATTRIBUTE', field: 'source' } },
  port: { label: 'Port', alsoLabels: [], seedable: false, incoming: { type: 'HAS_PORT', field: 'source' } },
  technology: { label: 'Technology', alsoLabels: [], seedable: false, incoming: { type: 'HAS_TECHNOLOGY', field: 'source' } },
  webapplication: { label: 'WebApplication', alsoLabels: ['Asset'], seedable: true, incoming: { type: 'DISCOVERED', field: 'discoveredFrom' } },
  webpage: { label: 'Webpage', alsoLabels: [], seedable: false, incoming: { type: 'HAS_WEBPAGE', field: 'parent' } },
  addomain: { label: 'ADDomain', alsoLabels: ['ADObject', 'Asset'], seedable: true, incoming: { type: 'DISCOVERED', field: 'discoveredFrom' } },
  preseed: { label: 'Preseed', alsoLabels: [], seedable: false, incoming: { type: 'DISCOVERED', field: 'discoveredFrom' } },
} as const satisfies Record<string, NodeKindDefinition>;
export type NodeKind = keyof typeof NODE_KINDS;

interface NodeKindDefinition {
  readonly label: string;
  readonly alsoLabels: readonly string[];
  readonly seedable: boolean;
  readonly incoming: { readonly type: string; readonly field: string };
}

/** The one label that identifies a node's kind (and its uniqueness constraint). */
export type PrimaryLabel = (typeof NODE_KINDS)[NodeKind]['label'];
export const PRIMARY_LABELS = Object.values(NODE_KINDS).map((kind) => kind.label) as readonly PrimaryLabel[];

/** Every label a projected node can carry: primary labels, the labels some kinds always add, and `Seed`. */
export const NODE_LABELS = [...new Set([...PRIMARY_LABELS, 'ADObject', 'Seed'])] as readonly string[] as readonly NodeLabel[];
export type NodeLabel = PrimaryLabel | 'ADObject' | 'Seed';

/** Labels the clients may query that the projection never writes (an empty answer, not a 400). `TTL` is ignored. */
export const QUERY_ONLY_LABELS = ['Generic', 'Repository', 'Integration', 'Vulnerability', 'Credential', 'Organization', 'Person', 'CloudResource', 'TTL'] as const;

/** Relationship types the projection writes (each owned by the kind that is its target). */
export const RELATIONSHIP_TYPES = [...new Set(Object.values(NODE_KINDS).map((kind) => kind.incoming.type))] as readonly RelationshipType[];
export type RelationshipType = (typeof NODE_KINDS)[NodeKind]['incoming']['type'];
/** Relationship types the clients may traverse that the projection never writes. */
export const QUERY_ONLY_RELATIONSHIP_TYPES = ['HAS_CREDENTIAL', 'HAS_REPOSITORY', 'HAS_MEMBER', 'INSTANCE_OF', 'ENRICHED', 'SCANNED_BY'] as const;

/** Extra labels a node of a primary label may gain or lose with its row (`Seed` on seedable kinds). */
export const OPTIONAL_LABELS: Readonly<Record<PrimaryLabel, readonly NodeLabel[]>> = Object.fromEntries(
  Object.values(NODE_KINDS).map((kind) => [kind.label, kind.seedable ? ['Seed'] : []]),
) as unknown as Record<PrimaryLabel, readonly NodeLabel[]>;

/** The kind of a row key (`#port#tcp#443#asset#…` → `port`); undefined for rows that are not nodes (`#job#…`). */
export function nodeKindOfKey(key: string): NodeKind | undefined {
  if (!key.startsWith('#')) return undefined;
  const kind = key.split('#')[1];
  return Object.hasOwn(NODE_KINDS, kind) ? (kind as NodeKind) : undefined;
}

/** `#asset#example.com#example.com` → `Asset`; undefined for rows that are not projected (`#job#…`). */
export function primaryLabelOfKey(key: string): PrimaryLabel | undefined {
  const kind = nodeKindOfKey(key);
  return kind && NODE_KINDS[kind].label;
}

/** Key prefixes of every projected row (rebuild scans for these). */
export const PROJECTED_PREFIXES = Object.keys(NODE_KINDS).map((kind) => `#${kind}#`);

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
      /** The row's version: an older one never overwrites a newer one (replays, out-of-order records). */
      readonly version: number;
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
      /** Applied only while the node holds this version (a stale row does not move its edges either). */
      readonly version: number;
    }
  /** The row is gone (hard delete or TTL expiry): detach and delete its node. */
  | { readonly kind: 'deleteNode'; readonly username: string; readonly node: NodeRef; readonly version: number };
