/** Contract cases of the 'account' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c, PIN, member } from '../support/case';

export const addAccounts = c('POST /account/{member}', 'add collaborators and a webhook', [], async (t) => {
  const cy = await t.call('POST', member(t.cy), { body: { role: 'analyst' } });
  expect(cy.status).toBe(200);
  expect(cy.body).toMatchObject({ key: `#account#${t.ada}#${t.cy}#`, name: t.ada, member: t.cy, role: 'analyst' });
  expect((await t.call('POST', member(t.dee), { body: {} })).body).toMatchObject({ member: t.dee });
  const hook = await t.call('POST', '/account/hook', { body: { value: PIN } });
  expect(hook.body).toMatchObject({ key: `#account#${t.ada}#hook#${PIN}`, role: 'readonly', config: { pin: PIN } });
});

export const accountErrors = c('POST /account/{member}', 'errors: bad role, bad member, self, non-admin', [addAccounts], async (t) => {
  expect((await t.call('POST', member(t.cy), { body: { role: 'owner' } })).status).toBe(400);
  expect((await t.call('POST', '/account/Not%20An%20Email!', { body: {} })).status).toBe(400);
  expect((await t.call('POST', member(t.ada), { body: {} })).status).toBe(400);
  expect((await t.call('POST', '/account/hook', { body: { value: 'not-a-uuid' } })).status).toBe(400);
  // Values DynamoDB cannot hold exactly are refused up front (they used to surface as a 500 from the table).
  expect(await t.call('POST', member(t.cy), { body: { settings: { n: 1e16 } } })).toEqual({ status: 400, body: { error: 'settings: numbers must be finite: integers within ±2^53, fractions of at least 1E-130' } });
  expect((await t.call('POST', member(t.cy), { rawBody: '{"settings":{"n":1.5e-214}}' })).status).toBe(400);
  const deep = '{"a":'.repeat(700) + '1' + '}'.repeat(700);
  expect(await t.call('POST', member(t.cy), { rawBody: `{"config":${deep}}` })).toEqual({ status: 400, body: { error: 'settings: must nest at most 16 levels' } });
  expect((await t.call('POST', member(t.cy), { rawBody: '{"settings":{"n":1e400}}' })).status).toBe(400);
  expect((await t.call('POST', member(t.cy), { body: { settings: { blob: 'x'.repeat(20_000) } } })).status).toBe(400);
  expect(await t.call('POST', member(t.bob), { as: 'cy', account: t.ada, body: { role: 'admin' } })).toEqual({
    status: 403,
    body: { error: 'requires role admin; you are analyst' },
  });
});

export const removeAccount = c('DELETE /account/{member}', 'remove a collaborator; access ends', [addAccounts], async (t) => {
  const removed = await t.call('DELETE', member(t.dee));
  expect(removed.status).toBe(200);
  expect(removed.body).toMatchObject({ member: t.dee });
  expect((await t.call('GET', '/asset', { as: 'dee', account: t.ada })).status).toBe(403);
  expect((await t.call('DELETE', member(t.dee))).status).toBe(404);
  expect((await t.call('DELETE', '/account/hook')).status).toBe(400);
  expect((await t.call('DELETE', member(t.cy), { as: 'cy', account: t.ada })).status).toBe(403);
});

export const accountConfig = c('POST /account/{member}', 'chariot-ui: config round-trips (organisation name), webhook PIN from config.pin', [], async (t) => {
  const named = await t.call('POST', '/account/settings', { body: { config: { displayName: 'Demo Org' } } });
  expect(named.status).toBe(200);
  expect(named.body).toMatchObject({ member: 'settings', config: { displayName: 'Demo Org' }, settings: { displayName: 'Demo Org' } });
  const hook = await t.call('POST', '/account/hook', { body: { config: { pin: PIN } } });
  expect(hook.body).toMatchObject({ key: `#account#${t.ada}#hook#${PIN}`, value: PIN, config: { pin: PIN } });
  expect((await t.call('POST', '/account/purge', { body: {} })).status).toBe(400);
});

export const purgeTenant = c('DELETE /account/purge', "delete my data: only the caller's tenant, access rows stay", [addAccounts], async (t) => {
  await t.call('PUT', '/asset', { body: { dns: 'purge.example.com' } });
  await t.call('PUT', '/asset', { as: 'bob', body: { dns: 'kept.example.com' } });
  expect((await t.call('DELETE', '/account/purge', { as: 'cy', account: t.ada })).status).toBe(403);
  const purged = await t.call('DELETE', '/account/purge');
  expect(purged.status).toBe(200);
  expect(purged.body.deleted).toBeGreaterThanOrEqual(1);
  expect((await t.call('GET', '/asset')).body).toEqual({ assets: [] });
  expect((await t.call('GET', '/asset', { as: 'bob' })).body.assets).toHaveLength(1);
  expect((await t.call('GET', '/asset', { as: 'cy', account: t.ada })).status).toBe(200);
});

export const alerts = c('GET /account/alert', 'alerts: risks waiting in triage per severity, as GET /my queries', [], async (t) => {
  expect(await t.call('GET', '/account/alert')).toEqual({ status: 200, body: [] });
  await t.call('PUT', '/asset', { body: { dns: 'alert.example.com' } });
  await t.call('POST', '/risk', { body: { key: '#asset#alert.example.com#alert.example.com', name: 'weak-tls', status: 'TH' } });
  expect((await t.call('GET', '/account/alert')).body).toEqual([{ priority: 10, label: 'High risks in triage', count: 1, query: 'status:TH' }]);
});

export const putSetting = c('PUT /setting', 'settings: validated known names, any JSON otherwise; readonly cannot', [addAccounts], async (t) => {
  const set = await t.call('PUT', '/setting', { body: { name: 'scan-level', value: 'A' } });
  expect(set.status).toBe(200);
  expect(set.body.settings[0]).toMatchObject({ key: '#setting#scan-level', name: 'scan-level', value: 'A' });
  expect((await t.call('GET', '/my', { query: { key: '#setting#' } })).body.settings).toHaveLength(1);
  expect((await t.call('PUT', '/setting', { body: { name: 'scan-level', value: 'Z' } })).status).toBe(400);
  expect((await t.call('PUT', '/setting', { body: { name: 'scan-level' } })).status).toBe(400);
  expect((await t.call('PUT', '/setting', { as: 'dee', account: t.ada, body: { name: 'x', value: 1 } })).status).toBe(403);
});

export const deleteSetting = c('DELETE /setting', 'delete a setting; a missing one is a success', [putSetting], async (t) => {
  expect((await t.call('DELETE', '/setting', { body: { name: 'scan-level' } })).body.settings[0]).toMatchObject({ name: 'scan-level' });
  expect(await t.call('DELETE', '/setting', { body: { name: 'scan-level' } })).toEqual({ status: 200, body: { settings: [] } });
  expect((await t.call('DELETE', '/setting', { body: {} })).status).toBe(400);
});

export const putConfiguration = c('PUT /configuration', 'configurations: beside settings, admin only, validated subscription; isolation', [addAccounts], async (t) => {
  const set = await t.call('PUT', '/configuration', { body: { name: 'customer_type', value: 'ENTERPRISE' } });
  expect(set.status).toBe(200);
  expect(set.body.configurations[0]).toMatchObject({ key: '#configuration#customer_type', name: 'customer_type', value: 'ENTERPRISE' });
  expect((await t.call('GET', '/my', { query: { key: '#configuration#' } })).body.configurations).toHaveLength(1);
  expect((await t.call('GET', '/my', { query: { key: '#setting#' } })).body.settings ?? []).toHaveLength(0);
  expect((await t.call('GET', '/my', { as: 'bob', query: { key: '#configuration#' } })).body).toEqual({ configurations: [] });
  expect((await t.call('PUT', '/configuration', { body: { name: 'subscription', value: { startDate: '2026-01-01' } } })).status).toBe(200);
  expect((await t.call('PUT', '/configuration', { body: { name: 'subscription', value: { startDate: 'Jan 1' } } })).status).toBe(400);
  expect((await t.call('PUT', '/configuration', { body: { name: 'customer_type' } })).status).toBe(400);
  expect((await t.call('PUT', '/configuration', { as: 'cy', account: t.ada, body: { name: 'x', value: 1 } })).status).toBe(403);
});

export const deleteConfiguration = c('DELETE /configuration', 'delete a configuration; a missing one is a success; analyst cannot', [putConfiguration], async (t) => {
  expect((await t.call('DELETE', '/configuration', { as: 'cy', account: t.ada, body: { name: 'customer_type' } })).status).toBe(403);
  expect((await t.call('DELETE', '/configuration', { body: { name: 'customer_type' } })).body.configurations[0]).toMatchObject({ name: 'customer_type' });
  expect(await t.call('DELETE', '/configuration', { body: { name: 'customer_type' } })).toEqual({ status: 200, body: { configurations: [] } });
  expect((await t.call('DELETE', '/configuration', { body: {} })).status).toBe(400);
});
