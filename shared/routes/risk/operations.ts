import { listBody, objectBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { addRisk, listRisks, removeRisk, updateRisk } from './service';

export default defineOperations(group, {
  'GET /risk': async ({ query, whoami, deps }) => json(200, listBody('risks', await listRisks(deps, whoami, query))),
  'POST /risk': async ({ request, whoami, deps }) => json(201, { risks: [publicView(await addRisk(deps, whoami, objectBody(request)))] }),
  'PUT /risk': async ({ request, whoami, deps }) => json(200, { risks: [publicView(await updateRisk(deps, whoami, objectBody(request)))] }),
  'DELETE /risk': async ({ request, whoami, deps }) => json(200, { risks: [publicView(await removeRisk(deps, whoami, objectBody(request)))] }),
});
