import type { Operation } from '../../api/operation';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { caller } from '../caller';
import { ListQuery, listBody, objectBody, parseQuery } from '../input';
import { listAssets, putAsset, removeAsset } from './service';

export const assetOperations = {
  'GET /asset': async ({ request, whoami, deps }) => json(200, listBody('assets', await listAssets(deps, caller(whoami), parseQuery(ListQuery, request)))),
  'PUT /asset': async ({ request, whoami, deps }) => json(200, { assets: [publicView(await putAsset(deps, caller(whoami), objectBody(request)))] }),
  'DELETE /asset': async ({ request, whoami, deps }) => json(200, { assets: [publicView(await removeAsset(deps, caller(whoami), objectBody(request).key))] }),
} satisfies Record<string, Operation>;
