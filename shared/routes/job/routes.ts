import * as z from 'zod';
import { ListQuery } from '../../api/input';
import { defineRouteGroup } from '../../routing/route-group';
import { JobView, listOf, written } from '../../routing/schemas';

/** `PUT /job`: the target's key and the capabilities to run against it. */
export const QueueJobsRequest = z.object({
  key: z.string({ error: 'key (the target asset or risk key) is required' }),
  capabilities: z.array(z.string().min(1).max(128), { error: 'capabilities must be a list of capability names' }).min(1, 'capabilities must name at least one capability').max(50),
  config: z.record(z.string(), z.string(), { error: 'config must map names to strings' }).optional(),
});

/** Jobs: list, queue for a target and capabilities. */
export default defineRouteGroup({
  name: 'job',
  service: 'operations',
  access: { table: 'readWrite' },
  routes: {
    'GET /job': { auth: 'jwt', summary: 'List jobs (key prefix, offset)', query: ListQuery, responses: { 200: listOf('jobs', JobView) } },
    'PUT /job': { auth: 'jwt', summary: 'Queue jobs for a target and capabilities', body: QueueJobsRequest, responses: { 200: written('jobs', JobView) } },
  },
});
