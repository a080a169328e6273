/**
 * Where file bytes live. Metadata is a `#file#<name>` row in the table; the bytes are an object at
 * `<tenant prefix>/<name>`, reached through short-lived presigned URLs (S3 in AWS, a local
 * directory served by the local gateway in `npm start`). The tenant prefix is a hash, so object
 * paths never carry an email and one tenant's URL cannot be edited into another's.
 */
import { createHash } from 'node:crypto';

export interface PutBytesOptions {
  /** Default `application/octet-stream`. */
  readonly contentType?: string;
  readonly encrypted?: boolean;
}

export interface FileStore {
  /** A URL the client may PUT the bytes to. */
  uploadUrl(tenant: string, name: string, expiresInSeconds?: number): Promise<string>;
  /** A URL the client may GET the bytes from. */
  downloadUrl(tenant: string, name: string, expiresInSeconds?: number): Promise<string>;
  /**
   * The bytes themselves, for answers that carry them (browser downloads, `_encrypted/` files): undefined when
   * there is no object, `too-large` when it has more than `maxBytes` (nothing beyond that is read).
   */
  getBytes(tenant: string, name: string, maxBytes: number): Promise<Uint8Array | 'too-large' | undefined>;
  /**
   * Stores bytes the API received or made itself (`PUT /encrypted-file`, an export), replacing any; `encrypted`
   * asks for the store's KMS encryption.
   */
  putBytes(tenant: string, name: string, bytes: Uint8Array, options?: PutBytesOptions): Promise<void>;
}

export const DEFAULT_URL_SECONDS = 3600;

/**
 * The most bytes an answer or a request carries in its body. A Lambda's synchronous answer is at most 6 MB, and
 * API Gateway hands binary to and from it base64-encoded (4/3 larger), so 4 MiB of file (5.6 MB encoded) is the most
 * that fits with headers to spare. Both runtimes use the same limit, so they answer alike: above it a browser
 * download is redirected to the presigned URL, and an `_encrypted/` file is refused (413).
 */
export const INLINE_FILE_BYTES = 4 * 1024 * 1024;

/** Stable, non-reversible per-tenant object prefix. */
export const tenantPrefix = (tenant: string): string => createHash('sha256').update(tenant).digest('hex').slice(0, 32);

/** `<tenant prefix>/<name>`, with each path segment URL-encoded. */
export const objectKey = (tenant: string, name: string): string => `${tenantPrefix(tenant)}/${name}`;
