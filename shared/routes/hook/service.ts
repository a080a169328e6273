/**
 * The public webhook `POST /hook/{username}/{pin}`: a tenant's tools push assets (and findings on
 * them) authenticated by the webhook PIN. Ingestion is re-discovery, so it visits: existing rows get
 * `visited`/`ttl` refreshed and tags unioned; nothing a user set is overwritten.
 */
import type { ApiDependencies } from '../../api/dependencies';
import type { Whoami } from '../../auth/whoami';
import { newAsset, newRisk, parseInput, provenanceAttribute, type Asset, type Risk } from '../../model';
import { HookPayload } from './routes';

type Deps = Pick<ApiDependencies, 'repository' | 'authenticateWebhook'>;

export interface Ingested {
  readonly assets: Asset[];
  readonly risks: Risk[];
}

/** 401 unless the PIN is the tenant's webhook (checked before the body is read). Every entry is validated before anything is written. */
export async function ingest(deps: Deps, encodedUsername: string, pin: string, readBody: () => unknown): Promise<Ingested> {
  const whoami: Whoami = await deps.authenticateWebhook(encodedUsername, pin);
  const payload = parseInput(HookPayload, readBody());
  const entries = Array.isArray(payload) ? payload : [payload];
  const planned = entries.map(({ finding, status, ...fields }) => {
    const asset = newAsset(whoami.tenant, { ...fields, origin: 'webhook' });
    const risk = finding ? newRisk(whoami.tenant, asset, { name: finding, status, source: 'webhook' }) : undefined;
    return { asset, risk };
  });
  const repository = deps.repository(whoami);
  const assets = new Map<string, Asset>();
  const risks = new Map<string, Risk>();
  // Every entity the webhook creates carries one `source=webhook` attribute (praetorian-cli's test_webhook reads it).
  const markCreated = async (key: string, created: boolean) => {
    if (created) await repository.upsert(provenanceAttribute(whoami.tenant, key, 'webhook'), 'visit');
  };
  for (const { asset, risk } of planned) {
    const writtenAsset = await repository.upsert(asset, 'visit');
    assets.set(asset.key, writtenAsset.row);
    await markCreated(asset.key, writtenAsset.created);
    if (!risk) continue;
    const writtenRisk = await repository.upsert(risk, 'visit');
    risks.set(risk.key, writtenRisk.row);
    await markCreated(risk.key, writtenRisk.created);
  }
  return { assets: [...assets.values()], risks: [...risks.values()] };
}
