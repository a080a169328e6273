/** Attribute: `#attribute#<name>#<value><parentKey>`; the value is cut so the key fits 1024 bytes. */
import * as z from 'zod';
import { invalidInput } from '../errors';
import { compact, cutToFit, future, now, parseInput, segment, TTL_HOURS, type BaseRow } from './common';

export const ATTRIBUTE_STATUSES = ['A', 'P', 'F', 'D'] as const;

export interface Attribute extends BaseRow {
  name: string;
  value: string;
  /** Key of the parent (asset or risk): the graph's HAS_ATTRIBUTE edge. */
  source: string;
  status: string;
  created: string;
  visited: string;
  ttl: number;
  capability?: string;
  metadata?: Record<string, string>;
}

const PARENT_KEY = /^#(asset|risk)(#[^#]+){2,}$/;

export const AttributeInput = z.object({
  name: segment('name', 256),
  value: z.string().min(1, 'value is required').max(4096).refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'value must not contain control characters'),
  status: z.enum(ATTRIBUTE_STATUSES).optional(),
  capability: z.string().max(256).optional(),
  metadata: z
    .record(z.string().max(256), z.string().max(4096))
    .refine((m) => Object.keys(m).length <= 100, 'at most 100 metadata entries')
    .optional(),
});

export function attributeKey(name: string, value: string, parentKey: string): string {
  const prefix = `#attribute#${name}#`;
  return prefix + cutToFit(prefix, value, parentKey) + parentKey;
}

/** A new attribute of `parentKey` (an asset or risk key). */
export function newAttribute(tenant: string, parentKey: string, raw: unknown, at = new Date()): Attribute {
  if (!PARENT_KEY.test(parentKey)) throw invalidInput('key must be the key of an asset or risk');
  const input = parseInput(AttributeInput, raw);
  const timestamp = now(at);
  return compact({
    username: tenant,
    key: attributeKey(input.name, input.value, parentKey),
    name: input.name,
    value: input.value,
    source: parentKey,
    status: input.status ?? 'A',
    created: timestamp,
    visited: timestamp,
    ttl: future(TTL_HOURS.attribute, at),
    capability: input.capability,
    metadata: input.metadata,
  });
}

/**
 * How an asset or risk came in, written once as its `source` attribute when a route creates it (Chariot does;
 * praetorian-cli 1.6.x's test_search finds it through `GET /my?key=source:<asset key>`): `provided` by a user through
 * the API, `seed` through `PUT /seed`, `webhook` through the webhook (docs/client-compat.md, conflict 16).
 */
export type Provenance = 'provided' | 'seed' | 'webhook';
export const provenanceAttribute = (tenant: string, parentKey: string, how: Provenance, at = new Date()): Attribute =>
  newAttribute(tenant, parentKey, { name: 'source', value: how }, at);

/** User update: the status and metadata given win. */
export function mergeAttribute(existing: Attribute, update: Attribute): Attribute {
  return compact({ ...existing, status: update.status ?? existing.status, metadata: update.metadata ?? existing.metadata, visited: update.visited });
}

/** Re-discovery: visited; status unless the incoming one is P; ttl refreshed unless it is 0 (never). */
export function visitAttribute(existing: Attribute, incoming: Attribute): Attribute {
  return compact({
    ...existing,
    visited: incoming.visited,
    status: incoming.status === 'P' ? existing.status : incoming.status,
    ttl: existing.ttl === 0 ? 0 : incoming.ttl,
    capability: incoming.capability ?? existing.capability,
    metadata: incoming.metadata && Object.keys(incoming.metadata).length ? incoming.metadata : existing.metadata,
  });
}
