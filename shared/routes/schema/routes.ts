import * as z from 'zod';
import { defineRouteGroup } from '../../routing/route-group';

/**
 * `GET /schema` (praetorian-cli 2.x `schema.get`): the JSON Schema of every entity the API answers, keyed by its
 * lower-cased name (`asset`, `risk`, `webpage`…). Derived from the same zod declarations as OpenAPI, so it cannot
 * drift from what the routes answer.
 */
export default defineRouteGroup({
  name: 'schema',
  service: 'operations',
  access: { table: 'read' },
  routes: {
    'GET /schema': {
      auth: 'jwt',
      summary: 'JSON Schemas of the entities, keyed by name (from the route declarations)',
      responses: { 200: z.record(z.string(), z.looseObject({})).describe('{"asset": {JSON Schema}, "risk": {…}, …}') },
    },
  },
});
