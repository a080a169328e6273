import * as z from 'zod';
import { defineRouteGroup } from '../../routing/route-group';

/** API-key sign-in (praetorian-cli 2.x): an API key in headers for a short-lived Bearer token. */
export default defineRouteGroup({
  name: 'token',
  service: 'identity',
  access: { table: 'read' },
  routes: {
    'GET /token': {
      auth: 'public',
      summary: 'Exchange an API key (X-GUARD-API-KEY-ID/-SECRET headers) for a short-lived Bearer token',
      responses: {
        200: z.object({
          token: z.string().describe('A JWT with `email`; send as Authorization: Bearer'),
          ExpiresIn: z.number().int().describe('Seconds the token lives (3660)'),
          TokenType: z.literal('Bearer'),
        }),
      },
    },
  },
});
