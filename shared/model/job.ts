/**
 * Job: `#job#<group>#<identifier>#<capability>` (group = the target's dns, cut to fit 1024 bytes).
 * `status` is `<code>#<updated>` and `source` is `<capability>#<updated>`, composite on purpose so
 * the byStatus/bySource indexes sort jobs by time within a status or capability.
 */
import * as z from 'zod';
import { invalidInput } from '../errors';
import { compact, cutToFit, future, now, parseInput, segment, TTL_HOURS, type BaseRow } from './common';

export const JOB_STATUSES = ['JQ', 'JR', 'JRA', 'JQA', 'JF', 'JP'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job extends BaseRow {
  dns: string;
  /** Key of the target asset or risk. */
  target: string;
  capability: string;
  status: string;
  source: string;
  created: string;
  updated: string;
  started?: string;
  finished?: string;
  ttl: number;
  config: Record<string, string>;
  Queue: string;
  comment?: string;
}

export const JobInput = z.object({
  capability: segment('capability', 128),
  config: z.record(z.string().max(256), z.string().max(4096)).refine((c) => Object.keys(c).length <= 100, 'at most 100 config entries').optional(),
});

export const jobCode = (job: Pick<Job, 'status'>): JobStatus => job.status.split('#')[0] as JobStatus;

/** Targets are identified by (group, identifier): for an asset its dns and name, for a risk its dns and key. */
export function jobTarget(target: { key: string; dns: string; name?: string }): { group: string; identifier: string } {
  if (target.key.startsWith('#asset#')) return { group: target.dns, identifier: target.name ?? target.dns };
  if (target.key.startsWith('#risk#')) return { group: target.dns, identifier: target.key };
  throw invalidInput('a job target must be an asset or a risk');
}

export function jobKey(group: string, identifier: string, capability: string): string {
  const after = `#${identifier}#${capability}`;
  return `#job#${cutToFit('#job#', group, after)}${after}`;
}

export function newJob(tenant: string, target: { key: string; dns: string; name?: string }, raw: unknown, at = new Date()): Job {
  const input = parseInput(JobInput, raw);
  const { group, identifier } = jobTarget(target);
  const key = jobKey(group, identifier, input.capability);
  const timestamp = now(at);
  return {
    username: tenant,
    key,
    dns: key.slice('#job#'.length, key.length - `#${identifier}#${input.capability}`.length),
    target: target.key,
    capability: input.capability,
    status: `JQ#${timestamp}`,
    source: `${input.capability}#${timestamp}`,
    created: timestamp,
    updated: timestamp,
    ttl: future(TTL_HOURS.job, at),
    config: input.config ?? {},
    Queue: 'standard',
  };
}

/** Chariot's Job.Update: re-stamps updated/source/ttl; JQ clears started/finished, JR sets started, JF/JP set finished. */
export function setJobStatus(job: Job, code: JobStatus, at = new Date()): Job {
  const timestamp = now(at);
  const next: Job = { ...job, updated: timestamp, source: `${job.capability}#${timestamp}`, ttl: future(TTL_HOURS.job, at) };
  if (code === 'JQ') {
    delete next.started;
    delete next.finished;
  }
  if (code === 'JR' && !next.started) next.started = timestamp;
  if ((code === 'JF' || code === 'JP') && !next.finished) next.finished = timestamp;
  next.status = `${code}#${timestamp}`;
  return compact(next);
}

/** Queuing a job again: a finished job is re-queued with the new config; a queued or running one keeps going. */
export function mergeJob(existing: Job, incoming: Job, at = new Date()): Job {
  const code = jobCode(existing);
  if (code === 'JF' || code === 'JP') return setJobStatus({ ...existing, config: incoming.config }, 'JQ', at);
  return existing;
}
