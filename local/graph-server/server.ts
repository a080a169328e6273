/**
 * The local graph database: the Cypher engine served over Bolt, so every process of the local stack (the
 * gateway's in-process Lambdas, each Hono service, the stream poller) and every test uses the production
 * Neo4j adapter against one shared graph. Write transactions are serialised (the engine has one undo log);
 * reads and auto-commit statements run at once (each statement is atomic).
 */
import { CypherEngine } from '../../shared/graph/cypher-engine';
import type { GraphNodeValue, GraphRelValue } from '../../shared/graph/cypher-engine';
import { BoltStruct, startBoltServer, type BoltConnection, type BoltFailure, type BoltReply } from './bolt';

export interface GraphServerOptions {
  /** Listen on this port (default: a free one). A restarted server on the same port keeps its data if given the same engine. */
  readonly port?: number;
  readonly user?: string;
  readonly password?: string;
  /** The database; pass the one from a stopped server to bring it back with its data. */
  readonly engine?: CypherEngine;
}

export interface GraphServer {
  readonly uri: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly engine: CypherEngine;
  /** Environment for a process that should use this server (read by shared/graph/config). */
  readonly env: Record<'NEO4J_URI' | 'NEO4J_USER' | 'NEO4J_PASSWORD', string>;
  stop(): Promise<void>;
}

/** Engine values → PackStream: nodes and relationships as Bolt 5 structures. */
function toBolt(value: unknown): unknown {
  const entity = value as GraphNodeValue | GraphRelValue | null;
  if (entity?.kind === 'node') return new BoltStruct(0x4e, [entity.id, [...entity.labels], entity.props, `4:local:${entity.id}`]);
  if (entity?.kind === 'rel') {
    const { id, start, end, type, props } = entity;
    return new BoltStruct(0x52, [id, start.id, end.id, type, props, `5:local:${id}`, `4:local:${start.id}`, `4:local:${end.id}`]);
  }
  if (Array.isArray(value)) return value.map(toBolt);
  return value;
}

function failureOf(error: unknown): BoltFailure {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: string };
  return { code: typeof code === 'string' && code.startsWith('Neo.') ? code : 'Neo.DatabaseError.General.UnknownError', message: message ?? String(error) };
}

/** A FIFO lock: one write transaction at a time. */
class WriteLock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }
}

export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const engine = options.engine ?? new CypherEngine();
  const user = options.user ?? 'neo4j';
  const password = options.password ?? 'local';
  const lock = new WriteLock();

  const connect = (): BoltConnection => {
    let tx: ReturnType<CypherEngine['begin']> | undefined;
    let release: (() => void) | undefined;
    const close = () => {
      tx = undefined;
      release?.();
      release = undefined;
    };
    return {
      authenticate: (principal, credentials) => principal === user && credentials === password,
      async begin(mode) {
        if (mode === 'w') release = await lock.acquire();
        tx = engine.begin();
      },
      run(query): BoltReply {
        try {
          const { fields, records } = tx ? tx.run(query.text, query.parameters) : engine.run(query.text, query.parameters);
          return { fields, records: records.map((record) => record.map(toBolt)) };
        } catch (error) {
          return { failure: failureOf(error) };
        }
      },
      commit() {
        try {
          tx?.commit();
          return undefined;
        } catch (error) {
          return failureOf(error);
        } finally {
          close();
        }
      },
      rollback() {
        tx?.rollback();
        close();
      },
    };
  };

  const server = await startBoltServer({ port: options.port, connect });
  return {
    uri: server.uri,
    port: server.port,
    user,
    password,
    engine,
    env: { NEO4J_URI: server.uri, NEO4J_USER: user, NEO4J_PASSWORD: password },
    stop: server.stop,
  };
}
