import { listBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { downloadUrl, listFiles, recordUpload, removeFile } from './service';

export default defineOperations(group, {
  'GET /file': async ({ query: { name, ...list }, whoami, deps }) => {
    if (name !== undefined) return json(200, { url: await downloadUrl(deps, whoami, name) });
    return json(200, listBody('files', await listFiles(deps, whoami, list)));
  },
  'DELETE /file': async ({ query, whoami, deps }) => {
    const removed = await removeFile(deps, whoami, query.name);
    return json(200, { files: removed ? [publicView(removed)] : [] });
  },
  'PUT /file': async ({ query, whoami, deps }) => {
    const { file, url } = await recordUpload(deps, whoami, query.name);
    return json(200, { files: [publicView(file)], url });
  },
});
