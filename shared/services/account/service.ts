/**
 * The tenant's Account rows: collaborators (member is an email, with a role), integrations (member
 * is a provider name) and webhooks (member `hook`, value = the PIN). Managing them needs admin.
 */
import * as z from 'zod';
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { invalidInput, notFound } from '../../errors';
import { accountKey, accountMemberPrefix, newAccount, parseInput, parseMember, type Account } from '../../model';

type Deps = Pick<ApiDependencies, 'repository'>;

/** Admin only. Adds the row, or updates the role/settings of an existing one. */
export async function addAccount(deps: Deps, whoami: Whoami, member: string, body: unknown): Promise<Account> {
  requireRole(whoami, 'admin');
  const row = newAccount(whoami.tenant, member, body);
  return (await deps.repository(whoami).upsert(row, 'merge')).row;
}

/** `DELETE /account/{member}` body: the row's `value` (required for a webhook: its PIN), or its full `key`. */
export const AccountDeleteRequest = z.object({ value: z.string().max(1024).optional(), key: z.string().max(1024).optional() });

/** Admin only. Removes the row; the member loses access to the tenant. 404 when there is no such row. */
export async function removeAccount(deps: Deps, whoami: Whoami, rawMember: string, body: unknown): Promise<Account> {
  requireRole(whoami, 'admin');
  const member = parseMember(rawMember);
  const request = parseInput(AccountDeleteRequest, body ?? {});
  const value = request.value ?? (request.key ? valueOfKey(request.key, whoami.tenant, member) : '');
  if (member === 'hook' && !value) throw invalidInput('value (the webhook PIN) is required to remove a webhook');
  const key = accountKey(whoami.tenant, member, member === 'hook' ? value.toLowerCase() : value);
  const removed = await deps.repository(whoami).remove<Account>(key);
  if (!removed) throw notFound(`${member} is not an account of this tenant`);
  return removed;
}

/** The value part of `#account#<tenant>#<member>#<value>`; the key must name this tenant and member. */
function valueOfKey(key: string, tenant: string, member: string): string {
  const prefix = accountMemberPrefix(tenant, member);
  if (!key.startsWith(prefix)) throw invalidInput(`key must start with ${prefix}`);
  return key.slice(prefix.length);
}
