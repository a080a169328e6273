/**
 * API key: `#key#<id>`, id = base32 of 16 random bytes. The secret (32 random bytes, base64url) is
 * shown once; only its SHA-256 is stored (`hash`). A fast hash is enough because the secret is
 * 256 random bits (nothing to brute-force), and it keeps key checks at microseconds unlike scrypt.
 * Clients present `x-api-key: <id>.<secret>`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { ROLES, type Role } from '../auth/whoami';
import { invalidInput } from '../errors';
import { compact, now, parseInput, type BaseRow } from './common';

export interface ApiKey extends BaseRow {
  id: string;
  /** Same as id; the byKeyId index is keyed on it (only Key rows carry it). */
  keyId: string;
  name: string;
  creator: string;
  created: string;
  expires: string;
  status: 'A' | 'D';
  /** The ceiling: sessions using the key get min(role, the creator's role). */
  role?: Role;
  hash: string;
  visited?: string;
  deleted?: string;
  deleter?: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** RFC 4648 base32 with padding (Go's base32.StdEncoding). */
export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out.padEnd(Math.ceil(out.length / 8) * 8, '=');
}

export const KEY_ID = /^[A-Z2-7]{26}={6}$/;
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
export function secretMatches(key: Pick<ApiKey, 'hash'>, secret: string): boolean {
  const expected = Buffer.from(key.hash, 'hex');
  const actual = createHash('sha256').update(secret).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export const ApiKeyInput = z.object({
  name: z.string().trim().min(1, 'name is required').max(128),
  /** RFC3339 expiry; default 90 days. */
  expires: z.iso.datetime({ offset: true, error: 'expires must be an RFC3339 timestamp' }).optional(),
  role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` }).optional(),
});

export const apiKeyKey = (id: string): string => `#key#${id}`;

/** A new key row plus the one-time secret and the header value to present. */
export function newApiKey(tenant: string, creator: string, raw: unknown, at = new Date()): { row: ApiKey; secret: string; token: string } {
  const input = parseInput(ApiKeyInput, raw);
  const expires = input.expires ? new Date(input.expires) : new Date(at.getTime() + 90 * 86400_000);
  if (expires.getTime() <= at.getTime()) throw invalidInput('expires must be in the future');
  const id = base32(randomBytes(16));
  const { secret, hash, token } = newApiKeySecret(id);
  const row: ApiKey = compact({
    username: tenant,
    key: apiKeyKey(id),
    id,
    keyId: id,
    name: input.name,
    creator,
    created: now(at),
    expires: now(expires),
    status: 'A' as const,
    role: input.role,
    hash,
  });
  return { row, secret, token };
}

/** A fresh secret for key `id`: the secret (shown once), its hash (stored) and the `x-api-key` value. */
export function newApiKeySecret(id: string): { secret: string; hash: string; token: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret), token: `${id}.${secret}` };
}

/** Revocation is a status change (D), so the audit trail stays. */
export const revokeApiKey = (key: ApiKey, by: string, at = new Date()): ApiKey => ({ ...key, status: 'D', deleted: now(at), deleter: by });

