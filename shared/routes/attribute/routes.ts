import * as z from 'zod';
import { ListQuery } from '../../api/input';
import { AttributeInput } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { BulkJobView, BulkRequest } from '../../clients/bulk';
import { AttributeView, listOf, written } from '../../routing/schemas';

/** Attributes of assets and risks: list, add-or-update, delete. */
export default defineRouteGroup({
  name: 'attribute',
  service: 'inventory',
  access: { table: 'readWrite', graph: true },
  routes: {
    'GET /attribute': { auth: 'jwt', summary: 'List attributes (key prefix, offset)', query: ListQuery, responses: { 200: listOf('attributes', AttributeView) } },
    'PUT /attribute': { auth: 'jwt', summary: 'Add or update an attribute of an asset or risk', body: AttributeInput, responses: { 200: written('attributes', AttributeView) } },
    'POST /attribute': { auth: 'jwt', summary: 'Add an attribute (chariot-ui); same as PUT', body: AttributeInput, responses: { 200: written('attributes', AttributeView) } },
    'DELETE /attribute': { auth: 'jwt', summary: 'Delete an attribute', body: z.object({ key: z.string() }), responses: { 200: written('attributes', AttributeView) } },
    'POST /bulk/attribute': { auth: 'jwt', summary: 'Upsert many attributes at once (praetorian-cli 2.x bulk_add): a finished job', body: BulkRequest, responses: { 200: BulkJobView } },
  },
});
