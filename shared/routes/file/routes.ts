import * as z from 'zod';
import { ListQuery } from '../../api/input';
import { FileName } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { FileView, listOf, written } from '../../routing/schemas';

/** `GET /file`: with `name`, a download URL; without, the list of file rows. */
export const FileQuery = ListQuery.extend({ name: FileName.optional() });
export const FileUploadQuery = z.object({ name: FileName });
const Url = z.object({ url: z.string().describe('Presigned URL') });

/** Files: presigned download and upload URLs, and their metadata rows. The only group on the files bucket. */
export default defineRouteGroup({
  name: 'file',
  service: 'operations',
  access: { table: 'readWrite', files: true },
  routes: {
    'GET /file': { auth: 'jwt', summary: 'Presigned download URL for a file', query: FileQuery, responses: { 200: z.union([Url, listOf('files', FileView)]) } },
    'DELETE /file': {
      auth: 'jwt',
      summary: 'Delete a file (its row); a missing file is already gone: {"files":[]}',
      query: FileUploadQuery,
      responses: { 200: written('files', FileView) },
    },
    'PUT /file': {
      auth: 'jwt',
      summary: 'Record file metadata and return a presigned upload URL',
      query: FileUploadQuery,
      responses: { 200: written('files', FileView).extend(Url.shape) },
    },
  },
});
