import { listBody, objectBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { bulkJob } from '../../clients/bulk';
import { assetAnswer, listAssets, putAsset, putSeed, removeAsset, bulkAssets } from './service';

/** Writes answer the bare list `[asset]`: what chariot-ui (`data[0]`) and both SDKs (`[0]`) read. */
export default defineOperations(group, {
  'GET /asset': async ({ query, whoami, deps }) => json(200, listBody('assets', await listAssets(deps, whoami, query), assetAnswer)),
  'PUT /asset': async ({ request, whoami, deps }) => json(200, [assetAnswer(await putAsset(deps, whoami, objectBody(request)))]),
  'POST /asset': async ({ request, whoami, deps }) => json(200, [assetAnswer(await putAsset(deps, whoami, objectBody(request)))]),
  'PUT /seed': async ({ request, whoami, deps }) => {
    const seed = await putSeed(deps, whoami, objectBody(request));
    return json(200, seed ? [assetAnswer(seed)] : []);
  },
  'DELETE /asset': async ({ request, whoami, deps }) => json(200, { assets: [publicView(await removeAsset(deps, whoami, objectBody(request).key))] }),
  'POST /bulk/asset': async ({ request, whoami, deps }) => json(200, bulkJob('asset', (await bulkAssets(deps, whoami, objectBody(request))).map((row) => row.key))),
});
