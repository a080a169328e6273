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

const mac = (secret: string, scope: string, payload: string): Buffer =>
  createHmac('sha256', secret).update(scope).update('\n').update(payload).digest();

/** `scope` identifies the tenant partition and the query (see TenantRepository.query). */
export function encodeOffset(secret: string, scope: string, lastEvaluatedKey: Record<string, unknown>): string {
  const payload = Buffer.from(canonical(lastEvaluatedKey as Json)).toString('base64url');
  return `${payload}.${mac(secret, scope, payload).toString('base64url')}`;
}

export function decodeOffset(secret: string, scope: string, token: string): Record<string, unknown> {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || token.length > 4096) throw invalidInput('invalid offset');
  const expected = mac(secret, scope, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidInput('invalid offset');
  const decoded: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!decoded || typeof decoded !== 'object' || Array.isArray(decoded)) throw invalidInput('invalid offset');
  return decoded as Record<string, unknown>;
}
