/** Risks: list, add to an asset, update (merge with history), soft delete (`D` + severity + reason). */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { notFound } from '../../errors';
import { deleteRisk, mergeRisk, newRisk, parseEntityKey, parseInput, riskKey, riskName, type Asset, type Risk } from '../../model';
import { NewRiskRequest, RiskDeleteRequest } from './routes';
import type { ListQuery } from '../../api/input';
import { listEntities } from '../../api/list';
import { normaliseRiskInput, type RiskCreate, type RiskUpdate } from '../../clients/risk-input';
import { toStoredRiskStatus } from '../../clients/risk-status';
import { BulkRequest } from '../../clients/bulk';

type Deps = Pick<ApiDependencies, 'repository'>;

export const listRisks = (deps: Deps, whoami: Whoami, query: ListQuery) => listEntities<Risk>(deps, whoami, 'risk', query);

async function targetAsset(deps: Deps, whoami: Whoami, key: string): Promise<Asset> {
  const assetKey = parseEntityKey(key, 'asset');
  const asset = await deps.repository(whoami).get<Asset>(assetKey);
  if (!asset) throw notFound(`asset ${assetKey} not found`);
  return asset;
}

/**
 * `POST /risk`. Analyst or above. The key decides (docs/client-compat.md, conflict 7): a risk key updates that
 * risk; an asset key adds a new risk (404 when the asset does not exist, 409 when the risk already does).
 */
export async function addRisk(deps: Deps, whoami: Whoami, body: unknown): Promise<{ risk: Risk; created: boolean }> {
  requireRole(whoami, 'analyst');
  const write = normaliseRiskInput(body);
  if (write.action === 'update') return { risk: await updateByKey(deps, whoami, write), created: false };
  const input = parseInput(NewRiskRequest, { ...write, key: write.target });
  const asset = await targetAsset(deps, whoami, write.target);
  return { risk: await deps.repository(whoami).create(newRisk(whoami.tenant, asset, { ...input, key: undefined })), created: true };
}

/**
 * `PUT /risk`. Analyst or above. A risk key updates it (404 when absent); an asset key adds the named risk to it
 * or, when it exists, merges the status and comment into it (praetorian-cli `risks.add` is an upsert).
 */
export async function putRisk(deps: Deps, whoami: Whoami, body: unknown): Promise<Risk> {
  requireRole(whoami, 'analyst');
  const write = normaliseRiskInput(body);
  return write.action === 'update' ? updateByKey(deps, whoami, write) : upsert(deps, whoami, write);
}

async function upsert(deps: Deps, whoami: Whoami, write: RiskCreate): Promise<Risk> {
  const asset = await targetAsset(deps, whoami, write.target);
  const incoming = newRisk(whoami.tenant, asset, { name: write.name, status: write.status, comment: write.comment, source: write.source, title: write.title, tags: write.tags });
  const written = await deps.repository(whoami).change<Risk>(riskKey(asset.dns, riskName(write.name)), (existing) =>
    existing ? mergeRisk(existing, { status: write.status, comment: write.comment, title: write.title, tags: write.tags }, whoami.username) : incoming,
  );
  return written!;
}

const updateByKey = (deps: Deps, whoami: Whoami, write: RiskUpdate): Promise<Risk> =>
  deps.repository(whoami).update<Risk>(parseEntityKey(write.key, 'risk'), (existing) =>
    mergeRisk(existing, { status: write.status, comment: write.comment, title: write.title, tags: write.tags }, whoami.username),
  );

/**
 * Analyst or above. The risk stays, with status `D<severity><reason>` and a history entry. A risk that is not there
 * is already gone: success with no row (the SDKs' teardowns delete what may never have been written).
 */
export async function removeRisk(deps: Deps, whoami: Whoami, body: unknown): Promise<Risk | undefined> {
  requireRole(whoami, 'analyst');
  const { key, status, comment } = parseInput(RiskDeleteRequest, body);
  const riskKeyGiven = parseEntityKey(key, 'risk');
  const stored = status && status.length > 1 ? toStoredRiskStatus(status) : status;
  return deps.repository(whoami).change<Risk>(riskKeyGiven, (existing) => existing && deleteRisk(existing, whoami.username, { status: stored, comment }));
}

/** `POST /bulk/risk` (praetorian-cli 2.x): every item checked first (its body and target), then each written like `PUT /risk`. */
export async function bulkRisks(deps: Deps, whoami: Whoami, body: unknown): Promise<Risk[]> {
  requireRole(whoami, 'analyst');
  const items = parseInput(BulkRequest, body).items;
  for (const item of items) {
    const write = normaliseRiskInput(item);
    if (write.action === 'create') newRisk(whoami.tenant, await targetAsset(deps, whoami, write.target), { name: write.name, status: write.status });
  }
  const written: Risk[] = [];
  for (const item of items) written.push(await putRisk(deps, whoami, item));
  return written;
}
