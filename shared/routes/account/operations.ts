import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import { objectBody } from '../../api/input';
import group from './routes';
import { addAccount, removeAccount } from './service';

/** The member from the path: API Gateway and Hono both hand it over decoded. */
const member = (pathParameters: Readonly<Record<string, string>>) => pathParameters.member ?? '';

export default defineOperations(group, {
  'POST /account/{member}': async ({ request, whoami, deps }) =>
    json(200, { accounts: [publicView(await addAccount(deps, whoami, member(request.pathParameters), request.body ? objectBody(request) : {}))] }),
  'DELETE /account/{member}': async ({ request, whoami, deps }) =>
    json(200, { accounts: [publicView(await removeAccount(deps, whoami, member(request.pathParameters), request.body ? objectBody(request) : {}))] }),
});
