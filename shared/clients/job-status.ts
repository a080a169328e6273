/**
 * Job status as the clients compare it. The store keeps `<code>#<updated>` (composite on purpose: the byStatus
 * index sorts by time within a status). chariot-ui compares `status` EXACTLY to JQ, JR, JF, JP; both SDKs test
 * a prefix (`startswith('JF')`) and document the same four codes. So every client gets the bare code, with
 * Chariot's async variants folded onto their base (JRA → JR, JQA → JQ); the time stays in `updated`.
 */
import { JOB_STATUSES, type JobStatus } from '../model/job';

/** The four codes the clients know. */
export const CLIENT_JOB_STATUSES = ['JQ', 'JR', 'JF', 'JP'] as const;
export type ClientJobStatus = (typeof CLIENT_JOB_STATUSES)[number];

const FOLDED: Readonly<Record<JobStatus, ClientJobStatus>> = { JQ: 'JQ', JR: 'JR', JRA: 'JR', JQA: 'JQ', JF: 'JF', JP: 'JP' };

/** `JQ#2026-01-02T03:04:05Z` → `JQ`; `JRA#…` → `JR`. An unknown code is returned as stored (never invented). */
export function clientJobStatus(stored: string): string {
  const code = stored.split('#')[0];
  return (JOB_STATUSES as readonly string[]).includes(code) ? FOLDED[code as JobStatus] : code;
}

/** A job row as the clients read it: the same row with the bare status code. */
export const clientJobView = <T extends { status: string }>(job: T): T => ({ ...job, status: clientJobStatus(job.status) });
