/**
 * The Neo4j adapter: one neo4j-driver Driver per store (create one store per process), statements from
 * cypher.ts only (via CypherGraphStore), transient failures retried by executeRead/executeWrite, and an
 * unreachable or failing database surfaced as a domain Unavailable (503 at the edge). It talks to Neo4j in AWS and to the local
 * Bolt graph server (local/graph-server) everywhere else.
 */
import neo4j, { isRetryableError, Neo4jError, type Driver, type ManagedTransaction, type Node, type Session } from 'neo4j-driver';
import { unavailable } from '../errors';
import type { Neo4jConfig } from './config';
import type { CypherStatement } from './cypher';
import { CypherGraphStore, type RawRecord, type RunStatement, type StatementRunner } from './cypher-store';
import type { ApplyOptions } from './store';

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

const fromDriverValue = (value: unknown): unknown =>
  value instanceof neo4j.types.Node ? { labels: (value as Node).labels, properties: (value as Node).properties } : value;

const runner =
  (tx: Pick<ManagedTransaction, 'run'>): RunStatement =>
  async (statement: CypherStatement) => {
    const result = await tx.run(statement.text, toDriverValue(statement.parameters) as Record<string, unknown>);
    return result.records.map((record): RawRecord => Object.fromEntries(record.keys.map((key) => [key as string, fromDriverValue(record.get(key))])));
  };

class DriverRunner implements StatementRunner {
  private readonly driver: Driver;

  constructor(private readonly config: Neo4jConfig) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      disableLosslessIntegers: true,
      maxTransactionRetryTime: config.maxRetryMs,
      connectionTimeout: config.connectTimeoutMs,
      connectionAcquisitionTimeout: config.connectTimeoutMs + config.maxRetryMs,
      userAgent: 'chariot-strangler-graph/1',
    });
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({ database: this.config.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  }

  /** A retried transaction (or one attempt with `once`); a database that stays unavailable becomes Unavailable. */
  private async transaction<T>(mode: 'READ' | 'WRITE', work: (run: RunStatement) => Promise<T>, once = false): Promise<T> {
    const session = this.session(mode);
    try {
      if (once) {
        const tx = await session.beginTransaction();
        try {
          const result = await work(runner(tx));
          await tx.commit();
          return result;
        } catch (error) {
          if (tx.isOpen()) await tx.rollback().catch(() => undefined);
          throw error;
        }
      }
      const managed = (tx: ManagedTransaction) => work(runner(tx));
      return await (mode === 'READ' ? session.executeRead(managed) : session.executeWrite(managed));
    } catch (error) {
      throw toGraphError(error);
    } finally {
      await session.close();
    }
  }

  read<T>(work: (run: RunStatement) => Promise<T>): Promise<T> {
    return this.transaction('READ', work);
  }
  write<T>(work: (run: RunStatement) => Promise<T>, options: ApplyOptions = {}): Promise<T> {
    return this.transaction('WRITE', work, options.once);
  }
  close(): Promise<void> {
    return this.driver.close();
  }
}

export class Neo4jGraphStore extends CypherGraphStore {
  readonly kind = 'neo4j' as const;
  constructor(config: Neo4jConfig) {
    super(new DriverRunner(config));
  }
}
