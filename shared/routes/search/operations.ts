import { jsonBody } from '../../api/input';
import { json } from '../../api/respond';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { countTable, searchGraphOf, searchTable } from './service';
import { GraphSearchParams } from '../../graph/query';
import { parseInput } from '../../model/common';
import { clientKind, readsUiRiskVocabulary } from '../../clients/client-kind';
import type { ApiRequest } from '../../http/types';

/** Browsers (chariot-ui) read risk statuses in its own vocabulary (docs/client-compat.md, conflict 2). */
const uiVocabulary = (request: ApiRequest) => readsUiRiskVocabulary(clientKind(request.headers));

export default defineOperations(group, {
  // The raw query: parseMyQuery reads the flags and decodes the echoed offset itself.
  'GET /my': async ({ request, whoami, deps }) => {
    const { groups, offset } = await searchTable(deps, whoami, request.query, uiVocabulary(request));
    return json(200, { ...groups, ...(offset ? { offset } : {}) });
  },
  'GET /my/count': async ({ request, whoami, deps }) => json(200, await countTable(deps, whoami, request.query, uiVocabulary(request))),
  'POST /my': async ({ request, whoami, deps }) =>
    json(200, await searchGraphOf(deps, whoami, jsonBody(request), parseInput(GraphSearchParams, request.query))),
});
