/**
 * Pagination offsets: DynamoDB's LastEvaluatedKey, made opaque and unforgeable. The token is
 * `<base64url(canonical JSON)>.<HMAC-SHA256>`, and the MAC covers the tenant partition and the
 * query, so a token replayed by another tenant (or on another query) is rejected with 400.
 * Deterministic: Lambda and Hono produce the same token for the same page.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalidInput } from '../errors';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The offset HMAC keys: `current` signs; `previous` (the key before the last rotation) and `next` (the key the
 * next rotation will promote) also verify. So a process that read the ring before a rotation (a Fargate task
 * keeps the ring it started with) accepts what the rotated processes sign, and they accept what it signs.
 * Stored as this JSON in Secrets Manager (lib/offset-key.ts); lambdas/offset-key-rotation/ advances it.
 */
export interface OffsetKeyRing {
  readonly current: string;
  readonly previous?: string;
  readonly next?: string;
}

const RING_SHAPE = '{"current": "...", "previous"?: "...", "next"?: "..."}';

/** Parses the secret's JSON; a key shorter than 32 characters is refused (a test value leaking into AWS, say). */
export function parseOffsetKeyRing(text: string): OffsetKeyRing {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`the offset key secret must be JSON ${RING_SHAPE}`);
  }
  const ring = parsed as Partial<Record<'current' | 'previous' | 'next', unknown>>;
  const ok = (key: unknown) => typeof key === 'string' && key.length >= 32;
  const okIfGiven = (key: unknown) => key === undefined || ok(key);
  if (!ring || typeof ring !== 'object' || !ok(ring.current) || !okIfGiven(ring.previous) || !okIfGiven(ring.next)) {
    throw new Error(`the offset key secret must be JSON ${RING_SHAPE} with keys of at least 32 characters`);
  }
  return { current: ring.current as string, previous: ring.previous as string | undefined, next: ring.next as string | undefined };
}

/** base64url of the MAC: compared as this text, so both sides of timingSafeEqual have the token's own encoding. */
const mac = (secret: string, scope: string, payload: string): string =>
  createHmac('sha256', secret).update(scope).update('\n').update(payload).digest('base64url');

/** Constant-time text comparison; buffers of different lengths never reach timingSafeEqual. */
function sameText(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given, 'utf8'), Buffer.from(expected, 'utf8')];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `scope` identifies the tenant partition and the query (see TenantRepository.query). */
export function encodeOffset(keys: OffsetKeyRing, scope: string, lastEvaluatedKey: Record<string, unknown>): string {
  const payload = Buffer.from(canonical(lastEvaluatedKey as Json)).toString('base64url');
  return `${payload}.${mac(keys.current, scope, payload)}`;
}

export function decodeOffset(keys: OffsetKeyRing, scope: string, token: string): Record<string, unknown> {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || token.length > 4096) throw invalidInput('invalid offset');
  // Every key is checked (no early exit), so timing does not tell which key signed.
  const matches = [keys.current, keys.previous, keys.next].filter((key): key is string => key !== undefined).map((key) => sameText(signature, mac(key, scope, payload)));
  if (!matches.includes(true)) throw invalidInput('invalid offset');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalidInput('invalid offset');
  }
  if (!decoded || typeof decoded !== 'object' || Array.isArray(decoded)) throw invalidInput('invalid offset');
  return decoded as Record<string, unknown>;
}
