import * as z from 'zod';
import { AssetInput, NEW_RISK_STATUSES } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { AssetView, RiskView } from '../../routing/schemas';

const HookEntry = AssetInput.pick({ dns: true, name: true, source: true, tags: true, attackSurface: true }).extend({
  /** A finding on the asset: the risk's name (a CVE id or a title). */
  finding: z.string().trim().min(1).max(512).optional(),
  /** The finding's status; webhook findings land in triage. */
  status: z.enum(NEW_RISK_STATUSES, { error: `status must be one of ${NEW_RISK_STATUSES.join(', ')}` }).optional(),
});
export const HookPayload = z.union([HookEntry, z.array(HookEntry).min(1, 'the list is empty').max(100, 'at most 100 entries per call')]);
const Ingested = z.object({ assets: z.array(AssetView), risks: z.array(RiskView) });

/** The public webhook: a tenant's tools push assets (and findings on them), authenticated by the webhook PIN. */
export default defineRouteGroup({
  name: 'hook',
  service: 'inventory',
  access: { table: 'readWrite', graph: true },
  routes: {
    'POST /hook/{username}/{pin}': {
      auth: 'public',
      summary: 'Public webhook: ingest assets and risks, authenticated by PIN',
      body: HookPayload,
      responses: { 200: Ingested },
    },
    'PUT /hook/{username}/{pin}': {
      auth: 'public',
      summary: 'The same webhook, as praetorian-cli sends it (PUT)',
      body: HookPayload,
      responses: { 200: Ingested },
    },
  },
});
