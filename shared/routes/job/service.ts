/** Jobs: list, and queue one job per requested capability against an asset or risk. */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { invalidInput, notFound } from '../../errors';
import { entityType, newJob, parseEntityKey, parseInput, type Asset, type Job, type Risk } from '../../model';
import { capabilityNamed, defaultCapabilities } from '../capabilities/catalogue';
import { normaliseJobInput, type JobRequest } from '../../clients/job-input';
import type { ListQuery } from '../../api/input';
import { listEntities } from '../../api/list';
import { AgentRequest, QueueJobsRequest } from './routes';

type Deps = Pick<ApiDependencies, 'repository'>;

export const listJobs = (deps: Deps, whoami: Whoami, query: ListQuery) => listEntities<Job>(deps, whoami, 'job', query);

/**
 * Analyst or above. Every capability must be in the catalogue (400 names the unknown one) and the
 * target must exist (404) before anything is written. A finished job queued again is re-queued; a
 * queued or running one is left as it is.
 */
export async function queueJobs(deps: Deps, whoami: Whoami, body: unknown): Promise<Job[]> {
  requireRole(whoami, 'analyst');
  return queue(deps, whoami, parseInput(QueueJobsRequest, body));
}

async function queue(deps: Deps, whoami: Whoami, request: { key: string; capabilities: string[]; config?: Record<string, string> }): Promise<Job[]> {
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

/**
 * `POST /job` (both SDKs; chariot-ui's "Scan Now" and re-run body `{name, key}`): analyst or above. The key is a
 * target (asset or risk), a job key (re-run that job's target) or chariot-ui's `#asset#<dns>` (every asset with that
 * dns). No capabilities = the target kind's defaults (`defaultCapabilities`). docs/client-compat.md, conflict 9.
 */
export async function requestJobs(deps: Deps, whoami: Whoami, body: unknown): Promise<Job[]> {
  requireRole(whoami, 'analyst');
  const request = normaliseJobInput(body);
  const targets = await targetKeys(deps, whoami, request);
  const written: Job[] = [];
  for (const key of targets) {
    const kind = entityType(key) === 'risk' ? 'risk' : 'asset';
    const capabilities = request.capabilities ?? defaultCapabilities(kind);
    written.push(...(await queue(deps, whoami, { key, capabilities, config: request.config })));
  }
  return written;
}

async function targetKeys(deps: Deps, whoami: Whoami, request: JobRequest): Promise<string[]> {
  const repository = deps.repository(whoami);
  if (request.keyKind === 'job') {
    const job = await repository.get<Job>(parseEntityKey(request.key, 'job'));
    if (!job) throw notFound(`job ${request.key} not found`);
    return [job.target];
  }
  if (request.keyKind === 'asset-dns') {
    const assets = await repository.query<Asset>({ key: `${request.key}#`, limit: 100 });
    if (!assets.items.length) throw notFound(`no asset ${request.key}`);
    return assets.items.map((asset) => asset.key);
  }
  return [request.key];
}

/**
 * `PUT /agent {key, agent}`: praetorian-cli's agents (`affiliation`). No agent runs in this backend: the request is
 * queued as the job `#job#<target>#system#<agent>` the SDK polls, and stays queued until a worker serves it.
 */
export async function requestAgent(deps: Deps, whoami: Whoami, body: unknown): Promise<Job> {
  requireRole(whoami, 'analyst');
  const { key, agent } = parseInput(AgentRequest, body);
  const targetKey = parseEntityKey(key);
  const repository = deps.repository(whoami);
  const target = await repository.get<Asset | Risk>(targetKey);
  if (!target) throw notFound(`${entityType(targetKey)} ${targetKey} not found`);
  const job = newJob(whoami.tenant, target, { capability: agent });
  const agentJob: Job = { ...job, key: `#job#${targetKey}#system#${agent}`, dns: target.dns, Queue: 'agent' };
  return (await repository.upsert(agentJob, 'merge')).row;
}
