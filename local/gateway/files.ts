/**
 * The local stand-in for S3 presigned URLs: `GET|PUT /files/...?method=&expires=&sig=` URLs made by
 * LocalFileStore are served here, on the gateway's port, so a browser or curl uses them like S3 ones.
 */
import { domainErrorResponse } from '../../shared/api/respond';
import { LOCAL_FILES_PATH, type LocalFileStore } from '../../shared/files';
import { parseQueryString } from '../../shared/http/query';
import { jsonResponse, type GatewayRequest, type GatewayResponse } from '../../tooling/http-api-emulator/types';

/** Undefined when the request is not for `/files/`, so the gateway goes on to its routes. */
export function localFilesHandler(store: LocalFileStore) {
  return async (request: GatewayRequest): Promise<GatewayResponse | undefined> => {
    if (!request.path.startsWith(LOCAL_FILES_PATH)) return undefined;
    if (request.method !== 'GET' && request.method !== 'PUT') return jsonResponse(405, { error: 'use GET or PUT' });
    try {
      const file = store.resolve(request.method, request.path, parseQueryString(request.rawQueryString));
      if (request.method === 'PUT') {
        await store.write(file, request.body);
        return { status: 200, headers: {}, body: Buffer.alloc(0) };
      }
      return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: await store.read(file) };
    } catch (error) {
      const mapped = domainErrorResponse(error);
      if (!mapped) throw error;
      return jsonResponse(mapped.status, mapped.body);
    }
  };
}
