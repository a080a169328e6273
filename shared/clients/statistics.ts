/**
 * `GET /my/count?key=…`: the statistics shape chariot-ui reads (src/types.ts `Statistics`, src/hooks/useCounts.ts)
 * and the SDKs print (`search --count`, any JSON):
 *
 *   { "status": { "<status code>": n }, "source": { "<source>": n }, "attributes"?: { "<attribute name>": n } }
 *
 * - status: the code as the client reads it. Risks: stored form, or the UI's (`C…`) for browsers; the UI splits a
 *   key into state `key[0]` and sub-state `key.slice(2)`. Jobs: the bare code (`JQ`, not `JQ#<time>`). Assets:
 *   as stored (`A`, `AH`, `AL`, `F`, `D`…).
 * - source: assets' and risks' `source` (`self`, `seed`, `account`, `provided`…); jobs' capability (the part of
 *   `<capability>#<time>` before `#`). Attributes are not counted by source (it is their parent's key).
 * - attributes: attribute rows by `name`, present only when attribute rows were counted.
 * Counting is a fold, so a service can feed it page by page.
 */
import { clientJobStatus } from './job-status';
import { toUiRiskStatus } from './risk-status';

export interface Statistics {
  status: Record<string, number>;
  source: Record<string, number>;
  attributes?: Record<string, number>;
}

export interface CountedRow {
  readonly key: string;
  readonly status?: string;
  readonly source?: string;
  readonly name?: string;
}

export interface CountOptions {
  /** Read risk statuses back in chariot-ui's vocabulary (browser requests). */
  readonly uiRiskVocabulary?: boolean;
}

export const emptyStatistics = (): Statistics => ({ status: {}, source: {} });

const bump = (counts: Record<string, number>, name: string) => {
  counts[name] = (counts[name] ?? 0) + 1;
};

function statusOf(kind: string, status: string, options: CountOptions): string {
  if (kind === 'job') return clientJobStatus(status);
  if (kind === 'risk' && options.uiRiskVocabulary) return toUiRiskStatus(status);
  return status;
}

/** Adds `rows` to `into` (a fresh result by default) and returns it. */
export function countRows(rows: Iterable<CountedRow>, options: CountOptions = {}, into: Statistics = emptyStatistics()): Statistics {
  for (const row of rows) {
    const kind = row.key.split('#')[1] ?? '';
    if (kind === 'attribute') {
      if (row.name) bump((into.attributes ??= {}), row.name);
      if (row.status) bump(into.status, row.status);
      continue;
    }
    if (row.status) bump(into.status, statusOf(kind, row.status, options));
    const source = kind === 'job' ? row.source?.split('#')[0] : row.source;
    if (source) bump(into.source, source);
  }
  return into;
}
