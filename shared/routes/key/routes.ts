import * as z from 'zod';
import { ListQuery } from '../../api/input';
import { ApiKeyInput } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { KeyView, listOf, written } from '../../routing/schemas';

/** API keys: list (never their secrets), create (the secret is returned once). */
export default defineRouteGroup({
  name: 'key',
  service: 'identity',
  access: { table: 'readWrite' },
  routes: {
    'GET /key': { auth: 'jwt', summary: 'List API keys (never their secrets)', query: ListQuery, responses: { 200: listOf('keys', KeyView) } },
    'POST /key': {
      auth: 'jwt',
      summary: 'Create an API key; the secret is returned once',
      body: ApiKeyInput,
      responses: { 201: written('keys', KeyView.extend({ secret: z.string(), token: z.string().describe('Send as x-api-key') })) },
    },
  },
});
