/** Risks: list, add to an asset, update (merge with history), soft delete (`D` + severity + reason). */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { notFound } from '../../errors';
import { deleteRisk, mergeRisk, newRisk, parseEntityKey, parseInput, type Asset, type Risk } from '../../model';
import { NewRiskRequest, RiskDeleteRequest, RiskUpdateRequest } from './routes';
import type { ListQuery } from '../../api/input';
import { listEntities } from '../../api/list';

type Deps = Pick<ApiDependencies, 'repository'>;

export const listRisks = (deps: Deps, whoami: Whoami, query: ListQuery) => listEntities<Risk>(deps, whoami, 'risk', query);

/** Analyst or above. 404 when the asset does not exist, 409 when the risk already does (update it with PUT). */
export async function addRisk(deps: Deps, whoami: Whoami, body: unknown): Promise<Risk> {
  requireRole(whoami, 'analyst');
  const { key, ...input } = parseInput(NewRiskRequest, body);
  const assetKey = parseEntityKey(key, 'asset');
  const repository = deps.repository(whoami);
  const asset = await repository.get<Asset>(assetKey);
  if (!asset) throw notFound(`asset ${assetKey} not found`);
  return repository.create(newRisk(whoami.tenant, asset, input));
}

/** Analyst or above. Status changes and comments are recorded in the risk's history. */
export async function updateRisk(deps: Deps, whoami: Whoami, body: unknown): Promise<Risk> {
  requireRole(whoami, 'analyst');
  const { key, ...update } = parseInput(RiskUpdateRequest, body);
  const riskKey = parseEntityKey(key, 'risk');
  return deps.repository(whoami).update<Risk>(riskKey, (existing) => mergeRisk(existing, update, whoami.username));
}

/** Analyst or above. The risk stays, with status `D<severity><reason>` and a history entry. */
export async function removeRisk(deps: Deps, whoami: Whoami, body: unknown): Promise<Risk> {
  requireRole(whoami, 'analyst');
  const { key, status, comment } = parseInput(RiskDeleteRequest, body);
  const riskKey = parseEntityKey(key, 'risk');
  return deps.repository(whoami).update<Risk>(riskKey, (existing) => deleteRisk(existing, whoami.username, { status, comment }));
}
