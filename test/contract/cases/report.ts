/** Contract cases of the 'report' route group: the risk export (real) and the two reports this deployment cannot make. */
import { c, EXAMPLE } from '../support/case';

export const exportRisks = c('GET /risk/export', "export the tenant's risks as a CSV file named in the answer; another tenant exports its own", [], async (t) => {
  await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com' } });
  await t.call('POST', '/risk', { body: { key: EXAMPLE, name: 'CVE-2024-0001', status: 'TH' } });
  const exported = await t.call('GET', '/risk/export');
  expect(exported).toMatchObject({ status: 200, body: { file: expect.stringMatching(/^exports\/risks-\d{8}T\d{6}Z\.csv$/), risks: 1 } });
  expect((await t.call('GET', '/my', { query: { key: `#file#${exported.body.file}` } })).body.files).toEqual([expect.objectContaining({ name: exported.body.file })]);
  expect((await t.call('GET', '/risk/export', { as: 'bob' })).body.risks).toBe(0);
  expect((await t.call('GET', '/risk/export', { as: null })).status).toBe(401);
});

export const riskReport = c('GET /report/risk', 'not available here: 501 saying so (after authentication)', [], async (t) => {
  expect(await t.call('GET', '/report/risk', { query: { name: 'CVE-2024-0001' } })).toEqual({ status: 501, body: { error: expect.stringContaining('is not available in this deployment') } });
  expect((await t.call('GET', '/report/risk', { as: null })).status).toBe(401);
});

export const exportReport = c('POST /export/report', 'not available here: 501 saying so', [], async (t) => {
  expect(await t.call('POST', '/export/report', { body: { config: {} } })).toEqual({ status: 501, body: { error: 'report export (a worker renders the PDF) is not available in this deployment' } });
});
