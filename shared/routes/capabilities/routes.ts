import * as z from 'zod';
import { defineRouteGroup } from '../../routing/route-group';

export const CapabilityFilter = z.object({
  name: z.string().max(128).optional(),
  target: z.string().max(64).optional(),
  executor: z.string().max(64).optional(),
});
export type CapabilityFilter = z.output<typeof CapabilityFilter>;

const Capability = z
  .looseObject({ name: z.string(), title: z.string(), target: z.string(), description: z.string(), executor: z.string(), integration: z.boolean() })
  .meta({ id: 'Capability' });

/**
 * The capability catalogue: static data. Its table read is authentication's (API keys and the `account`
 * header are looked up in the table); the catalogue itself touches nothing.
 */
export default defineRouteGroup({
  name: 'capabilities',
  service: 'operations',
  access: { table: 'read' },
  routes: {
    'GET /capabilities': {
      auth: 'jwt',
      summary: 'The capability catalogue (name, target, executor filters)',
      query: CapabilityFilter,
      responses: { 200: z.array(Capability).describe('A bare list') },
    },
  },
});
