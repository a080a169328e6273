import { ListQuery } from '../../api/input';
import { AssetInput } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { AssetView, listOf, written } from '../../routing/schemas';
import * as z from 'zod';

/** Assets: list, add-or-update (merge), soft delete. */
export default defineRouteGroup({
  name: 'asset',
  service: 'inventory',
  access: { table: 'readWrite', graph: true },
  routes: {
    'GET /asset': { auth: 'jwt', summary: 'List assets (key prefix, offset)', query: ListQuery, responses: { 200: listOf('assets', AssetView) } },
    'PUT /asset': { auth: 'jwt', summary: 'Add or update an asset (merge)', body: AssetInput, responses: { 200: written('assets', AssetView) } },
    'DELETE /asset': { auth: 'jwt', summary: 'Soft-delete an asset (status D)', body: z.object({ key: z.string() }), responses: { 200: written('assets', AssetView) } },
  },
});
