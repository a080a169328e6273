/**
 * Where file bytes live. Metadata is a `#file#<name>` row in the table; the bytes are an object at
 * `<tenant prefix>/<name>`, reached through short-lived presigned URLs (S3 in AWS, a local
 * directory served by the local gateway in `npm start`). The tenant prefix is a hash, so object
 * paths never carry an email and one tenant's URL cannot be edited into another's.
 */
import { createHash } from 'node:crypto';

export interface FileStore {
  /** A URL the client may PUT the bytes to. */
  uploadUrl(tenant: string, name: string, expiresInSeconds?: number): Promise<string>;
  /** A URL the client may GET the bytes from. */
  downloadUrl(tenant: string, name: string, expiresInSeconds?: number): Promise<string>;
  /** Writes bytes the server made itself (an export), replacing any. */
  putBytes(tenant: string, name: string, bytes: Uint8Array, contentType: string): Promise<void>;
}

export const DEFAULT_URL_SECONDS = 3600;

/** Stable, non-reversible per-tenant object prefix. */
export const tenantPrefix = (tenant: string): string => createHash('sha256').update(tenant).digest('hex').slice(0, 32);

/** `<tenant prefix>/<name>`, with each path segment URL-encoded. */
export const objectKey = (tenant: string, name: string): string => `${tenantPrefix(tenant)}/${name}`;
