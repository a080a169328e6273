import * as z from 'zod';
import { MyParams } from '../../clients/my-query';
import { MAX_PAGE_SIZE, MAX_RELATIONSHIP_LENGTH, OPERATORS } from '../../graph/query';
import { defineRouteGroup } from '../../routing/route-group';

const Rows = z.array(z.looseObject({ key: z.string() }));

/** Node filters and traversals of `POST /my`, as documented (the graph module validates them). */
const Filter = z
  .object({ field: z.string().optional(), operator: z.enum(OPERATORS), value: z.unknown().optional().describe('a list of filters for AND/OR'), not: z.boolean().optional() })
  .meta({ id: 'GraphFilter' });
const Relationship = z.object({
  label: z.union([z.string(), z.array(z.string())]),
  source: z.unknown().optional().describe('a GraphNode that points at this node'),
  target: z.unknown().optional().describe('a GraphNode this node points at'),
  optional: z.boolean().optional(),
  length: z.number().int().min(0).max(MAX_RELATIONSHIP_LENGTH).optional(),
});
const Node = z
  .object({
    labels: z.array(z.string()).min(1),
    filters: z.array(Filter).optional(),
    search: z.string().optional(),
    relationships: z.array(Relationship).optional(),
  })
  .meta({ id: 'GraphNode' });
const GraphQuery = z.object({
  node: Node,
  page: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  orderBy: z.string().optional(),
  descending: z.boolean().optional(),
  shortest: z.union([z.boolean(), z.number().int()]).optional(),
});

/**
 * Search: table prefix search grouped by type, and graph search. It writes the table only to settle entries of
 * the graph's catch-up ledger (shared/graph/catch-up.ts), hence `readWrite`.
 */
export default defineRouteGroup({
  name: 'search',
  service: 'inventory',
  access: { table: 'readWrite', graph: true },
  routes: {
    'GET /my': {
      auth: 'jwt',
      summary: 'Search the tenant table: #kind prefix, field:value (status, source, dns, name, ip) or a bare term (dns/name prefix)',
      query: MyParams,
      responses: { 200: z.object({ offset: z.string().optional() }).catchall(Rows).describe('Rows grouped by the plural of their type') },
    },
    'GET /my/count': {
      auth: 'jwt',
      summary: 'Statistics of every row a GET /my query names: counts by status and source (and attribute name)',
      query: MyParams,
      responses: {
        200: z.object({
          status: z.record(z.string(), z.number().int()),
          source: z.record(z.string(), z.number().int()),
          attributes: z.record(z.string(), z.number().int()).optional(),
        }),
      },
    },
    'POST /my': {
      auth: 'jwt',
      summary: 'Graph search: node filter plus relationship traversal, paginated',
      body: GraphQuery,
      responses: { 200: z.object({ offset: z.number().int().optional() }).catchall(Rows).describe('Rows under the plural of the first label') },
    },
  },
});
