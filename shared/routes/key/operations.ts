import { listBody, objectBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { createApiKey, listApiKeys, revokeKey } from './service';

/** `POST /key` and `DELETE /key` answer the bare key: what praetorian-cli 2.x reads (docs/client-compat.md, conflict 15). */
export default defineOperations(group, {
  'GET /key': async ({ query, whoami, deps }) => json(200, listBody('keys', await listApiKeys(deps, whoami, query))),
  'POST /key': async ({ request, whoami, deps }) => json(201, await createApiKey(deps, whoami, objectBody(request))),
  'DELETE /key': async ({ request, whoami, deps }) => json(200, publicView(await revokeKey(deps, whoami, objectBody(request)))),
});
