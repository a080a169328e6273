/** Contract cases of the 'attribute' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c, EXAMPLE } from '../support/case';
import { addRisk } from './risk';

export const putAttributes = c('PUT /attribute', 'add to an asset and a risk; errors', [addRisk], async (t) => {
  const port = await t.call('PUT', '/attribute', { body: { key: EXAMPLE, name: 'open_port', value: '443' } });
  expect(port.status).toBe(200);
  expect(port.body.attributes[0]).toMatchObject({ key: `#attribute#open_port#443${EXAMPLE}`, source: EXAMPLE, status: 'A' });
  const onRisk = await t.call('PUT', '/attribute', { body: { key: '#risk#example.com#sql-injection', name: 'url', value: 'https://example.com/login' } });
  expect(onRisk.status).toBe(200);
  expect((await t.call('PUT', '/attribute', { body: { key: '#asset#nope.com#nope.com', name: 'a', value: 'b' } })).status).toBe(404);
  expect((await t.call('PUT', '/attribute', { body: { key: '#job#x#y#z', name: 'a', value: 'b' } })).status).toBe(400);
  expect((await t.call('PUT', '/attribute', { body: { key: EXAMPLE, name: 'a' } })).status).toBe(400);
  const tooMuchMetadata = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v']));
  expect((await t.call('PUT', '/attribute', { body: { key: EXAMPLE, name: 'a', value: 'b', metadata: tooMuchMetadata } })).status).toBe(400);
});

export const listAttributes = c('GET /attribute', 'list attributes', [putAttributes], async (t) => {
  const list = await t.call('GET', '/attribute');
  expect(list.status).toBe(200);
  const added = list.body.attributes.filter((a: { name: string }) => a.name !== 'source'); // each asset's automatic one aside
  expect(added).toHaveLength(2);
});

export const deleteAttribute = c('DELETE /attribute', 'delete, then 404', [putAttributes], async (t) => {
  const key = '#attribute#url#https://example.com/login#risk#example.com#sql-injection';
  expect((await t.call('DELETE', '/attribute', { body: { key } })).status).toBe(200);
  expect((await t.call('DELETE', '/attribute', { body: { key } })).status).toBe(404);
  expect((await t.call('DELETE', '/attribute', { body: { key: EXAMPLE } })).status).toBe(400);
});

export const postAttribute = c('POST /attribute', 'chariot-ui adds an attribute with POST', [addRisk], async (t) => {
  const added = await t.call('POST', '/attribute', { body: { key: EXAMPLE, name: 'port', value: '22' } });
  expect(added.status).toBe(200);
  expect(added.body.attributes[0]).toMatchObject({ key: `#attribute#port#22${EXAMPLE}`, source: EXAMPLE });
  expect((await t.call('POST', '/attribute', { body: { key: '#asset#nope.com#nope.com', name: 'a', value: 'b' } })).status).toBe(404);
});

export const bulkAttributes = c('POST /bulk/attribute', 'bulk upsert of attributes', [addRisk], async (t) => {
  const bulk = await t.call('POST', '/bulk/attribute', { body: { action: 'upsert', items: [{ key: EXAMPLE, name: 'port', value: '80' }] } });
  expect(bulk.status).toBe(200);
  expect(bulk.body).toMatchObject({ status: 'JP', keys: [`#attribute#port#80${EXAMPLE}`] });
  expect((await t.call('POST', '/bulk/attribute', { body: { action: 'upsert', items: [] } })).status).toBe(400);
});
