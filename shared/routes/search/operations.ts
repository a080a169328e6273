import { jsonBody } from '../../api/input';
import { json } from '../../api/respond';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { searchGraphOf, searchTable } from './service';
import { GraphSearchParams } from '../../graph/query';
import { parseInput } from '../../model/common';

export default defineOperations(group, {
  'GET /my': async ({ query, whoami, deps }) => {
    const { groups, offset } = await searchTable(deps, whoami, query);
    return json(200, { ...groups, ...(offset ? { offset } : {}) });
  },
  'POST /my': async ({ request, whoami, deps }) =>
    json(200, await searchGraphOf(deps, whoami, jsonBody(request), parseInput(GraphSearchParams, request.query))),
});
