/** Assets: list, add-or-update (merge: status changes and comments go to history), soft delete. */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { invalidInput } from '../../errors';
import { AssetInput, createdAsset, deleteAsset, mergeAsset, newAsset, parseEntityKey, parseInput, provenanceAttribute, publicView, type Asset } from '../../model';
import type { ListQuery } from '../../api/input';
import { listEntities } from '../../api/list';
import { normaliseAssetInput, normaliseSeedInput, type AssetCreate, type AssetUpdate } from '../../clients/asset-input';
import { clientAssetView } from '../../clients/asset-view';
import { BulkRequest } from '../../clients/bulk';

type Deps = Pick<ApiDependencies, 'repository'>;

export const listAssets = (deps: Deps, whoami: Whoami, query: ListQuery) => listEntities<Asset>(deps, whoami, 'asset', query);

/** An asset as every client reads it: no internal fields, plus `updated` ("Last Seen" in chariot-ui). */
export const assetAnswer = (asset: Asset) => clientAssetView(publicView(asset));

/**
 * Analyst or above. Every era's body (docs/client-compat.md, conflicts 4–6): `{dns,name}` (UI, 1.6.x),
 * `{group,identifier,type,attackSurface}` (2.x) create or merge; `{key, status?, attackSurface?, comment?}` updates
 * that asset (404 when absent). A new asset is inserted with its defaults; an existing one is merged: only the fields
 * the client sent change it (an omitted status keeps the stored one).
 */
export async function putAsset(deps: Deps, whoami: Whoami, body: unknown): Promise<Asset> {
  requireRole(whoami, 'analyst');
  const write = normaliseAssetInput(body);
  return write.action === 'update' ? updateByKey(deps, whoami, write) : createOrMerge(deps, whoami, write);
}

/** The asset a create would write, validated (400 before anything is written). */
function planned(whoami: Whoami, write: AssetCreate) {
  if (write.type !== 'asset') throw invalidInput(`type ${write.type} is not served yet`);
  const { action: _action, era: _era, type: _type, resourceType: _resourceType, ...fields } = write;
  const input = parseInput(AssetInput, fields);
  return { input, incoming: newAsset(whoami.tenant, input) };
}

/** A new asset also gets its `source` attribute (`seed` or `provided`), once: re-adding an existing asset adds none. */
async function createOrMerge(deps: Deps, whoami: Whoami, write: AssetCreate): Promise<Asset> {
  const { input, incoming } = planned(whoami, write);
  const repository = deps.repository(whoami);
  let created = false;
  const written = await repository.change<Asset>(incoming.key, (existing) => {
    created = !existing;
    return existing
      ? mergeAsset(existing, { ...incoming, status: input.status ?? existing.status, comment: input.comment }, whoami.username)
      : createdAsset(incoming, whoami.username, input.comment);
  });
  if (created) await repository.upsert(provenanceAttribute(whoami.tenant, incoming.key, incoming.source === 'seed' ? 'seed' : 'provided'), 'visit');
  return written!;
}

async function updateByKey(deps: Deps, whoami: Whoami, write: AssetUpdate): Promise<Asset> {
  const key = parseEntityKey(write.key, 'asset');
  const { status, comment, attackSurface } = parseInput(AssetInput.pick({ status: true, comment: true, attackSurface: true }), write);
  return deps.repository(whoami).update<Asset>(key, (existing) =>
    mergeAsset(existing, { ...existing, status: status ?? existing.status, attackSurface, tags: undefined, comment }, whoami.username),
  );
}

/** Analyst or above. Status `D`; the row and its history stay. 404 when there is no such asset. */
export async function removeAsset(deps: Deps, whoami: Whoami, key: unknown): Promise<Asset> {
  requireRole(whoami, 'analyst');
  const assetKey = parseEntityKey(key, 'asset');
  return deps.repository(whoami).update<Asset>(assetKey, (existing) => deleteAsset(existing, whoami.username));
}

/**
 * `PUT /seed`: praetorian-cli 1.6.x `{dns, status}` or 2.x `{type, model: {dns, status}}` (docs/client-compat.md,
 * conflict 3). A seed is a seed-sourced asset (status P, never expires); status `D` deletes it (1.6.x's
 * `seeds.delete`), and deleting a seed that is not there is a success with no row. Analyst or above.
 */
export async function putSeed(deps: Deps, whoami: Whoami, body: unknown): Promise<Asset | undefined> {
  requireRole(whoami, 'analyst');
  const { seedEra: _era, ...seed } = normaliseSeedInput(body);
  if (seed.status !== 'D') return createOrMerge(deps, whoami, { status: 'P', ...seed });
  const { key } = newAsset(whoami.tenant, { dns: seed.dns, name: seed.name, source: 'seed' });
  return deps.repository(whoami).change<Asset>(key, (existing) => existing && deleteAsset(existing, whoami.username));
}

/** `POST /bulk/asset` (praetorian-cli 2.x): every item checked first, then each written like `PUT /asset`. */
export async function bulkAssets(deps: Deps, whoami: Whoami, body: unknown): Promise<Asset[]> {
  requireRole(whoami, 'analyst');
  const writes = parseInput(BulkRequest, body).items.map((item) => normaliseAssetInput(item));
  for (const write of writes) if (write.action === 'create') planned(whoami, write);
  const written: Asset[] = [];
  for (const write of writes) written.push(write.action === 'update' ? await updateByKey(deps, whoami, write) : await createOrMerge(deps, whoami, write));
  return written;
}
