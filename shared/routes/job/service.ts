/** Jobs: list, and queue one job per requested capability against an asset or risk. */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { invalidInput, notFound } from '../../errors';
import { entityType, newJob, parseEntityKey, parseInput, type Asset, type Job, type Risk } from '../../model';
import { capabilityNamed } from '../capabilities/catalogue';
import type { ListQuery } from '../../api/input';
import { listEntities } from '../../api/list';
import { QueueJobsRequest } from './routes';

type Deps = Pick<ApiDependencies, 'repository'>;

export const listJobs = (deps: Deps, whoami: Whoami, query: ListQuery) => listEntities<Job>(deps, whoami, 'job', query);

/**
 * Analyst or above. Every capability must be in the catalogue (400 names the unknown one) and the
 * target must exist (404) before anything is written. A finished job queued again is re-queued; a
 * queued or running one is left as it is.
 */
export async function queueJobs(deps: Deps, whoami: Whoami, body: unknown): Promise<Job[]> {
  requireRole(whoami, 'analyst');
  const request = parseInput(QueueJobsRequest, body);
  const targetKey = parseEntityKey(request.key);
  const type = entityType(targetKey);
  if (type !== 'asset' && type !== 'risk') throw invalidInput('key must be the key of an asset or risk');
  const unknown = request.capabilities.find((name) => !capabilityNamed(name));
  if (unknown) throw invalidInput(`unknown capability: ${unknown}`);
  const repository = deps.repository(whoami);
  const target = await repository.get<Asset | Risk>(targetKey);
  if (!target) throw notFound(`${type} ${targetKey} not found`);
  const jobs = [...new Set(request.capabilities)].map((capability) => newJob(whoami.tenant, target, { capability, config: request.config }));
  const written: Job[] = [];
  for (const job of jobs) written.push((await repository.upsert(job, 'merge')).row);
  return written;
}
