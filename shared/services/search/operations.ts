import type { Operation } from '../../api/operation';
import { json } from '../../api/respond';
import { jsonBody, parseQuery, SearchQuery } from '../input';
import { searchGraphOf, searchTable } from './service';
import { GraphSearchParams } from '../../graph/query';
import { caller } from '../caller';

export const searchOperations = {
  'GET /my': async ({ request, whoami, deps }) => {
    const { groups, offset } = await searchTable(deps, caller(whoami), parseQuery(SearchQuery, request));
    return json(200, { ...groups, ...(offset ? { offset } : {}) });
  },
  'POST /my': async ({ request, whoami, deps }) =>
    json(200, await searchGraphOf(deps, caller(whoami), jsonBody(request), parseQuery(GraphSearchParams, request))),
} satisfies Record<string, Operation>;
