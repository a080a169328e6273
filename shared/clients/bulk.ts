/**
 * `POST /bulk/{asset,risk,attribute} {action: "upsert", items: [...]}` (praetorian-cli 2.x `bulk_add`). Chariot
 * queues a job for the items; this backend applies them at once, each exactly as its single-item write would, and
 * answers the job dict the SDK reads, already finished (`JP`), with the keys it wrote. Items are checked before any
 * is written (the single-item parser of the kind), so a bad item changes nothing.
 */
import * as z from 'zod';
import { now } from '../model/common';

export const BulkRequest = z.object({
  action: z.literal('upsert', { error: 'action must be upsert' }),
  items: z.array(z.looseObject({}), { error: 'items must be a list of objects' }).min(1, 'items is empty').max(500, 'at most 500 items per call'),
});

export interface BulkJob {
  readonly key: string;
  readonly status: 'JP';
  readonly capability: string;
  readonly created: string;
  readonly updated: string;
  /** The rows written, in item order. */
  readonly keys: string[];
}

export function bulkJob(kind: string, keys: string[], at = new Date()): BulkJob {
  const timestamp = now(at);
  return { key: `#job#bulk#${kind}#${timestamp}`, status: 'JP', capability: `bulk-${kind}`, created: timestamp, updated: timestamp, keys };
}

export const BulkJobView = z.object({
  key: z.string(),
  status: z.literal('JP'),
  capability: z.string(),
  created: z.string(),
  updated: z.string(),
  keys: z.array(z.string()),
}).describe('The bulk job, already finished (applied synchronously)');
