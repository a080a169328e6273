/**
 * Read-your-writes: the request path writes each acknowledged table change to the graph at once, so the next
 * `POST /my` from any runtime sees it. The table stays the system of record: a graph failure never fails the
 * write (the stream projection repairs the graph later), and after one failure the writer stays away from
 * the graph for a short while so a down Neo4j does not slow every write.
 */
import type { RowChange } from '../db/repository';
import type { CatchUpLedger } from './catch-up';
import { rootLogger } from '../observability/logger';
import { nodeKindOfKey } from './model';
import { projectRemoval, projectRow } from './projection';
import type { GraphStore } from './store';

/** How long request-path graph writes are skipped after one failed (the stream catches up meanwhile). */
export const GRAPH_WRITE_BACKOFF_MS = 5_000;

export interface GraphWriterOptions {
  /** Where a skipped graph write is reported (one line per failure, not per skipped write). */
  readonly warn?: (message: string, error: unknown) => void;
  readonly now?: () => number;
  /** Where every change the graph did not get is recorded, so graph reads answer 503 until the stream delivers it. */
  readonly ledger?: CatchUpLedger;
}

export function graphWriter(graph: () => Promise<GraphStore>, options: GraphWriterOptions = {}): (change: RowChange) => Promise<void> {
  const now = options.now ?? Date.now;
  const warn = options.warn ?? ((message, error) => rootLogger().warn(message, { error: (error as Error)?.message ?? String(error) }));
  let pausedUntil = 0;
  const missed = async (row: Record<string, unknown>, kind: RowChange['kind']) => {
    const version = typeof row.version === 'number' ? row.version : 0;
    await options.ledger
      ?.record({ username: String(row.username), key: String(row.key), version, removed: kind === 'remove' })
      .catch((error) => warn('graph catch-up ledger not written; graph reads may answer before the stream catches up', error));
  };
  return async (change) => {
    if (typeof change.row.key !== 'string' || !nodeKindOfKey(change.row.key)) return;
    const row = change.row as unknown as Record<string, unknown>;
    if (now() < pausedUntil) return missed(row, change.kind);
    const mutations = change.kind === 'put' ? projectRow(row) : projectRemoval(row);
    try {
      await (await graph()).apply(mutations, { once: true });
    } catch (error) {
      pausedUntil = now() + GRAPH_WRITE_BACKOFF_MS;
      warn('graph write skipped; the stream projection will apply it', error);
      await missed(row, change.kind);
    }
  };
}
