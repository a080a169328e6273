/** Contract cases of the 'risk' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c, EXAMPLE } from '../support/case';
import { addAssets } from './asset';

export const addRisk = c('POST /risk', 'add a risk to an asset', [addAssets], async (t) => {
  const added = await t.call('POST', '/risk', { body: { key: EXAMPLE, name: 'SQL Injection', status: 'TH', comment: 'found by hand' } });
  expect(added.status).toBe(201);
  expect(added.body.risks[0]).toMatchObject({ key: '#risk#example.com#sql-injection', title: 'SQL Injection', target: EXAMPLE, status: 'TH', priority: 10 });
  const cve = await t.call('POST', '/risk', { body: { key: EXAMPLE, name: 'cve-2024-1234' } });
  expect(cve.body.risks[0]).toMatchObject({ key: '#risk#example.com#CVE-2024-1234', status: 'TI' });
});

export const riskErrors = c('POST /risk', 'errors: missing asset 404, duplicate 409, bad status 400', [addRisk], async (t) => {
  expect((await t.call('POST', '/risk', { body: { key: '#asset#nope.com#nope.com', name: 'x' } })).status).toBe(404);
  expect(await t.call('POST', '/risk', { body: { key: EXAMPLE, name: 'sql injection' } })).toEqual({
    status: 409,
    body: { error: '#risk#example.com#sql-injection already exists' },
  });
  expect((await t.call('POST', '/risk', { body: { key: EXAMPLE, name: 'x', status: 'OH' } })).status).toBe(400);
  expect((await t.call('POST', '/risk', { body: { key: EXAMPLE } })).status).toBe(400);
  expect((await t.call('POST', '/risk', { as: 'bob', body: { key: EXAMPLE, name: 'x' } })).status).toBe(404);
});

export const updateRisk = c('PUT /risk', 'update status with history; 404; 400', [addRisk], async (t) => {
  const opened = await t.call('PUT', '/risk', { body: { key: '#risk#example.com#sql-injection', status: 'OH', comment: 'confirmed' } });
  expect(opened.status).toBe(200);
  expect(opened.body.risks[0]).toMatchObject({ status: 'OH', ttl: 0 });
  expect(opened.body.risks[0].history).toEqual([expect.objectContaining({ from: 'TH', to: 'OH', by: t.ada, comment: 'confirmed' })]);
  expect((await t.call('PUT', '/risk', { body: { key: '#risk#example.com#missing', status: 'OH' } })).status).toBe(404);
  expect((await t.call('PUT', '/risk', { body: { key: '#risk#example.com#sql-injection', status: 'ZZ' } })).status).toBe(400);
});

export const deleteRisk = c('DELETE /risk', 'soft delete with a reason', [addRisk], async (t) => {
  const deleted = await t.call('DELETE', '/risk', { body: { key: '#risk#example.com#CVE-2024-1234', status: 'F', comment: 'false positive' } });
  expect(deleted.status).toBe(200);
  expect(deleted.body.risks[0].status).toBe('DIF');
  expect((await t.call('DELETE', '/risk', { body: { key: '#risk#example.com#sql-injection', status: 'XYZ' } })).status).toBe(400);
  expect(await t.call('DELETE', '/risk', { body: { key: '#risk#example.com#nope', status: 'DCD' } })).toEqual({ status: 200, body: { risks: [] } });
});

export const clientRiskWrites = c('PUT /risk', 'SDK upsert by asset key (comment null); chariot-ui closes with C… and reads it back', [addRisk], async (t) => {
  const added = await t.call('PUT', '/risk', { body: { key: EXAMPLE, name: 'open-redirect', status: 'TH', comment: null, source: '' } });
  expect(added.status).toBe(200);
  expect(added.body.risks[0]).toMatchObject({ key: '#risk#example.com#open-redirect', status: 'TH' });
  const merged = await t.call('PUT', '/risk', { body: { key: EXAMPLE, name: 'open-redirect', status: 'OH', comment: null } });
  expect(merged.body.risks[0]).toMatchObject({ status: 'OH' });
  const browser = { origin: 'http://localhost:3000', 'sec-fetch-mode': 'cors' };
  const closed = await t.call('PUT', '/risk', { headers: browser, body: { key: '#risk#example.com#open-redirect', name: 'open-redirect', status: 'CHF', comment: '' } });
  expect(closed.body.risks[0].status).toBe('CHF');
  expect((await t.call('GET', '/risk', { query: { key: '#risk#example.com#open-redirect' } })).body.risks[0].status).toBe('DHF');
  expect((await t.call('PUT', '/risk', { body: { key: EXAMPLE, name: 'x', status: 'MH' } })).status).toBe(400);
  expect((await t.call('PUT', '/risk', { body: { key: '#asset#nope.com#nope.com', name: 'x' } })).status).toBe(404);
});

export const listRisks = c('GET /risk', 'list risks', [updateRisk, deleteRisk], async (t) => {
  const list = await t.call('GET', '/risk');
  expect(list.status).toBe(200);
  expect(list.body.risks.map((r: { key: string; status: string }) => [r.key, r.status])).toEqual([
    ['#risk#example.com#CVE-2024-1234', 'DIF'],
    ['#risk#example.com#sql-injection', 'OH'],
  ]);
  expect((await t.call('GET', '/risk', { as: 'bob' })).body).toEqual({ risks: [] });
});

export const bulkRisks = c('POST /bulk/risk', 'bulk upsert of risks; an item on a missing asset changes nothing', [addRisk], async (t) => {
  const bulk = await t.call('POST', '/bulk/risk', { body: { action: 'upsert', items: [{ key: EXAMPLE, name: 'bulk-risk', status: 'TH' }] } });
  expect(bulk.status).toBe(200);
  expect(bulk.body).toMatchObject({ status: 'JP', keys: ['#risk#example.com#bulk-risk'] });
  expect((await t.call('POST', '/bulk/risk', { body: { action: 'upsert', items: [{ key: EXAMPLE, name: 'bulk-2' }, { key: '#asset#nope.com#nope.com', name: 'x' }] } })).status).toBe(404);
  expect((await t.call('GET', '/risk', { query: { key: '#risk#example.com#bulk-2' } })).body).toEqual({ risks: [] });
});
