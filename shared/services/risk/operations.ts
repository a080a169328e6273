import type { Operation } from '../../api/operation';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { caller } from '../caller';
import { ListQuery, listBody, objectBody, parseQuery } from '../input';
import { addRisk, listRisks, removeRisk, updateRisk } from './service';

export const riskOperations = {
  'GET /risk': async ({ request, whoami, deps }) => json(200, listBody('risks', await listRisks(deps, caller(whoami), parseQuery(ListQuery, request)))),
  'POST /risk': async ({ request, whoami, deps }) => json(201, { risks: [publicView(await addRisk(deps, caller(whoami), objectBody(request)))] }),
  'PUT /risk': async ({ request, whoami, deps }) => json(200, { risks: [publicView(await updateRisk(deps, caller(whoami), objectBody(request)))] }),
  'DELETE /risk': async ({ request, whoami, deps }) => json(200, { risks: [publicView(await removeRisk(deps, caller(whoami), objectBody(request)))] }),
} satisfies Record<string, Operation>;
