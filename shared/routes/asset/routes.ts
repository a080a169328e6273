import * as z from 'zod';
import { ListQuery } from '../../api/input';
import { AssetInput } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { BulkJobView, BulkRequest } from '../../clients/bulk';
import { AssetView, listOf, written } from '../../routing/schemas';

/** Every era's asset write (docs/client-compat.md): `{dns,name}`, `{group,identifier,type,attackSurface}`, or `{key,…}` to update. */
const AssetWrite = AssetInput.extend({
  key: z.string().optional().describe('Update this asset (with none of dns/name/group/identifier): status, comment, attackSurface'),
  type: z.string().optional().describe('praetorian-cli 2.x registry type; only `asset` is served'),
  attackSurface: z.array(z.string()).optional().describe('Free strings; blanks are dropped ([""] = none)'),
});
/** `PUT /seed`: 1.6.x sends the asset fields, 2.x wraps them in `model`. */
const SeedWrite = z.object({
  dns: z.string().optional(),
  name: z.string().optional(),
  status: z.string().optional().describe('P (default) or A to add; D deletes the seed'),
  type: z.string().optional(),
  model: z.object({ dns: z.string(), name: z.string().optional(), status: z.string().optional() }).optional(),
});
const AssetList = z.array(AssetView).describe('The written asset, in a bare list');

/** Assets (seeds are seed-sourced assets): list, add-or-update (merge), soft delete. */
export default defineRouteGroup({
  name: 'asset',
  service: 'inventory',
  access: { table: 'readWrite', graph: true },
  routes: {
    'GET /asset': { auth: 'jwt', summary: 'List assets (key prefix, offset)', query: ListQuery, responses: { 200: listOf('assets', AssetView) } },
    'PUT /asset': { auth: 'jwt', summary: 'Add or update an asset (merge); by key: update', body: AssetWrite, responses: { 200: AssetList } },
    'POST /asset': { auth: 'jwt', summary: 'Add an asset (chariot-ui); same as PUT', body: AssetWrite, responses: { 200: AssetList } },
    'PUT /seed': { auth: 'jwt', summary: 'Add, update or (status D) delete a seed: a seed-sourced asset', body: SeedWrite, responses: { 200: AssetList } },
    'DELETE /asset': { auth: 'jwt', summary: 'Soft-delete an asset (status D)', body: z.object({ key: z.string() }), responses: { 200: written('assets', AssetView) } },
    'POST /bulk/asset': { auth: 'jwt', summary: 'Upsert many assets at once (praetorian-cli 2.x bulk_add): a finished job', body: BulkRequest, responses: { 200: BulkJobView } },
  },
});
