/** Assets: list, add-or-update (merge: status changes and comments go to history), soft delete. */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { AssetInput, createdAsset, deleteAsset, mergeAsset, newAsset, parseEntityKey, parseInput, type Asset } from '../../model';
import type { ListQuery } from '../../api/input';
import { listEntities } from '../../api/list';

type Deps = Pick<ApiDependencies, 'repository'>;

export const listAssets = (deps: Deps, whoami: Whoami, query: ListQuery) => listEntities<Asset>(deps, whoami, 'asset', query);

/**
 * Analyst or above. A new asset is inserted with its defaults; an existing one is merged: only the
 * fields the client sent change it (an omitted status keeps the stored one).
 */
export async function putAsset(deps: Deps, whoami: Whoami, body: unknown): Promise<Asset> {
  requireRole(whoami, 'analyst');
  const input = parseInput(AssetInput, body);
  const incoming = newAsset(whoami.tenant, input);
  const written = await deps.repository(whoami).change<Asset>(incoming.key, (existing) =>
    existing
      ? mergeAsset(existing, { ...incoming, status: input.status ?? existing.status, comment: input.comment }, whoami.username)
      : createdAsset(incoming, whoami.username, input.comment),
  );
  return written!;
}

/** Analyst or above. Status `D`; the row and its history stay. 404 when there is no such asset. */
export async function removeAsset(deps: Deps, whoami: Whoami, key: unknown): Promise<Asset> {
  requireRole(whoami, 'analyst');
  const assetKey = parseEntityKey(key, 'asset');
  return deps.repository(whoami).update<Asset>(assetKey, (existing) => deleteAsset(existing, whoami.username));
}
