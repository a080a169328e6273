/** Seeds, preseeds and account rows (collaborators, webhook, settings, integrations, alerts, purge): §3.5–3.6. */
import { randomUUID } from 'node:crypto';
import { cli1, cli2, COLLABORATOR, succeeded, TENANT, ui, type ClientCall } from '../support/catalogue';
import { addAsset, addCollaborator, addWebhook, rowsOf } from './arrange';

const member = (email: string) => `/account/${encodeURIComponent(email)}`;

export const SEED_CALLS: readonly ClientCall[] = [
  cli1('seeds.add', 'PUT /seed {dns,status:"P"}', 'sdk/entities/seeds.py:14', {
    request: () => ({ method: 'PUT', path: '/seed', body: { dns: 'v1-seed-add.example.com', status: 'P' } }),
    reads: succeeded,
  }),
  cli1('seeds.delete', 'PUT /seed {dns,status:"D"}', 'sdk/entities/seeds.py:22-38', {
    request: () => ({ method: 'PUT', path: '/seed', body: { dns: 'v1-seed-add.example.com', status: 'D' } }),
    reads: succeeded,
  }),
  cli2('seeds.add', 'PUT /seed {type:"asset",model:{dns,status:"P"}}', 'sdk/entities/seeds.py:20-34', {
    request: () => ({ method: 'PUT', path: '/seed', body: { type: 'asset', model: { dns: 'v2-seed-add.example.com', status: 'P' } } }),
    reads: succeeded,
  }),
  cli2('seeds.update', 'PUT /seed {type:"asset",model:{dns,status:"A"}}', 'sdk/entities/seeds.py:112, :133', {
    request: () => ({ method: 'PUT', path: '/seed', body: { type: 'asset', model: { dns: 'v2-seed-add.example.com', status: 'A' } } }),
    reads: succeeded,
  }),
  cli1('preseeds.update', 'PUT /preseed {key,status}', 'sdk/entities/preseeds.py:19', {
    request: () => ({ method: 'PUT', path: '/preseed', body: { key: '#preseed#whois#registrant_email#a@a.com', status: 'A' } }),
    reads: succeeded,
  }),
  cli1('preseeds.delete', 'DELETE /preseed {key}', 'sdk/entities/preseeds.py:25', {
    request: () => ({ method: 'DELETE', path: '/preseed', body: { key: '#preseed#whois#registrant_email#a@a.com' } }),
    reads: succeeded,
  }),
  cli2('preseeds.add', 'POST /preseed {type,title,value,status}', 'sdk/entities/preseeds.py:56', {
    request: () => ({ method: 'POST', path: '/preseed', body: { type: 'whois+company', title: 'registrant', value: 'Acme', status: 'A' } }),
    reads: succeeded,
  }),
  cli2('preseeds.update', 'PUT /preseed {key,status,comment}', 'sdk/entities/preseeds.py:137-145', {
    request: () => ({ method: 'PUT', path: '/preseed', body: { key: '#preseed#whois+company#registrant#Acme', status: 'F', comment: 'no' } }),
    reads: succeeded,
  }),
  cli2('preseeds.delete', 'DELETE /preseed {key}', 'sdk/entities/preseeds.py:175', {
    request: () => ({ method: 'DELETE', path: '/preseed', body: { key: '#preseed#whois+company#registrant#Acme' } }),
    reads: succeeded,
  }),
];

