/**
 * The one GraphStore: every operation is a statement from cypher.ts, run by a StatementRunner. Two runners
 * exist: neo4j-driver (Neo4j, or the local Bolt graph server) and the in-process Cypher engine. So the
 * Cypher that production sends is the Cypher the behaviour suite executes.
 */
import {
  clearBatchStatement,
  constraintStatements,
  fromNeo4jProperties,
  mutationStatements,
  searchStatement,
  snapshotStatements,
  versionsStatement,
  type CypherStatement,
} from './cypher';
import { NODE_LABELS, primaryLabelOfKey, type PrimaryLabel, type GraphEdge, type GraphMutation, type GraphNode, type GraphSnapshot, type NodeLabel, type RelationshipType } from './model';
import type { NodeQuery } from './query';
import type { ApplyOptions, GraphStore, SearchWindow } from './store';

/** A node as a runner returns it. */
export interface RawNode {
  readonly labels: readonly string[];
  readonly properties: Record<string, unknown>;
}
/** One result record: field name → value (nodes as RawNode). */
export type RawRecord = Readonly<Record<string, unknown>>;
export type RunStatement = (statement: CypherStatement) => Promise<RawRecord[]>;

export interface StatementRunner {
  /** Runs `work` in one read transaction. */
  read<T>(work: (run: RunStatement) => Promise<T>): Promise<T>;
  /** Runs `work` in one write transaction (retried on transient failures unless `once`). */
  write<T>(work: (run: RunStatement) => Promise<T>, options?: ApplyOptions): Promise<T>;
  close(): Promise<void>;
}

export function toGraphNode(node: RawNode): GraphNode {
  return {
    labels: node.labels.filter((label): label is NodeLabel => (NODE_LABELS as readonly string[]).includes(label)).sort(),
    properties: fromNeo4jProperties(node.properties),
  };
}

export abstract class CypherGraphStore implements GraphStore {
  abstract readonly kind: GraphStore['kind'];
  private ready: Promise<void> | undefined;

  constructor(protected readonly runner: StatementRunner) {}

  /** Creates the uniqueness constraints once per store; a failure (database down) is retried on the next call. */
  ensureConstraints(): Promise<void> {
    this.ready ??= (async () => {
      // Schema changes cannot share a transaction with each other or with data writes: one transaction each.
      for (const statement of constraintStatements()) await this.runner.write((run) => run(statement));
    })().catch((error) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async apply(mutations: readonly GraphMutation[], options: ApplyOptions = {}): Promise<void> {
    const statements = mutationStatements(mutations);
    if (statements.length === 0) return;
    await this.ensureConstraints();
    await this.runner.write(async (run) => {
      for (const statement of statements) await run(statement);
    }, options);
  }

  async search(tenant: string | readonly string[], query: NodeQuery, window: SearchWindow): Promise<GraphNode[]> {
    await this.ensureConstraints();
    const records = await this.runner.read((run) => run(searchStatement(tenant, query, window)));
    return records.map((record) => toGraphNode(record.n as RawNode));
  }

  async versions(nodes: readonly { username: string; key: string }[]): Promise<Map<string, number>> {
    const byLabel = new Map<PrimaryLabel, { username: string; key: string }[]>();
    for (const node of nodes) {
      const label = primaryLabelOfKey(node.key);
      if (label) byLabel.set(label, [...(byLabel.get(label) ?? []), node]);
    }
    if (byLabel.size === 0) return new Map();
    await this.ensureConstraints();
    const records = await this.runner.read(async (run) => {
      const all = [];
      for (const [label, group] of byLabel) all.push(...(await run(versionsStatement(label, group)))); // one statement at a time per transaction
      return all;
    });
    return new Map(records.map((r) => [`${r.username}\n${r.key}`, r.version as number]));
  }

  async snapshot(tenant: string): Promise<GraphSnapshot> {
    await this.ensureConstraints();
    const statements = snapshotStatements(tenant);
    return this.runner.read(async (run) => {
      const nodes = (await run(statements.nodes)).map((r) => toGraphNode(r.n as RawNode));
      const edges = (await run(statements.edges)).map(
        (r): GraphEdge => ({ type: r.type as RelationshipType, key: r.key as string, source: r.source as string, target: r.target as string }),
      );
      return { nodes, edges };
    });
  }

  async clear(): Promise<void> {
    await this.ensureConstraints();
    for (;;) {
      const [record] = await this.runner.write((run) => run(clearBatchStatement(10_000)));
      if (Number(record?.deleted ?? 0) === 0) return;
    }
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}
