import { listBody, objectBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { listJobs, queueJobs } from './service';

export default defineOperations(group, {
  'GET /job': async ({ query, whoami, deps }) => json(200, listBody('jobs', await listJobs(deps, whoami, query))),
  'PUT /job': async ({ request, whoami, deps }) => json(200, { jobs: (await queueJobs(deps, whoami, objectBody(request))).map(publicView) }),
});
