import type { Operation } from '../../api/operation';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { jsonBody } from '../input';
import { ingest } from './service';

export const hookOperations = {
  'POST /hook/{username}/{pin}': async ({ request, deps }) => {
    const { username = '', pin = '' } = request.pathParameters;
    const { assets, risks } = await ingest(deps, username, pin, () => jsonBody(request));
    return json(200, { assets: assets.map(publicView), risks: risks.map(publicView) });
  },
} satisfies Record<string, Operation>;
