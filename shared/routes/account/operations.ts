import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import { objectBody } from '../../api/input';
import { clientAccountView } from '../../clients/account-view';
import group from './routes';
import { accountAlerts, addAccount, purgeTenant, putConfiguration, putSetting, removeAccount, removeConfiguration, removeSetting } from './service';

/** The member from the path: API Gateway and Hono both hand it over decoded. */
const member = (pathParameters: Readonly<Record<string, string>>) => pathParameters.member ?? '';

/** Every client reads the bare row, with `config` (chariot-ui) beside `settings` (docs/client-compat.md, conflict 12). */
export default defineOperations(group, {
  'POST /account/{member}': async ({ request, whoami, deps }) =>
    json(200, clientAccountView(publicView(await addAccount(deps, whoami, member(request.pathParameters), request.body ? objectBody(request) : {})))),
  'DELETE /account/purge': async ({ whoami, deps }) => json(200, await purgeTenant(deps, whoami)),
  'DELETE /account/{member}': async ({ request, whoami, deps }) =>
    json(200, clientAccountView(publicView(await removeAccount(deps, whoami, member(request.pathParameters), request.body ? objectBody(request) : {})))),
  'PUT /setting': async ({ request, whoami, deps }) => json(200, { settings: [publicView(await putSetting(deps, whoami, objectBody(request)))] }),
  'DELETE /setting': async ({ request, whoami, deps }) => {
    const removed = await removeSetting(deps, whoami, objectBody(request));
    return json(200, { settings: removed ? [publicView(removed)] : [] });
  },
  'PUT /configuration': async ({ request, whoami, deps }) => json(200, { configurations: [publicView(await putConfiguration(deps, whoami, objectBody(request)))] }),
  'DELETE /configuration': async ({ request, whoami, deps }) => {
    const removed = await removeConfiguration(deps, whoami, objectBody(request));
    return json(200, { configurations: removed ? [publicView(removed)] : [] });
  },
  'GET /account/alert': async ({ whoami, deps }) => json(200, await accountAlerts(deps, whoami)),
});
