/**
 * The in-process graph: cypher.ts's statements run by the Cypher engine, in this process's memory. The local
 * stack and the tests share one graph between processes by serving an engine over Bolt (local/graph-server)
 * and using the Neo4j adapter; this store is for a single process (unit tests, the graph server's engine).
 */
import { CypherEngine } from './cypher-engine';
import type { GraphNodeValue } from './cypher-engine';
import { CypherGraphStore, type RawRecord, type StatementRunner } from './cypher-store';

/** Engine values → what the driver would return: nodes as {labels, properties}, copies throughout. */
function toRaw(value: unknown): unknown {
  const node = value as GraphNodeValue | null;
  if (node?.kind === 'node') return { labels: [...node.labels], properties: structuredClone(node.props) };
  return structuredClone(value);
}

class EngineRunner implements StatementRunner {
  /** Transactions run one at a time: the engine keeps one undo log, so they must not interleave. */
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly engine: CypherEngine) {}

  private transaction<T>(work: Parameters<StatementRunner['read']>[0]): Promise<T> {
    const next = this.queue.then(() => this.runAlone<T>(work));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runAlone<T>(work: Parameters<StatementRunner['read']>[0]): Promise<T> {
    const tx = this.engine.begin();
    try {
      const result = (await work(async (statement) => {
        const { fields, records } = tx.run(statement.text, structuredClone(statement.parameters));
        return records.map((record): RawRecord => Object.fromEntries(fields.map((field, i) => [field, toRaw(record[i])])));
      })) as T;
      tx.commit();
      return result;
    } catch (error) {
      tx.rollback();
      throw error;
    }
  }

  read<T>(work: Parameters<StatementRunner['read']>[0]): Promise<T> {
    return this.transaction(work) as Promise<T>;
  }
  write<T>(work: Parameters<StatementRunner['write']>[0]): Promise<T> {
    return this.transaction(work) as Promise<T>;
  }
  async close(): Promise<void> {}
}

export class EmbeddedGraphStore extends CypherGraphStore {
  readonly kind = 'embedded' as const;
  constructor(readonly engine = new CypherEngine()) {
    super(new EngineRunner(engine));
  }
}
