/** Files: metadata rows `#file#<name>` in the table, bytes in the FileStore behind presigned URLs. */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { invalidInput, notFound, payloadTooLarge, unavailable } from '../../errors';
import { FileName, fileKey, newFile, parseInput, type FileRow } from '../../model';
import { INLINE_FILE_BYTES, type FileStore } from '../../files/file-store';
import type { ListQuery } from '../../api/input';
import { listEntities } from '../../api/list';

type Deps = Pick<ApiDependencies, 'repository' | 'files'>;

function fileStore(deps: Deps): FileStore {
  if (!deps.files) throw unavailable('file storage is not configured');
  return deps.files;
}

/** `GET /file`: with `name`, a download URL for that file; without, the list of files. */
export const listFiles = (deps: Deps, whoami: Whoami, query: ListQuery) => listEntities<FileRow>(deps, whoami, 'file', query);

/**
 * Files under `_encrypted/` (praetorian-cli 2.x) never travel through presigned URLs: their bytes go in and out
 * through `/encrypted-file` only, with the caller's credentials, and are stored under KMS encryption.
 */
export const ENCRYPTED_PREFIX = '_encrypted/';
const isEncrypted = (name: string) => name.startsWith(ENCRYPTED_PREFIX);

function presignable(name: string): string {
  if (isEncrypted(name)) throw invalidInput(`files under ${ENCRYPTED_PREFIX} are read and written through /encrypted-file`);
  return name;
}

async function existingFile(deps: Deps, whoami: Whoami, name: string): Promise<FileRow> {
  const row = await deps.repository(whoami).get<FileRow>(fileKey(name));
  if (!row) throw notFound(`file ${name} not found`);
  return row;
}

/** Any role. 404 when the tenant has no such file row. */
export async function downloadUrl(deps: Deps, whoami: Whoami, name: string): Promise<string> {
  const store = fileStore(deps);
  const row = await existingFile(deps, whoami, presignable(name));
  return store.downloadUrl(whoami.tenant, row.name);
}

/**
 * `GET /file?name=` from a browser (chariot-ui reads the bytes: docs/client-compat.md, conflict 1): the bytes, read
 * through the file store; a file above INLINE_FILE_BYTES (what a Lambda answer can carry) is the presigned URL to
 * redirect to instead. 404 for no row, or a row whose bytes were never uploaded.
 */
export async function downloadForBrowser(deps: Deps, whoami: Whoami, name: string): Promise<{ bytes: Uint8Array } | { url: string }> {
  const store = fileStore(deps);
  const row = await existingFile(deps, whoami, presignable(name));
  const bytes = await store.getBytes(whoami.tenant, row.name, INLINE_FILE_BYTES);
  if (bytes === undefined) throw notFound(`file ${name} has no content yet`);
  return bytes === 'too-large' ? { url: await store.downloadUrl(whoami.tenant, row.name) } : { bytes };
}

/** Analyst or above. Records (or re-stamps) the metadata row and returns it with an upload URL. */
export async function recordUpload(deps: Deps, whoami: Whoami, name: string): Promise<{ file: FileRow; url: string }> {
  requireRole(whoami, 'analyst');
  const store = fileStore(deps);
  const row = newFile(whoami.tenant, presignable(parseInput(FileName, name)));
  const file = await deps.repository(whoami).put(row);
  return { file, url: await store.uploadUrl(whoami.tenant, file.name) };
}

/**
 * `DELETE /file?name=` (both SDKs): analyst or above. Removes the file's row, so it is no longer listed or served;
 * a file that is not there is already gone (success, no row). The bytes expire with the bucket's lifecycle rules.
 */
export async function removeFile(deps: Deps, whoami: Whoami, name: string): Promise<FileRow | undefined> {
  requireRole(whoami, 'analyst');
  return deps.repository(whoami).remove<FileRow>(fileKey(parseInput(FileName, name)));
}

function encryptedName(name: string): string {
  if (!isEncrypted(name)) throw invalidInput(`name must start with ${ENCRYPTED_PREFIX}`);
  return parseInput(FileName, name);
}

/**
 * `PUT /encrypted-file?name=_encrypted/…` (praetorian-cli 2.x, the raw bytes as the body): analyst or above. Stored
 * with the file store's KMS encryption, and recorded as a file row (listed under `#file#_encrypted/`). At most
 * INLINE_FILE_BYTES, so that what is stored can always be read back through the API (413 above it).
 */
export async function putEncryptedFile(deps: Deps, whoami: Whoami, name: string, bytes: Uint8Array | undefined): Promise<FileRow> {
  requireRole(whoami, 'analyst');
  const store = fileStore(deps);
  const row = newFile(whoami.tenant, encryptedName(name));
  const content = bytes ?? new Uint8Array();
  if (content.length > INLINE_FILE_BYTES) throw payloadTooLarge(`an encrypted file holds at most ${INLINE_FILE_BYTES} bytes`);
  await store.putBytes(whoami.tenant, row.name, content, { encrypted: true });
  return deps.repository(whoami).put(row);
}

/** `GET /encrypted-file?name=_encrypted/…`: any role; the bytes. 404 for no row or no content. */
export async function getEncryptedFile(deps: Deps, whoami: Whoami, name: string): Promise<Uint8Array> {
  const store = fileStore(deps);
  const row = await existingFile(deps, whoami, encryptedName(name));
  const bytes = await store.getBytes(whoami.tenant, row.name, INLINE_FILE_BYTES);
  if (bytes === undefined) throw notFound(`file ${name} has no content`);
  if (bytes === 'too-large') throw payloadTooLarge(`file ${name} is larger than ${INLINE_FILE_BYTES} bytes`);
  return bytes;
}
