/**
 * An in-memory graph database that runs Cypher text: the embedded store and the local Bolt graph server both
 * run on it, so the statements the Neo4j adapter sends are exactly what the tests and the local stack execute.
 * Each statement is atomic (a failure undoes it); a transaction's statements commit or roll back together.
 */
import type { Statement } from './ast';
import { Execution, type QueryResult } from './execute';
import { MemoryGraph } from './memory-graph';
import { parseStatement } from './parse';

export type { QueryResult } from './execute';
export { CypherSyntaxError } from './parse';
export { CypherRuntimeError } from './execute';
export type { GraphNodeValue, GraphRelValue } from './memory-graph';

export interface CypherTransaction {
  run(text: string, parameters?: Record<string, unknown>): QueryResult;
  commit(): void;
  rollback(): void;
}

export class CypherEngine {
  readonly graph = new MemoryGraph();
  private readonly parsed = new Map<string, Statement>();

  private statement(text: string): Statement {
    let statement = this.parsed.get(text);
    if (!statement) {
      statement = parseStatement(text);
      // The builder emits a few dozen distinct texts; the cap only guards against a client sending endless variants.
      if (this.parsed.size > 1000) this.parsed.clear();
      this.parsed.set(text, statement);
    }
    return statement;
  }

  private execute(text: string, parameters: Record<string, unknown>): QueryResult {
    const statement = this.statement(text);
    if (statement.kind === 'schema') return { fields: [], records: [] };
    const mark = this.graph.mark();
    try {
      return new Execution(this.graph, parameters).run(statement.clauses);
    } catch (error) {
      this.graph.rollback(mark);
      throw error;
    }
  }

  /** One auto-committed statement. */
  run(text: string, parameters: Record<string, unknown> = {}): QueryResult {
    const mark = this.graph.mark();
    const result = this.execute(text, parameters);
    this.graph.commit(mark);
    return result;
  }

  /** An explicit transaction. Callers serialise write transactions (the engine is not multi-version). */
  begin(): CypherTransaction {
    const mark = this.graph.mark();
    let open = true;
    const ensureOpen = () => {
      if (!open) throw new Error('the transaction is closed');
    };
    return {
      run: (text, parameters = {}) => (ensureOpen(), this.execute(text, parameters)),
      commit: () => {
        ensureOpen();
        open = false;
        this.graph.commit(mark);
      },
      rollback: () => {
        if (!open) return;
        open = false;
        this.graph.rollback(mark);
      },
    };
  }
}
