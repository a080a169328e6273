import { ListQuery } from '../../api/input';
import { JobInput } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { JobView, listOf, written } from '../../routing/schemas';

/** Jobs: list, queue for a target and capabilities. */
export default defineRouteGroup({
  name: 'job',
  service: 'operations',
  access: { table: 'readWrite' },
  routes: {
    'GET /job': { auth: 'jwt', summary: 'List jobs (key prefix, offset)', query: ListQuery, responses: { 200: listOf('jobs', JobView) } },
    'PUT /job': { auth: 'jwt', summary: 'Queue jobs for a target and capabilities', body: JobInput, responses: { 200: written('jobs', JobView) } },
  },
});
