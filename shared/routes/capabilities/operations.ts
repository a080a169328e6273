import { json } from '../../api/respond';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { listCapabilities } from './service';

export default defineOperations(group, {
  'GET /capabilities': async ({ query, whoami }) => json(200, { capabilities: listCapabilities(whoami, query) }),
});
