import { listBody, objectBody } from '../../api/input';
import { json } from '../../api/respond';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { createApiKey, listApiKeys } from './service';

export default defineOperations(group, {
  'GET /key': async ({ query, whoami, deps }) => json(200, listBody('keys', await listApiKeys(deps, whoami, query))),
  'POST /key': async ({ request, whoami, deps }) => json(201, { keys: [await createApiKey(deps, whoami, objectBody(request))] }),
});
