import { jsonBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { ingest } from './service';

export default defineOperations(group, {
  'POST /hook/{username}/{pin}': async ({ request, deps }) => {
    const { username = '', pin = '' } = request.pathParameters;
    const { assets, risks } = await ingest(deps, username, pin, () => jsonBody(request));
    return json(200, { assets: assets.map(publicView), risks: risks.map(publicView) });
  },
});
