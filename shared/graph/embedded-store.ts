/**
 * The in-process graph: the default for the local stack and tests until NEO4J_URI is set. It follows the
 * Neo4j adapter's semantics (MERGE on node and relationship keys, Cypher value logic) so one behaviour suite
 * covers both. State lives in this process only: the local stack refills it from the table's stream.
 */
import {
  OPTIONAL_LABELS,
  relationshipKey,
  type GraphEdge,
  type GraphMutation,
  type GraphNode,
  type GraphProperties,
  type GraphSnapshot,
  type NodeLabel,
  type NodeRef,
  type RelationshipType,
} from './model';
import { cypherOrder, matchesAll } from './predicates';
import type { NodeQuery } from './query';
import type { GraphStore, SearchWindow } from './store';

interface StoredNode {
  labels: Set<NodeLabel>;
  properties: GraphProperties;
}

/** One tenant's nodes by key, edges by relationship key, and adjacency for traversal. */
class TenantGraph {
  readonly nodes = new Map<string, StoredNode>();
  readonly edges = new Map<string, GraphEdge>();
  private readonly incoming = new Map<string, Set<string>>();
  private readonly outgoing = new Map<string, Set<string>>();

  /** MERGE (n:Label {username, key}): a new node starts as a placeholder. */
  merge(username: string, ref: NodeRef): StoredNode {
    let node = this.nodes.get(ref.key);
    if (!node) {
      node = { labels: new Set([ref.label]), properties: { username, key: ref.key } };
      this.nodes.set(ref.key, node);
    }
    return node;
  }

  edgesOf(key: string, direction: 'in' | 'out'): GraphEdge[] {
    const ids = (direction === 'in' ? this.incoming : this.outgoing).get(key) ?? new Set();
    return [...ids].map((id) => this.edges.get(id)!);
  }

  link(type: RelationshipType, source: string, target: string): void {
    const key = relationshipKey(source, type, target);
    if (this.edges.has(key)) return;
    this.edges.set(key, { type, key, source, target });
    const add = (index: Map<string, Set<string>>, node: string) => index.set(node, (index.get(node) ?? new Set()).add(key));
    add(this.outgoing, source);
    add(this.incoming, target);
  }

  unlink(edge: GraphEdge): void {
    this.edges.delete(edge.key);
    this.outgoing.get(edge.source)?.delete(edge.key);
    this.incoming.get(edge.target)?.delete(edge.key);
  }

  /** DETACH DELETE. */
  remove(key: string): void {
    for (const edge of [...this.edgesOf(key, 'in'), ...this.edgesOf(key, 'out')]) this.unlink(edge);
    this.nodes.delete(key);
    this.incoming.delete(key);
    this.outgoing.delete(key);
  }
}

const copy = (node: StoredNode): GraphNode => ({ labels: [...node.labels].sort(), properties: structuredClone(node.properties) });

export class EmbeddedGraphStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private readonly tenants = new Map<string, TenantGraph>();

  private graph(tenant: string): TenantGraph {
    let graph = this.tenants.get(tenant);
    if (!graph) this.tenants.set(tenant, (graph = new TenantGraph()));
    return graph;
  }

  async apply(mutations: readonly GraphMutation[]): Promise<void> {
    for (const mutation of mutations) this.applyOne(mutation);
  }

  private applyOne(mutation: GraphMutation): void {
    const graph = this.graph(mutation.username);
    switch (mutation.kind) {
      case 'upsertNode': {
        const node = graph.merge(mutation.username, mutation.node);
        node.properties = structuredClone(mutation.properties);
        for (const label of OPTIONAL_LABELS[mutation.node.label]) {
          if (mutation.extraLabels.includes(label)) node.labels.add(label);
          else node.labels.delete(label);
        }
        return;
      }
      case 'setIncoming': {
        graph.merge(mutation.username, mutation.node);
        const keep = new Set(mutation.from.map((from) => relationshipKey(from.key, mutation.type, mutation.node.key)));
        for (const edge of graph.edgesOf(mutation.node.key, 'in')) {
          if (edge.type === mutation.type && !keep.has(edge.key)) graph.unlink(edge);
        }
        for (const from of mutation.from) {
          graph.merge(mutation.username, from);
          graph.link(mutation.type, from.key, mutation.node.key);
        }
        return;
      }
      case 'deleteNode':
        graph.remove(mutation.node.key);
        return;
    }
  }

  /** Does `node` (in `graph`) satisfy the query's labels, filters and every required relationship? */
  private matches(graph: TenantGraph, node: StoredNode, query: NodeQuery): boolean {
    if (!query.labels.every((label) => node.labels.has(label))) return false;
    if (!matchesAll(query.filters, node.properties)) return false;
    const key = node.properties.key as string;
    return query.relationships.every((rel) => {
      if (rel.optional) return true;
      // `source`: the related node points at this one, so follow incoming edges back to their source.
      const edges = graph.edgesOf(key, rel.direction === 'source' ? 'in' : 'out');
      return edges.some((edge) => {
        if (!rel.types.includes(edge.type)) return false;
        const other = graph.nodes.get(rel.direction === 'source' ? edge.source : edge.target);
        return other !== undefined && this.matches(graph, other, rel.node);
      });
    });
  }

  async search(tenant: string, query: NodeQuery, window: SearchWindow): Promise<GraphNode[]> {
    const graph = this.tenants.get(tenant);
    if (!graph) return [];
    const direction = window.descending ? -1 : 1;
    return [...graph.nodes.values()]
      .filter((node) => this.matches(graph, node, query))
      .sort(
        (a, b) =>
          direction * cypherOrder(a.properties[window.orderBy] ?? null, b.properties[window.orderBy] ?? null) ||
          direction * cypherOrder(a.properties.key, b.properties.key),
      )
      .slice(window.skip, window.skip + window.limit)
      .map(copy);
  }

  async snapshot(tenant: string): Promise<GraphSnapshot> {
    const graph = this.tenants.get(tenant);
    if (!graph) return { nodes: [], edges: [] };
    const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return {
      nodes: [...graph.nodes.entries()].sort(([a], [b]) => byKey(a, b)).map(([, node]) => copy(node)),
      edges: [...graph.edges.values()].sort((a, b) => byKey(a.key, b.key)).map((edge) => ({ ...edge })),
    };
  }

  async clear(): Promise<void> {
    this.tenants.clear();
  }

  async close(): Promise<void> {}
}
