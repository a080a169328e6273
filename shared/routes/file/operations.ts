import { listBody } from '../../api/input';
import { json } from '../../api/respond';
import { clientKind, fileDownloadAnswer } from '../../clients/client-kind';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { downloadForBrowser, downloadUrl, getEncryptedFile, listFiles, putEncryptedFile, recordUpload, removeFile } from './service';

export default defineOperations(group, {
  'GET /file': async ({ request, query: { name, ...list }, whoami, deps }) => {
    if (name === undefined) return json(200, listBody('files', await listFiles(deps, whoami, list)));
    // Browsers (chariot-ui) read the bytes; the SDKs read {url} (docs/client-compat.md, conflict 1).
    if (fileDownloadAnswer(clientKind(request.headers)) === 'url') return json(200, { url: await downloadUrl(deps, whoami, name) });
    const download = await downloadForBrowser(deps, whoami, name);
    if ('bytes' in download) return { status: 200, body: download.bytes, headers: { 'cache-control': 'private, no-store' } };
    return { status: 302, body: download, headers: { location: download.url } };
  },
  'DELETE /file': async ({ query, whoami, deps }) => {
    const removed = await removeFile(deps, whoami, query.name);
    return json(200, { files: removed ? [publicView(removed)] : [] });
  },
  'PUT /file': async ({ query, whoami, deps }) => {
    const { file, url } = await recordUpload(deps, whoami, query.name);
    return json(200, { files: [publicView(file)], url });
  },
  'PUT /encrypted-file': async ({ request, query, whoami, deps }) =>
    json(200, { files: [publicView(await putEncryptedFile(deps, whoami, query.name, request.bytes))] }),
  'GET /encrypted-file': async ({ query, whoami, deps }) => ({
    status: 200,
    body: await getEncryptedFile(deps, whoami, query.name),
    headers: { 'cache-control': 'private, no-store' },
  }),
});
