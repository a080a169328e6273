import { json } from '../../api/respond';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { listCapabilities } from './service';

/** A bare list: the only client that reads it, praetorian-cli 2.x, iterates the answer (docs/client-compat.md, conflict 15). */
export default defineOperations(group, {
  'GET /capabilities': async ({ query, whoami }) => json(200, listCapabilities(whoami, query)),
});
