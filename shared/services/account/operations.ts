import type { Operation } from '../../api/operation';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { caller } from '../caller';
import { objectBody } from '../input';
import { addAccount, removeAccount } from './service';

/** The member from the path: API Gateway and Hono both hand it over decoded. */
const member = (pathParameters: Readonly<Record<string, string>>) => pathParameters.member ?? '';

export const accountOperations = {
  'POST /account/{member}': async ({ request, whoami, deps }) =>
    json(200, { accounts: [publicView(await addAccount(deps, caller(whoami), member(request.pathParameters), request.body ? objectBody(request) : {}))] }),
  'DELETE /account/{member}': async ({ request, whoami, deps }) =>
    json(200, { accounts: [publicView(await removeAccount(deps, caller(whoami), member(request.pathParameters), request.body ? objectBody(request) : {}))] }),
} satisfies Record<string, Operation>;
