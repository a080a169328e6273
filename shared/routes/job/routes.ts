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

/**
 * `POST /job`: every client's job request (shared/clients/job-input.ts), chariot-ui's `{name, key}` included. (Its
 * `POST /job/` cannot be a route: API Gateway route paths may not end with `/`; docs/client-compat.md.)
 */
const JobRequest = z.object({
  key: z.string().describe('A target (asset or risk) key, a job key (re-run its target), or #asset#<dns>'),
  capabilities: z.array(z.string()).optional().describe('None: the target kind\'s default recon capabilities'),
  name: z.string().optional().describe('chariot-ui: one capability'),
  config: z.record(z.string(), z.string()).optional(),
  credential_ids: z.array(z.string()).optional(),
});

/** `PUT /agent`: run a praetorian-cli agent against a target. */
export const AgentRequest = z.object({
  key: z.string({ error: 'key (the target) is required' }),
  agent: z.enum(['affiliation'], { error: 'agent must be affiliation' }),
});

const Jobs = z.array(JobView).describe('The queued jobs, in a bare list');

/** Jobs: list, queue for a target and capabilities. */
export default defineRouteGroup({
  name: 'job',
  service: 'operations',
  access: { table: 'readWrite' },
  routes: {
    'GET /job': { auth: 'jwt', summary: 'List jobs (key prefix, offset)', query: ListQuery, responses: { 200: listOf('jobs', JobView) } },
    'PUT /job': { auth: 'jwt', summary: 'Queue jobs for a target and capabilities', body: QueueJobsRequest, responses: { 200: written('jobs', JobView) } },
    'POST /job': { auth: 'jwt', summary: 'Queue jobs: {key, capabilities?} (SDKs; none = the defaults) or {name, key} (chariot-ui)', body: JobRequest, responses: { 200: Jobs } },
    'PUT /agent': { auth: 'jwt', summary: 'Queue an agent (affiliation) against a target', body: AgentRequest, responses: { 200: JobView } },
  },
});
