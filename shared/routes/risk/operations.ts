import { listBody, objectBody } from '../../api/input';
import { json } from '../../api/respond';
import type { ApiRequest } from '../../http/types';
import { publicView, type Risk } from '../../model';
import { defineOperations } from '../../routing/route-group';
import { clientKind, readsUiRiskVocabulary } from '../../clients/client-kind';
import { clientRiskView } from '../../clients/risk-status';
import group from './routes';
import { bulkJob } from '../../clients/bulk';
import { addRisk, listRisks, putRisk, removeRisk, bulkRisks } from './service';

/** A risk as the sender reads it: browsers (chariot-ui) get its `C…` closed statuses back (docs/client-compat.md, conflict 2). */
export const riskAnswerFor = (request: ApiRequest) => {
  const ui = readsUiRiskVocabulary(clientKind(request.headers));
  return (risk: Risk) => clientRiskView(publicView(risk), ui);
};

export default defineOperations(group, {
  'GET /risk': async ({ request, query, whoami, deps }) => json(200, listBody('risks', await listRisks(deps, whoami, query), riskAnswerFor(request))),
  'POST /risk': async ({ request, whoami, deps }) => {
    const { risk, created } = await addRisk(deps, whoami, objectBody(request));
    return json(created ? 201 : 200, { risks: [riskAnswerFor(request)(risk)] });
  },
  'PUT /risk': async ({ request, whoami, deps }) => json(200, { risks: [riskAnswerFor(request)(await putRisk(deps, whoami, objectBody(request)))] }),
  'DELETE /risk': async ({ request, whoami, deps }) => {
    const risk = await removeRisk(deps, whoami, objectBody(request));
    return json(200, { risks: risk ? [riskAnswerFor(request)(risk)] : [] });
  },
  'POST /bulk/risk': async ({ request, whoami, deps }) => json(200, bulkJob('risk', (await bulkRisks(deps, whoami, objectBody(request))).map((row) => row.key))),
});
