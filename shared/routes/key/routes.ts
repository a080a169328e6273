import * as z from 'zod';
import { ListQuery } from '../../api/input';
import { ApiKeyInput } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { KeyView, listOf } from '../../routing/schemas';

/** `DELETE /key {key}` (praetorian-cli 2.x): the key's `#key#<id>`, or its bare id. */
export const ApiKeyDelete = z.object({ key: z.string({ error: 'key is required' }).min(1, 'key is required').max(1024) });

const RevokedKey = KeyView.extend({ deleted: z.string(), deleter: z.string() });

/** API keys: list (never their secrets), create (the secret is returned once), revoke. */
export default defineRouteGroup({
  name: 'key',
  service: 'identity',
  access: { table: 'readWrite' },
  routes: {
    'GET /key': { auth: 'jwt', summary: 'List API keys (never their secrets)', query: ListQuery, responses: { 200: listOf('keys', KeyView) } },
    'POST /key': {
      auth: 'jwt',
      summary: 'Create an API key; answers the bare key, whose secret is shown this once',
      body: ApiKeyInput,
      responses: { 201: KeyView.extend({ secret: z.string(), token: z.string().describe('Send as x-api-key') }) },
    },
    'DELETE /key': {
      auth: 'jwt',
      summary: 'Revoke an API key (status D; the row stays for the audit trail)',
      body: ApiKeyDelete,
      responses: { 200: RevokedKey },
    },
  },
});
