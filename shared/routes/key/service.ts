/** API keys: list (never secrets or their hashes), create (the secret is returned once) and revoke. */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import { roleRank, type Whoami } from '../../auth/whoami';
import { conflict, forbidden, invalidInput } from '../../errors';
import { apiKeyKey, ApiKeyInput, KEY_ID, newApiKey, newApiKeySecret, parseInput, publicView, revokeApiKey, type ApiKey } from '../../model';
import type { ListQuery } from '../../api/input';
import { listEntities } from '../../api/list';
import { ApiKeyDelete } from './routes';

type Deps = Pick<ApiDependencies, 'repository'>;

/** Any role may list the tenant's keys: names, creators, expiry and status (the list view drops the secret's hash). */
export const listApiKeys = (deps: Deps, whoami: Whoami, query: ListQuery) => listEntities<ApiKey>(deps, whoami, 'key', query);

export interface CreatedApiKey extends ApiKey {
  /** The secret, shown this once; present it as `x-api-key: <id>.<secret>` (that is `token`). */
  readonly secret: string;
  readonly token: string;
}

/** Admin only. A key's role ceiling cannot exceed its creator's role. */
export async function createApiKey(deps: Deps, whoami: Whoami, body: unknown): Promise<CreatedApiKey> {
  requireRole(whoami, 'admin');
  const input = parseInput(ApiKeyInput, body);
  if (input.role && roleRank(input.role) > roleRank(whoami.role)) throw forbidden(`a key cannot have a higher role than yours (${whoami.role})`);
  const { row, secret, token } = newApiKey(whoami.tenant, whoami.username, input);
  const stored = await deps.repository(whoami).create(row);
  return { ...publicView(stored), secret, token };
}

/**
 * An identical `POST /key` retried within the idempotency window: the first answer's secret was never
 * stored (shared/routes/key/replay.ts), so the key that request created gets a new secret, answered like
 * the first. The first secret stops working: the client retried because it never received it.
 */
export async function reissueApiKeySecret(deps: Deps, whoami: Whoami, id: string): Promise<CreatedApiKey> {
  requireRole(whoami, 'admin');
  const fresh = newApiKeySecret(id);
  const updated = await deps.repository(whoami).update<ApiKey>(apiKeyKey(id), (key) => {
    if (key.status !== 'A' || key.creator !== whoami.username) throw conflict(`the key this request created (${id}) was revoked: create another`);
    return { ...key, hash: fresh.hash };
  });
  return { ...publicView(updated), secret: fresh.secret, token: fresh.token };
}

/**
 * `DELETE /key {key}` (praetorian-cli 2.x `keys.delete`): admin only. The key is revoked, not erased: status `D`
 * with `deleted`/`deleter`, so `keys.get` still finds it and the audit trail stays. Sessions using it stop within the
 * auth cache's lifetime (docs/credentials.md). Revoking a revoked key changes nothing; an unknown key is a 404.
 */
export async function revokeKey(deps: Deps, whoami: Whoami, body: unknown): Promise<ApiKey> {
  requireRole(whoami, 'admin');
  const given = parseInput(ApiKeyDelete, body).key;
  const id = given.startsWith('#key#') ? given.slice('#key#'.length) : given;
  if (!KEY_ID.test(id)) throw invalidInput('key must be an API key: #key#<id>');
  return deps.repository(whoami).update<ApiKey>(apiKeyKey(id), (key) => (key.status === 'D' ? key : revokeApiKey(key, whoami.username)));
}
