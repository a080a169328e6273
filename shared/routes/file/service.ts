/** Files: metadata rows `#file#<name>` in the table, bytes in the FileStore behind presigned URLs. */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { notFound, unavailable } from '../../errors';
import { FileName, fileKey, newFile, parseInput, type FileRow } from '../../model';
import type { FileStore } from '../../files/file-store';
import type { ListQuery } from '../../api/input';
import { listEntities } from '../../api/list';

type Deps = Pick<ApiDependencies, 'repository' | 'files'>;

function fileStore(deps: Deps): FileStore {
  if (!deps.files) throw unavailable('file storage is not configured');
  return deps.files;
}

/** `GET /file`: with `name`, a download URL for that file; without, the list of files. */
export const listFiles = (deps: Deps, whoami: Whoami, query: ListQuery) => listEntities<FileRow>(deps, whoami, 'file', query);

/** Any role. 404 when the tenant has no such file row. */
export async function downloadUrl(deps: Deps, whoami: Whoami, name: string): Promise<string> {
  const store = fileStore(deps);
  const row = await deps.repository(whoami).get<FileRow>(fileKey(name));
  if (!row) throw notFound(`file ${name} not found`);
  return store.downloadUrl(whoami.tenant, row.name);
}

/** Analyst or above. Records (or re-stamps) the metadata row and returns it with an upload URL. */
export async function recordUpload(deps: Deps, whoami: Whoami, name: string): Promise<{ file: FileRow; url: string }> {
  requireRole(whoami, 'analyst');
  const store = fileStore(deps);
  const row = newFile(whoami.tenant, parseInput(FileName, name));
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
