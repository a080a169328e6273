/**
 * Account: `#account#<name>#<member>#<value>` in the owner tenant's partition. One entity, three uses:
 * a collaborator (member is an email: grants that user `role` in tenant `name`), an integration
 * (member is a provider name), and a webhook (member `hook`, value = the PIN).
 */
import * as z from 'zod';
import { ROLES, type Role } from '../auth/whoami';
import { invalidInput } from '../errors';
import { assertKeyLength, compact, freeJson, now, parseInput, type BaseRow } from './common';

export interface Account extends BaseRow {
  /** The tenant that owns the row (the partition). */
  name: string;
  /** The user or system granted access (the byMember index). */
  member: string;
  value: string;
  role?: Role;
  updated: string;
  ttl: number;
  settings?: unknown;
}

/** Emails: no `#` (the key separator), no whitespace; lower-cased so lookups are exact. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s#@]+@[^\s#@]+\.[^\s#@]+$/, 'must be an email address');
const IntegrationName = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'member must be an email address or an integration name');
const Pin = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a webhook value (PIN) must be a UUID');

export const AccountInput = z.object({
  value: z.string().max(1024).optional(),
  role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` }).optional(),
  settings: freeJson.optional(),
  config: freeJson.optional(),
});

export const isWebhook = (account: Pick<Account, 'member'>): boolean => account.member === 'hook';
/** An empty role means readonly. */
export const effectiveRole = (account: Pick<Account, 'role'>): Role => account.role || 'readonly';

export function accountKey(name: string, member: string, value = ''): string {
  if (value.includes('#')) throw invalidInput("value must not contain '#'");
  return assertKeyLength(`#account#${name}#${member}#${value}`);
}
/** Prefix of every row granting `member` access to tenant `name`. */
export const accountMemberPrefix = (name: string, member: string): string => `#account#${name}#${member}#`;

export function parseMember(raw: string): string {
  if (raw.includes('@')) return parseInput(Email, raw);
  return parseInput(IntegrationName, raw);
}

export function newAccount(tenant: string, rawMember: string, raw: unknown, at = new Date()): Account {
  const member = parseMember(rawMember);
  const input = parseInput(AccountInput, raw ?? {});
  const value = member === 'hook' ? parseInput(Pin, input.value ?? '').toLowerCase() : (input.value ?? '');
  if (member === tenant) throw invalidInput('a tenant cannot add itself');
  return compact({
    username: tenant,
    key: accountKey(tenant, member, value),
    name: tenant,
    member,
    value,
    role: member === 'hook' ? 'readonly' : input.role,
    updated: now(at),
    ttl: 0,
    settings: input.settings ?? input.config,
  });
}

export function mergeAccount(existing: Account, incoming: Account): Account {
  return compact({ ...existing, role: incoming.role ?? existing.role, settings: incoming.settings ?? existing.settings, updated: incoming.updated });
}
