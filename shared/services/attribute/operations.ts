import type { Operation } from '../../api/operation';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { caller } from '../caller';
import { ListQuery, listBody, objectBody, parseQuery } from '../input';
import { listAttributes, putAttribute, removeAttribute } from './service';

export const attributeOperations = {
  'GET /attribute': async ({ request, whoami, deps }) =>
    json(200, listBody('attributes', await listAttributes(deps, caller(whoami), parseQuery(ListQuery, request)))),
  'PUT /attribute': async ({ request, whoami, deps }) => json(200, { attributes: [publicView(await putAttribute(deps, caller(whoami), objectBody(request)))] }),
  'DELETE /attribute': async ({ request, whoami, deps }) =>
    json(200, { attributes: [publicView(await removeAttribute(deps, caller(whoami), objectBody(request).key))] }),
} satisfies Record<string, Operation>;
