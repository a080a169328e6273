/** The port both graph adapters implement: the embedded one (in-process) and Neo4j (neo4j-driver). */
import type { GraphMutation, GraphNode, GraphSnapshot } from './model';
import type { NodeQuery } from './query';

/** Which slice of the ordered matches to return. */
export interface SearchWindow {
  readonly skip: number;
  readonly limit: number;
  /** A property name (already validated as an identifier); ties are broken by `key`. */
  readonly orderBy: string;
  readonly descending: boolean;
}

export interface ApplyOptions {
  /** One attempt, no retries: the request path's write, which must not hold a response while Neo4j is down. */
  readonly once?: boolean;
}

export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  /** Applies the mutations in order, in one transaction. Replaying the same mutations changes nothing. */
  apply(mutations: readonly GraphMutation[], options?: ApplyOptions): Promise<void>;
  /**
   * The nodes of `tenant` (or of any of several tenants) matching `query`, ordered and windowed. Every node on
   * every traversed relationship is matched within those tenants as well, and edges never cross tenants, so
   * another tenant's data can never shape or appear in the result.
   */
  search(tenant: string | readonly string[], query: NodeQuery, window: SearchWindow): Promise<GraphNode[]>;
  /**
   * The row version each given node holds, keyed `username\nkey`: absent nodes are left out, a placeholder
   * (an edge end whose row has not arrived) is -1. Used to tell whether the graph has caught up with writes.
   */
  versions(nodes: readonly { username: string; key: string }[]): Promise<Map<string, number>>;
  /** Every node and edge of one tenant, sorted by key (tests, debugging, rebuild checks). */
  snapshot(tenant: string): Promise<GraphSnapshot>;
  /** Removes every projected node and edge of every tenant (before a rebuild). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
