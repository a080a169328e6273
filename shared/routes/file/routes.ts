import * as z from 'zod';
import { ListQuery } from '../../api/input';
import { FileName } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { Bytes, FileView, listOf, written } from '../../routing/schemas';

/** `GET /file`: with `name`, a download URL; without, the list of file rows. */
export const FileQuery = ListQuery.extend({ name: FileName.optional() });
export const FileUploadQuery = z.object({ name: FileName });
export const EncryptedFileQuery = z.object({ name: FileName.describe('A path under _encrypted/') });
const Url = z.object({ url: z.string().describe('Presigned URL') });

/**
 * Files: presigned download and upload URLs, and their metadata rows; the bytes themselves for browsers and for
 * `_encrypted/` files. The only group on the files bucket.
 */
export default defineRouteGroup({
  name: 'file',
  service: 'operations',
  access: { table: 'readWrite', files: true },
  routes: {
    'GET /file': {
      auth: 'jwt',
      summary: 'A file: its presigned download URL ({url}); a browser (Origin) gets the bytes, or a 302 to the URL above 4 MiB. Without name: the list',
      query: FileQuery,
      responses: { 200: z.union([Url, listOf('files', FileView)]), 302: Url },
    },
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
    'PUT /encrypted-file': {
      auth: 'jwt',
      summary: 'Store an _encrypted/ file: the raw bytes as the body (at most 4 MiB), kept under KMS encryption, never behind a presigned URL',
      query: EncryptedFileQuery,
      body: Bytes,
      responses: { 200: written('files', FileView) },
    },
    'GET /encrypted-file': { auth: 'jwt', summary: 'The bytes of an _encrypted/ file', query: EncryptedFileQuery, responses: { 200: Bytes } },
  },
});
