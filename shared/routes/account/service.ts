/**
 * The tenant's Account rows: collaborators (member is an email, with a role), integrations (member
 * is a provider name) and webhooks (member `hook`, value = the PIN). Managing them needs admin.
 */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Role, Whoami } from '../../auth/whoami';
import { invalidInput, notFound } from '../../errors';
import { accountKey, accountMemberPrefix, newAccount, newSetting, parseInput, parseMember, riskPriority, settingKey, type Account, type Setting, type SettingKind } from '../../model';
import { AccountDeleteRequest, SettingName } from './routes';
import { normaliseAccountInput } from '../../clients/account-view';

type Deps = Pick<ApiDependencies, 'repository'>;

/**
 * Admin only. Adds the row, or updates the role/settings of an existing one. Settings come as `settings` or `config`
 * (chariot-ui), a webhook PIN as `value` (SDKs) or `config.pin` (chariot-ui): docs/client-compat.md, conflicts 10–11.
 */
export async function addAccount(deps: Deps, whoami: Whoami, member: string, body: unknown): Promise<Account> {
  requireRole(whoami, 'admin');
  if (member === PURGE) throw invalidInput(`${PURGE} is a reserved name`);
  const row = newAccount(whoami.tenant, member, normaliseAccountInput(member, body));
  return (await deps.repository(whoami).upsert(row, 'merge')).row;
}

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

/** `DELETE /account/purge` is a route of its own; no account may be called that. */
export const PURGE = 'purge';

/** Rows "delete my data" keeps: who may act in the tenant (collaborators, webhooks, integrations) and its API keys. */
const KEPT_ON_PURGE = ['#account#', '#key#'];

/**
 * Admin only. Deletes every data row of the caller's tenant (assets, risks, attributes, jobs, files' rows, settings…),
 * page by page, and nothing of any other tenant: the repository's partition is always the caller's. Access rows and
 * API keys stay, so the tenant can sign in and start again. Answers how many rows went.
 */
export async function purgeTenant(deps: Deps, whoami: Whoami): Promise<{ deleted: number }> {
  requireRole(whoami, 'admin');
  const repository = deps.repository(whoami);
  let deleted = 0;
  let offset: string | undefined;
  do {
    const page = await repository.query<{ username: string; key: string }>({ key: '#', offset, limit: 1000 });
    for (const row of page.items) {
      if (KEPT_ON_PURGE.some((prefix) => row.key.startsWith(prefix))) continue;
      if (await repository.remove(row.key)) deleted++;
    }
    offset = page.offset;
  } while (offset);
  return { deleted };
}

const SEVERITY_LABELS: Readonly<Record<string, string>> = { C: 'Critical', H: 'High', M: 'Medium', L: 'Low', I: 'Info', E: 'Exposure' };

export interface AccountAlert {
  readonly priority: number;
  readonly label: string;
  readonly count: number;
  /** chariot-ui sends it back as a `GET /my` key. */
  readonly query: string;
}

/**
 * `GET /account/alert`: what needs a look, derived from the tenant's own rows (no alert definitions are stored):
 * one alert per risk severity with risks waiting in triage (`T<severity>`), most urgent first. Empty when nothing
 * waits. The query is `status:T<severity>`, which `GET /my` answers with those risks.
 */
export async function accountAlerts(deps: Deps, whoami: Whoami): Promise<AccountAlert[]> {
  const repository = deps.repository(whoami);
  const counts: Record<string, number> = {};
  let offset: string | undefined;
  do {
    const page = await repository.query<{ username: string; key: string; status?: string }>({ key: '#risk#', offset, limit: 1000 });
    for (const risk of page.items) if (risk.status?.startsWith('T')) counts[risk.status] = (counts[risk.status] ?? 0) + 1;
    offset = page.offset;
  } while (offset);
  return Object.entries(counts)
    .map(([status, count]) => ({ priority: riskPriority(status), label: `${SEVERITY_LABELS[status[1]] ?? status} risks in triage`, count, query: `status:${status}` }))
    .sort((a, b) => a.priority - b.priority);
}

/** `PUT /setting {name, value}` (praetorian-cli 2.x): analyst or above; the last writer wins. Known names are validated. */
export const putSetting = (deps: Deps, whoami: Whoami, body: unknown) => putNamed(deps, whoami, body, 'setting');

/** `DELETE /setting {name}`: analyst or above. A setting that is not there is already gone: success, no row. */
export const removeSetting = (deps: Deps, whoami: Whoami, body: unknown) => removeNamed(deps, whoami, body, 'setting');

/**
 * `PUT|DELETE /configuration` (praetorian-cli 2.x `configurations.*`, "Praetorian engineers only" in Chariot): the
 * tenant's operator switches (`customer_type`, `subscription`), beside its settings. Admin only: this backend has no
 * Praetorian-staff role, so the tenant's admin is the operator. A missing one deleted is already gone.
 */
export const putConfiguration = (deps: Deps, whoami: Whoami, body: unknown) => putNamed(deps, whoami, body, 'configuration');
export const removeConfiguration = (deps: Deps, whoami: Whoami, body: unknown) => removeNamed(deps, whoami, body, 'configuration');

const WRITER: Record<SettingKind, Role> = { setting: 'analyst', configuration: 'admin' };

async function putNamed(deps: Deps, whoami: Whoami, body: unknown, kind: SettingKind): Promise<Setting> {
  requireRole(whoami, WRITER[kind]);
  return deps.repository(whoami).put(newSetting(whoami.tenant, body, new Date(), kind));
}

async function removeNamed(deps: Deps, whoami: Whoami, body: unknown, kind: SettingKind): Promise<Setting | undefined> {
  requireRole(whoami, WRITER[kind]);
  const { name } = parseInput(SettingName, body);
  return deps.repository(whoami).remove<Setting>(settingKey(name, kind));
}
