/** API keys: list (never secrets or their hashes) and create (the secret is returned once). */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import { roleRank, type Whoami } from '../../auth/whoami';
import { forbidden } from '../../errors';
import { ApiKeyInput, newApiKey, parseInput, publicView, type ApiKey } from '../../model';
import type { ListQuery } from '../input';
import { listEntities } from '../list';

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
