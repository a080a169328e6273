/**
 * Shadow comparison: are two answers to the same request (Lambda's and the service's) the same, once
 * the parts that legitimately differ per call are normalised? And if not, where do they differ?
 *
 * The diff names JSON paths with each side's value type and a short hash, never the values: shadow
 * traffic is real callers' data, and a mismatch log line must not copy it.
 */
import { createHash } from 'node:crypto';

/** One runtime's answer, as the gateway saw it. */
export interface Answer {
  readonly status: number;
  readonly body: Buffer;
}

export interface Comparison {
  readonly match: boolean;
  /** At most `MAX_DIFFS` entries, e.g. `$.data[0].status: string#1a2b3c != number#4d5e6f`. */
  readonly diffs: readonly string[];
}

const MAX_DIFFS = 5;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Keys whose values are per-call by nature (request ids, clocks), whatever their format. */
const VOLATILE_KEYS = new Set(['requestId', 'request_id', 'correlation_id', 'traceId', 'timestamp', 'now', 'expires', 'ttl']);

/** Per-call values become placeholders, so two correct answers compare equal. Pure; returns a new value. */
export function normalise(value: unknown, key?: string): unknown {
  if (key !== undefined && VOLATILE_KEYS.has(key)) return '<volatile>';
  if (typeof value === 'string') {
    if (ISO_TIMESTAMP.test(value)) return '<timestamp>';
    if (UUID.test(value)) return '<uuid>';
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalise(v, k)]));
  }
  return value;
}

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
/** 6 hex chars: enough to tell two values apart in a log, too little to recover them. */
const shortHash = (value: unknown) => createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('hex').slice(0, 6);
const describe = (value: unknown) => (value === undefined ? 'absent' : `${typeOf(value)}#${shortHash(value)}`);

function diffValues(a: unknown, b: unknown, path: string, out: string[]): void {
  if (out.length >= MAX_DIFFS) return;
  if (typeOf(a) === 'object' && typeOf(b) === 'object') {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    for (const k of [...keys].sort()) diffValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length ${a.length} != ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) diffValues(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${describe(a)} != ${describe(b)}`);
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

/** Compares the primary answer (`a`, the one the caller got) with the shadow's (`b`). */
export function compareAnswers(a: Answer, b: Answer): Comparison {
  const diffs: string[] = [];
  if (a.status !== b.status) diffs.push(`status: ${a.status} != ${b.status}`);
  const [ja, jb] = [parseJson(a.body), parseJson(b.body)];
  if (ja.ok && jb.ok) diffValues(normalise(ja.value), normalise(jb.value), '$', diffs);
  else if (!a.body.equals(b.body)) diffs.push(`body: ${a.body.length} bytes#${shortHash(a.body.toString('base64'))} != ${b.body.length} bytes#${shortHash(b.body.toString('base64'))}`);
  return { match: diffs.length === 0, diffs: diffs.slice(0, MAX_DIFFS) };
}
