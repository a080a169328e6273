import * as z from 'zod';
import { ListQuery } from '../../api/input';
import { RiskInput, RiskUpdate } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { listOf, RiskView, written } from '../../routing/schemas';

/** Risks: list, add to an asset, update (merge), soft delete with a reason. */
export default defineRouteGroup({
  name: 'risk',
  service: 'inventory',
  access: { table: 'readWrite', graph: true },
  routes: {
    'GET /risk': { auth: 'jwt', summary: 'List risks (key prefix, offset)', query: ListQuery, responses: { 200: listOf('risks', RiskView) } },
    'POST /risk': { auth: 'jwt', summary: 'Add a risk to an asset', body: RiskInput, responses: { 201: written('risks', RiskView) } },
    'PUT /risk': { auth: 'jwt', summary: 'Update a risk (status, comment, title, tags)', body: RiskUpdate, responses: { 200: written('risks', RiskView) } },
    'DELETE /risk': {
      auth: 'jwt',
      summary: 'Soft-delete a risk (status D + severity + reason)',
      body: z.object({ key: z.string(), status: z.string().optional().describe('D<severity><reason>, or a reason F|S|O|D'), comment: z.string().optional() }),
      responses: { 200: written('risks', RiskView) },
    },
  },
});
