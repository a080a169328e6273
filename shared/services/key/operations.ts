import type { Operation } from '../../api/operation';
import { json } from '../../api/respond';
import { caller } from '../caller';
import { ListQuery, listBody, objectBody, parseQuery } from '../input';
import { createApiKey, listApiKeys } from './service';

export const keyOperations = {
  'GET /key': async ({ request, whoami, deps }) => json(200, listBody('keys', await listApiKeys(deps, caller(whoami), parseQuery(ListQuery, request)))),
  'POST /key': async ({ request, whoami, deps }) => json(201, { keys: [await createApiKey(deps, caller(whoami), objectBody(request))] }),
} satisfies Record<string, Operation>;
