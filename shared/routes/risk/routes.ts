import * as z from 'zod';
import { ListQuery } from '../../api/input';
import { NEW_RISK_STATUSES, RiskInput, RiskUpdate } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { listOf, RiskView, written } from '../../routing/schemas';

/** `POST /risk`: `key` is the asset's key; a hand-added risk starts in triage (TI…TC). */
export const NewRiskRequest = RiskInput.extend({
  key: z.string({ error: 'key (the asset key) is required' }),
  status: z.enum(NEW_RISK_STATUSES, { error: `a new risk's status must be one of ${NEW_RISK_STATUSES.join(', ')}` }).optional(),
});

export const RiskUpdateRequest = RiskUpdate.extend({ key: z.string({ error: 'key is required' }) });

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
    'POST /risk': { auth: 'jwt', summary: 'Add a risk to an asset', body: NewRiskRequest, responses: { 201: written('risks', RiskView) } },
    'PUT /risk': { auth: 'jwt', summary: 'Update a risk (status, comment, title, tags)', body: RiskUpdateRequest, responses: { 200: written('risks', RiskView) } },
    'DELETE /risk': {
      auth: 'jwt',
      summary: 'Soft-delete a risk (status D + severity + reason)',
      body: RiskDeleteRequest,
      responses: { 200: written('risks', RiskView) },
    },
  },
});
