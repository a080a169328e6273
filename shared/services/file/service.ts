/** Files: metadata rows `#file#<name>` in the table, bytes in the FileStore behind presigned URLs. */
import * as z from 'zod';
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { notFound, unavailable } from '../../errors';
import { FileName, fileKey, newFile, parseInput, type FileRow } from '../../model';
import type { FileStore } from '../../files/file-store';
import { ListQuery } from '../input';
import { listEntities } from '../list';

type Deps = Pick<ApiDependencies, 'repository' | 'files'>;

function fileStore(deps: Deps): FileStore {
  if (!deps.files) throw unavailable('file storage is not configured');
  return deps.files;
}

/** `GET /file`: with `name`, a download URL for that file; without, the list of files. */
export const FileQuery = ListQuery.extend({ name: FileName.optional() });

export const listFiles = (deps: Deps, whoami: Whoami, query: ListQuery) => listEntities<FileRow>(deps, whoami, 'file', query);

/** Any role. 404 when the tenant has no such file row. */
export async function downloadUrl(deps: Deps, whoami: Whoami, name: string): Promise<string> {
  const store = fileStore(deps);
  const row = await deps.repository(whoami).get<FileRow>(fileKey(name));
  if (!row) throw notFound(`file ${name} not found`);
  return store.downloadUrl(whoami.tenant, row.name);
}

export const FileUploadQuery = z.object({ name: FileName });

/** Analyst or above. Records (or re-stamps) the metadata row and returns it with an upload URL. */
export async function recordUpload(deps: Deps, whoami: Whoami, name: string): Promise<{ file: FileRow; url: string }> {
  requireRole(whoami, 'analyst');
  const store = fileStore(deps);
  const row = newFile(whoami.tenant, parseInput(FileName, name));
  const file = await deps.repository(whoami).put(row);
  return { file, url: await store.uploadUrl(whoami.tenant, file.name) };
}
