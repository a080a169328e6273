/**
 * The Neo4j adapter: one neo4j-driver Driver per store (create one store per process), statements from
 * cypher.ts only, uniqueness constraints created before first use, transient failures retried by
 * executeRead/executeWrite, and an unreachable or failing database surfaced as a domain Unavailable (503 at the edge).
 */
import neo4j, { isRetryableError, Neo4jError, type Driver, type ManagedTransaction, type Node } from 'neo4j-driver';
import { unavailable } from '../errors';
import type { Neo4jConfig } from './config';
import {
  clearBatchStatement,
  constraintStatements,
  fromNeo4jProperties,
  mutationStatements,
  searchStatement,
  snapshotStatements,
  type CypherStatement,
} from './cypher';
import { NODE_LABELS, type GraphEdge, type GraphMutation, type GraphNode, type GraphSnapshot, type NodeLabel, type RelationshipType } from './model';
import type { NodeQuery } from './query';
import type { GraphStore, SearchWindow } from './store';

export const GRAPH_UNAVAILABLE = 'graph database unavailable';

/** Codes that mean "the database cannot serve us now" rather than "our statement is wrong". */
function isUnavailable(error: Neo4jError): boolean {
  return (
    isRetryableError(error) ||
    error.code === neo4j.error.SERVICE_UNAVAILABLE ||
    error.code === neo4j.error.SESSION_EXPIRED ||
    error.code.startsWith('Neo.ClientError.Security.') ||
    error.code.startsWith('Neo.DatabaseError.')
  );
}

/** Driver errors that mean the database is down, unreachable or refusing us → 503; anything else is our bug. */
export function toGraphError(error: unknown): unknown {
  if (error instanceof Neo4jError && isUnavailable(error)) {
    const mapped = unavailable(GRAPH_UNAVAILABLE);
    mapped.cause = error;
    return mapped;
  }
  return error;
}

/** JS numbers go over Bolt as floats; send whole numbers as Neo4j integers so `ttl`, SKIP and LIMIT are ints. */
function toDriverValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverValue(v)]));
  return value;
}

const run = (tx: ManagedTransaction, statement: CypherStatement) =>
  tx.run(statement.text, toDriverValue(statement.parameters) as Record<string, unknown>);

function toGraphNode(node: Node): GraphNode {
  return {
    labels: node.labels.filter((label): label is NodeLabel => (NODE_LABELS as readonly string[]).includes(label)).sort(),
    properties: fromNeo4jProperties(node.properties as Record<string, unknown>),
  };
}

export class Neo4jGraphStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly driver: Driver;
  private ready: Promise<void> | undefined;

  constructor(private readonly config: Neo4jConfig) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      disableLosslessIntegers: true,
      maxTransactionRetryTime: config.maxRetryMs,
      connectionTimeout: config.connectTimeoutMs,
      connectionAcquisitionTimeout: config.connectTimeoutMs + config.maxRetryMs,
      userAgent: 'chariot-strangler-graph/1',
    });
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({ database: this.config.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  }

  /** Runs `work` in a retried transaction; a database that stays unavailable becomes Unavailable. */
  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    await this.ensureConstraints();
    const session = this.session(mode);
    try {
      return await (mode === 'READ' ? session.executeRead(work) : session.executeWrite(work));
    } catch (error) {
      throw toGraphError(error);
    } finally {
      await session.close();
    }
  }

  /** Creates the uniqueness constraints once per store; a failure (database down) is retried on the next call. */
  ensureConstraints(): Promise<void> {
    this.ready ??= (async () => {
      const session = this.session('WRITE');
      try {
        // Schema changes cannot share a transaction with each other's data writes: one transaction each.
        for (const statement of constraintStatements()) await session.executeWrite((tx) => run(tx, statement));
      } finally {
        await session.close();
      }
    })().catch((error) => {
      this.ready = undefined;
      throw toGraphError(error);
    });
    return this.ready;
  }

  async apply(mutations: readonly GraphMutation[]): Promise<void> {
    const statements = mutationStatements(mutations);
    if (statements.length === 0) return;
    await this.transaction('WRITE', async (tx) => {
      for (const statement of statements) await run(tx, statement);
    });
  }

  async search(tenant: string, query: NodeQuery, window: SearchWindow): Promise<GraphNode[]> {
    const statement = searchStatement(tenant, query, window);
    const result = await this.transaction('READ', (tx) => run(tx, statement));
    return result.records.map((record) => toGraphNode(record.get('n') as Node));
  }

  async snapshot(tenant: string): Promise<GraphSnapshot> {
    const statements = snapshotStatements(tenant);
    return this.transaction('READ', async (tx) => {
      const nodes = (await run(tx, statements.nodes)).records.map((r) => toGraphNode(r.get('n') as Node));
      const edges = (await run(tx, statements.edges)).records.map(
        (r): GraphEdge => ({ type: r.get('type') as RelationshipType, key: r.get('key'), source: r.get('source'), target: r.get('target') }),
      );
      return { nodes, edges };
    });
  }

  async clear(): Promise<void> {
    for (;;) {
      const result = await this.transaction('WRITE', (tx) => run(tx, clearBatchStatement(10_000)));
      if (Number(result.records[0]?.get('deleted') ?? 0) === 0) return;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
