/** Conventions every entity shares: timestamps, TTLs, key limits, history, and input helpers. */
import * as z from 'zod';
import { invalidInput } from '../errors';

/** RFC3339 UTC with second precision, e.g. `2026-01-02T03:04:05Z` (Chariot's `Now()`). */
export const now = (date = new Date()): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
/** RFC3339 with milliseconds: Setting.last_modified is the one field that keeps sub-second precision. */
export const nowNano = (date = new Date()): string => date.toISOString();
/** Epoch seconds `hours` from now (Chariot's `Future()`); `ttl = 0` means never expire. */
export const future = (hours: number, date = new Date()): number => Math.floor(date.getTime() / 1000) + hours * 3600;

export const TTL_HOURS = { asset: 720, risk: 720, attribute: 720, job: 168 } as const;

/** DynamoDB's sort-key limit, and Chariot's: keys are cut to this many UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;
export const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Cuts `value` so that `before + value + after` fits in `max` bytes, never splitting a character. */
export function cutToFit(before: string, value: string, after: string, max = MAX_KEY_BYTES): string {
  const room = max - byteLength(before) - byteLength(after);
  if (room <= 0) throw invalidInput('key too long');
  if (byteLength(value) <= room) return value;
  let out = '';
  for (const ch of value) {
    if (byteLength(out) + byteLength(ch) > room) break;
    out += ch;
  }
  return out;
}

export function assertKeyLength(key: string): string {
  if (byteLength(key) > MAX_KEY_BYTES) throw invalidInput(`key longer than ${MAX_KEY_BYTES} bytes`);
  return key;
}

/** Stored on every row; `version` is the optimistic-locking counter the repository maintains. */
export interface BaseRow {
  username: string;
  key: string;
  version?: number;
}

export interface HistoryRecord {
  from?: string;
  to?: string;
  by?: string;
  comment?: string;
  updated: string;
}

/**
 * Chariot's History.Update: a status change appends {from,to,by,comment} and returns true (apply
 * it); otherwise a non-empty comment appends {by,comment}. Returns the new history and whether to apply.
 */
export function recordHistory(
  history: readonly HistoryRecord[] | undefined,
  change: { from: string; to?: string; by: string; comment?: string },
  at = now(),
): { history: HistoryRecord[]; statusChanged: boolean } {
  const list = [...(history ?? [])];
  let statusChanged = false;
  if (change.to && change.to !== change.from) {
    list.push(compact({ from: change.from, to: change.to, by: change.by, comment: change.comment, updated: at }));
    statusChanged = true;
  } else if (change.comment) list.push(compact({ by: change.by, comment: change.comment, updated: at }));
  // The newest entries only: a row must stay under DynamoDB's 400 KB item limit however often it is commented on.
  return { history: list.slice(-MAX_HISTORY), statusChanged };
}

export const MAX_HISTORY = 100;

/** Numbers DynamoDB stores exactly: finite, integers within ±2^53, fractions of magnitude 1E-130 or more. */
export function isStorableNumber(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (Number.isInteger(value)) return Number.isSafeInteger(value);
  return Math.abs(value) >= 1e-130;
}

export const STORABLE_NUMBER_RULE = 'numbers must be finite: integers within ±2^53, fractions of at least 1E-130';

/** DynamoDB nests at most 32 levels in an item; free JSON sits a level or two down, so it gets 16. */
export const MAX_FREE_JSON_DEPTH = 16;

function nestedDeeperThan(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (levels === 0) return true;
  for (const child of Object.values(value)) if (nestedDeeperThan(child, levels - 1)) return true;
  return false;
}

/**
 * Free-form JSON a client may store (account settings, job config): at most 16 KB once serialised, and
 * numbers DynamoDB can hold exactly (`isStorableNumber`), nested at most `MAX_FREE_JSON_DEPTH` levels, so a write
 * never fails after validation.
 */
export const freeJson = z.unknown().superRefine((value, context) => {
  let unsafeNumber = false;
  let prototypeKey = false;
  const text = JSON.stringify(value, (key, v: unknown) => {
    if (typeof v === 'number' && !isStorableNumber(v)) unsafeNumber = true;
    if (key === '__proto__') prototypeKey = true;
    return v;
  });
  // JSON.parse keeps `__proto__` as a plain key, but the marshaller and every spread treat it as the prototype.
  if (prototypeKey) context.addIssue({ code: 'custom', message: 'keys named __proto__ are not allowed' });
  else if (unsafeNumber) context.addIssue({ code: 'custom', message: STORABLE_NUMBER_RULE });
  else if (text !== undefined && Buffer.byteLength(text) > 16_384) context.addIssue({ code: 'custom', message: 'must be at most 16 KB of JSON' });
  else if (nestedDeeperThan(value, MAX_FREE_JSON_DEPTH)) context.addIssue({ code: 'custom', message: `must nest at most ${MAX_FREE_JSON_DEPTH} levels` });
});

export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const union = (a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined =>
  a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined;

/** A key segment: non-empty, no `#` (the separator), no whitespace or control characters. */
export const segment = (what: string, max = 512) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} is too long`)
    .refine((v) => !v.includes('#'), `${what} must not contain '#'`)
    .refine((v) => !/[\s\u0000-\u001f\u007f]/.test(v), `${what} must not contain whitespace or control characters`);

export const tags = z.array(z.string().trim().min(1).max(256)).max(100);

/** `field.path: message`, the form every 400 from validation takes. */
export const describeIssue = (issue: z.core.$ZodIssue): string => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message);

/** Parses with zod; any failure becomes a 400 naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInput(describeIssue(result.error.issues[0]));
}