export const ACCOUNT_CALLS: readonly ClientCall[] = [
  cli1('accounts.add_collaborator', 'POST /account/<email> {config:{},value:""}', 'sdk/chariot.py:88-92; sdk/test/test_account.py:15', {
    request: () => ({ method: 'POST', path: member(COLLABORATOR), body: { config: {}, value: '' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.member).toBe(COLLABORATOR);
    },
  }),
  cli2('accounts.add_collaborator', 'POST /account/<email> {config:{},value:"",role:"analyst"}', 'sdk/chariot.py:212-218; sdk/entities/accounts.py:46-57', {
    request: () => ({ method: 'POST', path: member(COLLABORATOR), body: { config: {}, value: '', role: 'analyst' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toMatchObject({ member: COLLABORATOR, name: TENANT, role: 'analyst' });
    },
  }),
  ui('useCreateCollaborator', 'POST /account/<email> {config:null}', 'src/hooks/useAccounts.ts:29-47', {
    request: () => ({ method: 'POST', path: member(COLLABORATOR), body: { config: null } }),
    reads: succeeded,
  }),
  cli1('accounts.delete_collaborator', 'DELETE /account/<email> {value:""}', 'sdk/chariot.py:94-98; sdk/test/test_account.py:22', {
    arrange: (c) => addCollaborator(c),
    request: () => ({ method: 'DELETE', path: member(COLLABORATOR), body: { value: '' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.member).toBe(COLLABORATOR);
    },
  }),
  cli2('accounts.delete_collaborator', 'DELETE /account/<email> {value:"",config:{}}', 'sdk/chariot.py:220-223', {
    arrange: (c) => addCollaborator(c),
    request: () => ({ method: 'DELETE', path: member(COLLABORATOR), body: { value: '', config: {} } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.member).toBe(COLLABORATOR);
    },
  }),
  ui('useDeleteCollaborator', 'DELETE /account/<email> {}', 'src/hooks/useAccounts.ts:49-57', {
    arrange: (c) => addCollaborator(c),
    request: () => ({ method: 'DELETE', path: member(COLLABORATOR), body: {} }),
    reads: succeeded,
  }),
  cli1('webhook.upsert', 'POST /account/hook {config:{},value:<uuid4 pin>}', 'sdk/entities/webhook.py:14, :38-39', {
    request: () => ({ method: 'POST', path: '/account/hook', body: { config: {}, value: randomUUID() } }),
    reads: succeeded,
  }),
  cli2('webhook.upsert', 'POST /account/hook {config:{},value:<pin>,role:"readonly"}', 'sdk/entities/webhook.py:50-52, :166-167', {
    request: () => ({ method: 'POST', path: '/account/hook', body: { config: {}, value: randomUUID(), role: 'readonly' } }),
    reads: succeeded,
  }),
  ui('useCreateWebhook', 'POST /account/hook {config:{pin:<uuid>}}', 'src/hooks/useAccounts.ts:31-40, :74-79', {
    arrange: async (c) => void (c.state.pin = randomUUID()),
    request: (c) => ({ method: 'POST', path: '/account/hook', body: { config: { pin: c.state.pin } } }),
    reads: ({ status, body }, c) => {
      expect(status).toBe(200);
      expect(body.config.pin).toBe(c.state.pin);
    },
  }),
  ...([cli1, cli2] as const).map((client, i) =>
    client('webhook.delete', 'DELETE /account/hook {member:"hook",value:<pin>,key}', i ? 'sdk/entities/webhook.py:126-131' : 'sdk/entities/webhook.py:31', {
      arrange: async (c) => {
        c.state.pin = randomUUID();
        c.state.key = await addWebhook(c, c.state.pin);
      },
      request: (c) => ({ method: 'DELETE', path: '/account/hook', body: { member: 'hook', value: c.state.pin, key: c.state.key } }),
      reads: succeeded,
    }),
  ),
  cli2('webhook.get_record', 'GET /my?key=#account# (the member "hook" row: value, key)', 'sdk/entities/webhook.py:75-102', {
    arrange: async (c) => {
      c.state.pin = randomUUID();
      await addWebhook(c, c.state.pin);
    },
    request: () => ({ method: 'GET', path: '/my', query: { key: '#account#' } }),
    reads: ({ status, body }, c) => {
      expect(status).toBe(200);
      expect(body.accounts).toEqual(expect.arrayContaining([expect.objectContaining({ member: 'hook', value: c.state.pin, key: expect.any(String) })]));
    },
  }),
  ui('useUpdateAccount (organisation name)', 'POST /account/settings {config:{displayName}}', 'src/hooks/useAccounts.ts:125-132, :153-157', {
    request: () => ({ method: 'POST', path: '/account/settings', body: { config: { displayName: 'Demo Org' } } }),
    reads: async (answer, c) => {
      succeeded(answer);
      const rows = (await c.send({ method: 'GET', path: '/my', query: { key: '#account' } })).body.accounts as { key: string; config?: { displayName?: string } }[];
      expect(rows.find((row) => row.key.endsWith('#settings#'))?.config?.displayName).toBe('Demo Org');
    },
  }),
  cli1('integrations.add', 'POST /account/<integration> {config:{},value:<uploaded file>}', 'sdk/entities/integrations.py:31-32', {
    request: () => ({ method: 'POST', path: '/account/nessus', body: { config: {}, value: 'imports/nessus/scan.xml' } }),
    reads: succeeded,
  }),
  ui('useIntegration', 'POST /account/<integration> {config:{…}} (rows read back with config)', 'src/sections/overview/Integration.tsx', {
    request: () => ({ method: 'POST', path: '/account/github', body: { config: { organization: 'acme' }, value: 'acme' } }),
    reads: async (answer, c) => {
      succeeded(answer);
      const rows = (await c.send({ method: 'GET', path: '/my', query: { key: '#account' } })).body.accounts as { member: string; config?: { organization?: string } }[];
      expect(rows.find((row) => row.member === 'github')?.config?.organization).toBe('acme');
    },
  }),
  ui('useGetAccountAlerts', 'GET /account/alert', 'src/hooks/useGetAccountAlerts.ts:6-26', {
    request: () => ({ method: 'GET', path: '/account/alert' }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(Array.isArray(body)).toBe(true); // [{priority,label,count,query}]
    },
  }),
  ui('usePurgeAccount', 'DELETE /account/purge (no body)', 'src/hooks/useAccounts.ts:107-122', {
    arrange: async (c) => void (await addAsset(c, 'ui-purge.example.com')),
    request: () => ({ method: 'DELETE', path: '/account/purge' }),
    reads: async (answer, c) => {
      succeeded(answer);
      expect(await rowsOf(c, '#asset#', 'assets')).toEqual([]);
    },
  }),
  cli1('purge', 'DELETE /account/purge (no body, status not checked)', 'sdk/chariot.py:136-137', {
    arrange: async (c) => void (await addAsset(c, 'v1-purge.example.com')),
    request: () => ({ method: 'DELETE', path: '/account/purge' }),
    reads: async (_answer, c) => {
      expect(await rowsOf(c, '#asset#', 'assets')).toEqual([]); // the SDK reads nothing; the data must be gone
    },
  }),
];
