/**
 * FileStore on a local directory, for `npm start`. URLs look like
 *   `${publicUrl}/files/<tenant prefix>/<name>?method=PUT&expires=<epoch s>&sig=<hmac>`
 * and the local gateway serves them with `resolve()` + `read()`/`write()`: the HMAC covers method,
 * path and expiry, so a URL cannot be reused for another file, tenant or method, or after it expires.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { forbidden, notFound } from '../errors';
import { DEFAULT_URL_SECONDS, objectKey, type FileStore } from './file-store';

export const LOCAL_FILES_PATH = '/files/';

export class LocalFileStore implements FileStore {
  private readonly root: string;

  constructor(
    dir: string,
    private readonly publicUrl: string,
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.root = resolve(dir);
  }

  private sign(method: string, objectPath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${method}\n${objectPath}\n${expires}`).digest('base64url');
  }

  private url(method: 'GET' | 'PUT', tenant: string, name: string, expiresIn: number): string {
    const objectPath = objectKey(tenant, name);
    const expires = Math.floor(this.now() / 1000) + expiresIn;
    const encoded = objectPath.split('/').map(encodeURIComponent).join('/');
    return `${this.publicUrl}${LOCAL_FILES_PATH}${encoded}?method=${method}&expires=${expires}&sig=${this.sign(method, objectPath, expires)}`;
  }

  async uploadUrl(tenant: string, name: string, expiresIn = DEFAULT_URL_SECONDS): Promise<string> {
    return this.url('PUT', tenant, name, expiresIn);
  }

  async downloadUrl(tenant: string, name: string, expiresIn = DEFAULT_URL_SECONDS): Promise<string> {
    return this.url('GET', tenant, name, expiresIn);
  }

  /**
   * Checks a request to a URL made above and returns the file's absolute path. 403 on a bad,
   * expired or wrong-method signature; the path can never leave the store's directory.
   */
  resolve(method: string, pathname: string, query: Readonly<Record<string, string | undefined>>): string {
    if (!pathname.startsWith(LOCAL_FILES_PATH)) throw notFound();
    let objectPath: string;
    try {
      objectPath = pathname.slice(LOCAL_FILES_PATH.length).split('/').map(decodeURIComponent).join('/');
    } catch {
      throw forbidden('bad file URL');
    }
    const expires = Number(query.expires);
    const given = Buffer.from(query.sig ?? '', 'base64url');
    const expected = Buffer.from(this.sign(method.toUpperCase(), objectPath, expires), 'base64url');
    if (query.method !== method.toUpperCase() || !Number.isFinite(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw forbidden('bad file URL signature');
    }
    if (expires * 1000 < this.now()) throw forbidden('file URL expired');
    const file = resolve(this.root, objectPath);
    if (!file.startsWith(this.root + sep)) throw forbidden('bad file path');
    return file;
  }

  async read(file: string): Promise<Buffer> {
    try {
      return await readFile(file);
    } catch {
      throw notFound('file not found');
    }
  }

  async write(file: string, bytes: Uint8Array): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }

  /** A local directory has no KMS: `_encrypted/` files are plain files here, as the rest of the local stack is. */
  async getBytes(tenant: string, name: string, maxBytes: number): Promise<Uint8Array | 'too-large' | undefined> {
    const file = this.pathOf(tenant, name);
    const size = await stat(file).then((s) => s.size, () => undefined);
    if (size === undefined) return undefined;
    return size > maxBytes ? 'too-large' : this.read(file);
  }

  async putBytes(tenant: string, name: string, bytes: Uint8Array): Promise<void> {
    await this.write(this.pathOf(tenant, name), bytes);
  }

  /** The absolute path of a tenant's file (for tests and tooling); never outside the store's directory. */
  pathOf(tenant: string, name: string): string {
    const file = resolve(this.root, objectKey(tenant, name));
    if (!file.startsWith(this.root + sep)) throw forbidden('bad file path');
    return file;
  }
}
