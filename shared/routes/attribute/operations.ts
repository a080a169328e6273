import { listBody, objectBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { bulkJob } from '../../clients/bulk';
import { listAttributes, putAttribute, removeAttribute, bulkAttributes } from './service';

export default defineOperations(group, {
  'GET /attribute': async ({ query, whoami, deps }) => json(200, listBody('attributes', await listAttributes(deps, whoami, query))),
  'PUT /attribute': async ({ request, whoami, deps }) => json(200, { attributes: [publicView(await putAttribute(deps, whoami, objectBody(request)))] }),
  'POST /attribute': async ({ request, whoami, deps }) => json(200, { attributes: [publicView(await putAttribute(deps, whoami, objectBody(request)))] }),
  'DELETE /attribute': async ({ request, whoami, deps }) => json(200, { attributes: [publicView(await removeAttribute(deps, whoami, objectBody(request).key))] }),
  'POST /bulk/attribute': async ({ request, whoami, deps }) => json(200, bulkJob('attribute', (await bulkAttributes(deps, whoami, objectBody(request))).map((row) => row.key))),
});
