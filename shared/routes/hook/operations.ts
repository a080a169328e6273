import type { ApiRequest } from '../../http/types';
import type { ApiDependencies } from '../../api/dependencies';
import { jsonBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { ingest } from './service';


const receive = async (request: ApiRequest, deps: ApiDependencies) => {
  const { username = '', pin = '' } = request.pathParameters;
  const { assets, risks } = await ingest(deps, username, pin, () => jsonBody(request));
  return json(200, { assets: assets.map(publicView), risks: risks.map(publicView) });
};

/** `POST` as documented, `PUT` as praetorian-cli's test_webhook sends it: the same webhook (docs/client-compat.md, conflict 16). */
export default defineOperations(group, {
  'POST /hook/{username}/{pin}': async ({ request, deps }) => receive(request, deps),
  'PUT /hook/{username}/{pin}': async ({ request, deps }) => receive(request, deps),
});
