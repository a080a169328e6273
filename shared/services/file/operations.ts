import type { Operation } from '../../api/operation';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { caller } from '../caller';
import { listBody, parseQuery } from '../input';
import { downloadUrl, FileQuery, FileUploadQuery, listFiles, recordUpload } from './service';

export const fileOperations = {
  'GET /file': async ({ request, whoami, deps }) => {
    const { name, ...list } = parseQuery(FileQuery, request);
    if (name !== undefined) return json(200, { url: await downloadUrl(deps, caller(whoami), name) });
    return json(200, listBody('files', await listFiles(deps, caller(whoami), list)));
  },
  'PUT /file': async ({ request, whoami, deps }) => {
    const { file, url } = await recordUpload(deps, caller(whoami), parseQuery(FileUploadQuery, request).name);
    return json(200, { files: [publicView(file)], url });
  },
} satisfies Record<string, Operation>;
