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
  /** At most 5 entries, e.g. `$.data[0].status: string#1a2b3c != number#4d5e6f`. */
  readonly diffs: readonly string[];
}

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
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** 6 hex chars: enough to tell two values apart in a log, too little to recover them. */
const shortHash = (value: unknown) => sha256(JSON.stringify(value) ?? 'undefined').slice(0, 6);

/**
 * What is compared of an answer, without the answer: its status, a hash of its normalised body, and per
 * JSON path a `type#hash` of each leaf (`array(n)` / `object` for containers), for the path diff. The
 * Lambda sends this to the shadow comparer in AWS instead of the caller's data (docs/migration.md).
 */
export interface Fingerprint {
  readonly status: number;
  /** sha256 of the normalised JSON, or of the raw bytes when the body is not JSON. */
  readonly hash: string;
  /** JSON path → `type#hash`, in walk order (object keys sorted); absent when not JSON or past MAX_LEAVES paths. */
  readonly leaves?: Readonly<Record<string, string>>;
  /** Body bytes, when the body is not JSON. */
  readonly bytes?: number;
}

const MAX_DIFFS = 5;
/** Keeps a fingerprint well inside an asynchronous invocation's payload limit (about 100 KB at most). */
export const MAX_LEAVES = 2000;

/** Walks a normalised value; false once more than MAX_LEAVES paths were needed. */
function collectLeaves(value: unknown, path: string, out: Record<string, string>, count: { n: number }): boolean {
  if (++count.n > MAX_LEAVES) return false;
  if (Array.isArray(value)) {
    out[path] = `array(${value.length})`;
    return value.every((item, i) => collectLeaves(item, `${path}[${i}]`, out, count));
  }
  if (value && typeof value === 'object') {
    out[path] = 'object';
    return Object.keys(value)
      .sort()
      .every((k) => collectLeaves((value as Record<string, unknown>)[k], `${path}.${k}`, out, count));
  }
  out[path] = `${typeOf(value)}#${shortHash(value)}`;
  return true;
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

export function fingerprint(answer: Answer): Fingerprint {
  const parsed = parseJson(answer.body);
  if (!parsed.ok) return { status: answer.status, hash: sha256(answer.body.toString('base64')), bytes: answer.body.length };
  const normalised = normalise(parsed.value);
  const leaves: Record<string, string> = {};
  const complete = collectLeaves(normalised, '$', leaves, { n: 0 });
  return { status: answer.status, hash: sha256(JSON.stringify(normalised)), ...(complete ? { leaves } : {}) };
}

const bodyOf = (f: Fingerprint) => (f.bytes === undefined ? `json#${f.hash.slice(0, 6)}` : `${f.bytes} bytes#${f.hash.slice(0, 6)}`);

/** Compares the primary answer's fingerprint (`a`, what the caller got) with the shadow's (`b`). */
export function compareFingerprints(a: Fingerprint, b: Fingerprint): Comparison {
  const diffs: string[] = [];
  if (a.status !== b.status) diffs.push(`status: ${a.status} != ${b.status}`);
  if (a.hash !== b.hash) {
    if (a.leaves && b.leaves) {
      const [left, right] = [a.leaves, b.leaves];
      for (const path of new Set([...Object.keys(left), ...Object.keys(right)])) {
        if (left[path] !== right[path]) diffs.push(`${path}: ${left[path] ?? 'absent'} != ${right[path] ?? 'absent'}`);
        if (diffs.length >= MAX_DIFFS) break;
      }
    } else diffs.push(`body: ${bodyOf(a)} != ${bodyOf(b)}`);
  }
  return { match: diffs.length === 0, diffs: diffs.slice(0, MAX_DIFFS) };
}

/** Compares the primary answer (`a`, the one the caller got) with the shadow's (`b`). */
export function compareAnswers(a: Answer, b: Answer): Comparison {
  return compareFingerprints(fingerprint(a), fingerprint(b));
}
