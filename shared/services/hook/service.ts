/**
 * The public webhook `POST /hook/{username}/{pin}`: a tenant's tools push assets (and findings on
 * them) authenticated by the webhook PIN. Ingestion is re-discovery, so it visits: existing rows get
 * `visited`/`ttl` refreshed and tags unioned; nothing a user set is overwritten.
 */
import * as z from 'zod';
import type { ApiDependencies } from '../../api/dependencies';
import type { Whoami } from '../../auth/whoami';
import { AssetInput, NEW_RISK_STATUSES, newAsset, newRisk, parseInput, type Asset, type Risk } from '../../model';

type Deps = Pick<ApiDependencies, 'repository' | 'authenticateWebhook'>;

const HookEntry = AssetInput.pick({ dns: true, name: true, source: true, tags: true, attackSurface: true }).extend({
  /** A finding on the asset: the risk's name (a CVE id or a title). */
  finding: z.string().trim().min(1).max(512).optional(),
  /** The finding's status; webhook findings land in triage. */
  status: z.enum(NEW_RISK_STATUSES, { error: `status must be one of ${NEW_RISK_STATUSES.join(', ')}` }).optional(),
});
export const HookPayload = z.union([HookEntry, z.array(HookEntry).min(1, 'the list is empty').max(100, 'at most 100 entries per call')]);

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
  for (const { asset, risk } of planned) {
    assets.set(asset.key, (await repository.upsert(asset, 'visit')).row);
    if (risk) risks.set(risk.key, (await repository.upsert(risk, 'visit')).row);
  }
  return { assets: [...assets.values()], risks: [...risks.values()] };
}
