import * as z from 'zod';
import { AccountInput } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { AccountView, written } from '../../routing/schemas';

/** `DELETE /account/{member}` body: the row's `value` (required for a webhook: its PIN), or its full `key`. */
export const AccountDeleteRequest = z.object({ value: z.string().max(1024).optional(), key: z.string().max(1024).optional() });

/** Collaborators, integrations and webhooks of the caller's tenant (admin only). */
export default defineRouteGroup({
  name: 'account',
  service: 'identity',
  access: { table: 'readWrite' },
  routes: {
    'POST /account/{member}': {
      auth: 'jwt',
      summary: 'Add a collaborator, integration or webhook to the tenant',
      body: AccountInput,
      responses: { 200: written('accounts', AccountView) },
    },
    'DELETE /account/{member}': {
      auth: 'jwt',
      summary: 'Remove a collaborator, integration or webhook',
      body: AccountDeleteRequest,
      responses: { 200: written('accounts', AccountView) },
    },
  },
});
