import type { Operation } from '../../api/operation';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { caller } from '../caller';
import { ListQuery, listBody, objectBody, parseQuery } from '../input';
import { listJobs, queueJobs } from './service';

export const jobOperations = {
  'GET /job': async ({ request, whoami, deps }) => json(200, listBody('jobs', await listJobs(deps, caller(whoami), parseQuery(ListQuery, request)))),
  'PUT /job': async ({ request, whoami, deps }) => json(200, { jobs: (await queueJobs(deps, caller(whoami), objectBody(request))).map(publicView) }),
} satisfies Record<string, Operation>;
