import * as z from 'zod';
import { AccountInput, SettingInput } from '../../model';
import { defineRouteGroup } from '../../routing/route-group';
import { AccountView } from '../../routing/schemas';

/** `DELETE /account/{member}` body: the row's `value` (required for a webhook: its PIN), or its full `key`. */
export const AccountDeleteRequest = z.object({ value: z.string().max(1024).optional(), key: z.string().max(1024).optional() });

/** The bare row every client reads, with `config` (chariot-ui) = `settings`; a webhook's `config.pin` is its PIN. */
const AccountRow = AccountView.and(z.object({ config: z.record(z.string(), z.unknown()) }));
const Alert = z.object({ priority: z.number(), label: z.string(), count: z.number().int(), query: z.string().describe('A GET /my key') });

export const SettingName = SettingInput.pick({ name: true });
const SettingRow = z.looseObject({ username: z.string(), key: z.string(), name: z.string(), value: z.unknown(), last_modified: z.string() }).meta({ id: 'Setting' });

/** Collaborators, integrations and webhooks of the caller's tenant (admin only), and its settings and configurations. */
export default defineRouteGroup({
  name: 'account',
  service: 'identity',
  access: { table: 'readWrite' },
  routes: {
    'POST /account/{member}': {
      auth: 'jwt',
      summary: 'Add a collaborator, integration or webhook to the tenant (settings as `settings` or `config`)',
      body: AccountInput,
      responses: { 200: AccountRow },
    },
    // Declared before `{member}`: API Gateway prefers the static route, and the local matchers take the first match.
    'DELETE /account/purge': {
      auth: 'jwt',
      summary: "Delete my data: every data row of the caller's tenant (access rows and API keys stay)",
      responses: { 200: z.object({ deleted: z.number().int() }) },
    },
    'DELETE /account/{member}': {
      auth: 'jwt',
      summary: 'Remove a collaborator, integration or webhook',
      body: AccountDeleteRequest,
      responses: { 200: AccountRow },
    },
    'PUT /setting': {
      auth: 'jwt',
      summary: 'Set a tenant setting (scan-level, rate-limit, blocked_capabilities are validated; other names take any JSON)',
      body: SettingInput,
      responses: { 200: z.object({ settings: z.array(SettingRow) }) },
    },
    'DELETE /setting': {
      auth: 'jwt',
      summary: 'Delete a tenant setting; a missing one is already gone: {"settings":[]}',
      body: SettingName,
      responses: { 200: z.object({ settings: z.array(SettingRow) }) },
    },
    'PUT /configuration': {
      auth: 'jwt',
      summary: "Set a tenant configuration (operator switches such as customer_type, subscription; admin only)",
      body: SettingInput,
      responses: { 200: z.object({ configurations: z.array(SettingRow) }) },
    },
    'DELETE /configuration': {
      auth: 'jwt',
      summary: 'Delete a tenant configuration; a missing one is already gone: {"configurations":[]}',
      body: SettingName,
      responses: { 200: z.object({ configurations: z.array(SettingRow) }) },
    },
    'GET /account/alert': {
      auth: 'jwt',
      summary: 'Alerts: one per risk severity with risks waiting in triage (derived, most urgent first)',
      responses: { 200: z.array(Alert) },
    },
  },
});
