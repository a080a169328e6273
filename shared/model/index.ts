/** The single-table model: one file per entity; this module ties them together by key type. */
import { invalidInput } from '../errors';
import { mergeAccount, type Account } from './account';
import { mergeAsset, visitAsset, type Asset } from './asset';
import { mergeAttribute, visitAttribute, type Attribute } from './attribute';
import type { BaseRow } from './common';
import { mergeJob, type Job } from './job';
import { mergeRisk, visitRisk, type Risk } from './risk';

export * from './common';
export * from './asset';
export * from './risk';
export * from './attribute';
export * from './job';
export * from './account';
export * from './key';
export * from './file';
export * from './setting';
export * from './graph-kinds';

export const ENTITY_TYPES = ['asset', 'risk', 'attribute', 'job', 'account', 'key', 'file', 'setting', 'configuration', 'port', 'technology', 'webapplication', 'webpage', 'addomain', 'preseed', 'capability_schedule'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The entity type named by a key's second `#` segment (`#asset#…` → `asset`), or undefined. */
export function entityType(key: string): EntityType | undefined {
  const type = key.split('#')[1];
  return (ENTITY_TYPES as readonly string[]).includes(type) ? (type as EntityType) : undefined;
}

/**
 * Response collections are keyed by the plural of the type: `{"assets": [...]}`. A consonant before the y makes
 * `ies` (`capability` → `capabilities`), a vowel does not (`key` → `keys`, which the clients expect). Underscores go.
 */
export const plural = (type: string): string => {
  const name = type.replaceAll('_', ''); // Chariot's plural is of the Go type name: capability_schedule → capabilityschedules
  return /[^aeiou]y$/.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`;
};

/**
 * How an incoming row combines with the stored one. `merge` = a user update (writes history),
 * `visit` = re-discovery by a capability (refreshes visited/ttl, unions tags). Types without a
 * visit rule fall back to merge; rows without either are replaced.
 */
export function combine(mode: 'merge' | 'visit', existing: BaseRow, incoming: BaseRow & { comment?: string }, by: string): BaseRow {
  switch (entityType(existing.key)) {
    case 'asset':
      return mode === 'merge' ? mergeAsset(existing as Asset, incoming as Asset & { comment?: string }, by) : visitAsset(existing as Asset, incoming as Asset);
    case 'risk':
      return mode === 'merge' ? mergeRisk(existing as Risk, incoming, by) : visitRisk(existing as Risk, incoming as Risk);
    case 'attribute':
      return mode === 'merge' ? mergeAttribute(existing as Attribute, incoming as Attribute) : visitAttribute(existing as Attribute, incoming as Attribute);
    case 'job':
      return mergeJob(existing as Job, incoming as Job);
    case 'account':
      return mergeAccount(existing as Account, incoming as Account);
    default:
      return { ...incoming, username: existing.username, key: existing.key };
  }
}

/** Internal attributes never returned to clients. */
const INTERNAL = ['version', 'hash'] as const;
export function publicView<T extends object>(row: T): T {
  const copy = { ...row } as Record<string, unknown>;
  for (const field of INTERNAL) delete copy[field];
  return copy as T;
}

/** A key of a known entity type, for request input (`key` query/body fields). */
export function parseEntityKey(key: unknown, expected?: EntityType): string {
  if (typeof key !== 'string' || !key.startsWith('#')) throw invalidInput('key must start with #');
  const type = entityType(key);
  if (!type) throw invalidInput(`unknown key type in ${key.slice(0, 64)}`);
  if (expected && type !== expected) throw invalidInput(`key must be a ${expected} key`);
  if (Buffer.byteLength(key) > 1024) throw invalidInput('key longer than 1024 bytes');
  return key;
}
