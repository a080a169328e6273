import { listBody, objectBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { listAssets, putAsset, removeAsset } from './service';

export default defineOperations(group, {
  'GET /asset': async ({ query, whoami, deps }) => json(200, listBody('assets', await listAssets(deps, whoami, query))),
  'PUT /asset': async ({ request, whoami, deps }) => json(200, { assets: [publicView(await putAsset(deps, whoami, objectBody(request)))] }),
  'DELETE /asset': async ({ request, whoami, deps }) => json(200, { assets: [publicView(await removeAsset(deps, whoami, objectBody(request).key))] }),
});
