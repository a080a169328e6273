import * as z from 'zod';
import { ListQuery } from '../../api/input';
import { NEW_RISK_STATUSES, RiskInput, RiskUpdate } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { BulkJobView, BulkRequest } from '../../clients/bulk';
import { listOf, RiskView, written } from '../../routing/schemas';

/** `POST /risk`: `key` is the asset's key; a hand-added risk starts in triage (TI…TC). */
export const NewRiskRequest = RiskInput.extend({
  key: z.string({ error: 'key (the asset key) is required' }),
  status: z.enum(NEW_RISK_STATUSES, { error: `a new risk's status must be one of ${NEW_RISK_STATUSES.join(', ')}` }).optional(),
});

/**
 * `PUT /risk`: a risk key updates it; an asset key adds (or merges into) the risk `name` on that asset
 * (praetorian-cli `risks.add`). Statuses: the stored form, or chariot-ui's closed `C<severity>[R|F|S]`.
 * `comment: null` and `source: ""` mean "not given".
 */
export const RiskUpdateRequest = RiskUpdate.extend({
  key: z.string({ error: 'key is required' }).describe('A risk key (update) or an asset key (add the risk `name`)'),
  name: z.string().optional(),
  status: z.string().optional().describe('T|O|I|R|D + severity (+ reason), or C<severity>[R|F|S] (chariot-ui)'),
  comment: z.string().nullable().optional(),
  source: z.string().optional(),
});

/** `DELETE /risk`: a soft delete with a reason. */
export const RiskDeleteRequest = z.object({
  key: z.string({ error: 'key is required' }),
  /** Default reason O (other). */
  status: z.string().max(3).optional().describe('D<severity><reason>, or a reason F|S|O|D'),
  comment: z.string().max(4096).optional(),
});

/** Risks: list, add to an asset, update (merge), soft delete with a reason. */
export default defineRouteGroup({
  name: 'risk',
  service: 'inventory',
  access: { table: 'readWrite', graph: true },
  routes: {
    'GET /risk': { auth: 'jwt', summary: 'List risks (key prefix, offset)', query: ListQuery, responses: { 200: listOf('risks', RiskView) } },
    'POST /risk': {
      auth: 'jwt',
      summary: 'Add a risk to an asset (201); with a risk key, update it (200)',
      body: NewRiskRequest,
      responses: { 201: written('risks', RiskView), 200: written('risks', RiskView) },
    },
    'PUT /risk': { auth: 'jwt', summary: 'Update a risk, or add one to an asset (upsert)', body: RiskUpdateRequest, responses: { 200: written('risks', RiskView) } },
    'DELETE /risk': {
      auth: 'jwt',
      summary: 'Soft-delete a risk (status D + severity + reason); a missing risk is already gone: {"risks":[]}',
      body: RiskDeleteRequest,
      responses: { 200: written('risks', RiskView) },
    },
    'POST /bulk/risk': { auth: 'jwt', summary: 'Upsert many risks at once (praetorian-cli 2.x bulk_add): a finished job', body: BulkRequest, responses: { 200: BulkJobView } },
  },
});
