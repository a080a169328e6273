import { listBody, objectBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView, type Job } from '../../model';
import { defineOperations } from '../../routing/route-group';
import { clientJobView } from '../../clients/job-status';
import group from './routes';
import { listJobs, queueJobs, requestAgent, requestJobs } from './service';

/** A job as every client compares it: the bare status code (docs/client-compat.md, conflict 8). */
const jobAnswer = (job: Job) => clientJobView(publicView(job));

export default defineOperations(group, {
  'GET /job': async ({ query, whoami, deps }) => json(200, listBody('jobs', await listJobs(deps, whoami, query))),
  'PUT /job': async ({ request, whoami, deps }) => json(200, { jobs: (await queueJobs(deps, whoami, objectBody(request))).map(publicView) }),
  'POST /job': async ({ request, whoami, deps }) => json(200, (await requestJobs(deps, whoami, objectBody(request))).map(jobAnswer)),
  'PUT /agent': async ({ request, whoami, deps }) => json(200, jobAnswer(await requestAgent(deps, whoami, objectBody(request)))),
});
