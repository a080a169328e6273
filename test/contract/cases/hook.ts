/** Contract cases of the 'hook' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c, EXAMPLE, PIN, hookPath } from '../support/case';
import { addAccounts } from './account';
import { addAssets } from './asset';

export const ingest = c('POST /hook/{username}/{pin}', 'ingest assets and findings by PIN', [addAccounts, addAssets], async (t) => {
  const ingested = await t.call('POST', hookPath(t.ada, PIN), {
    as: null,
    body: [{ dns: 'hook.example.com', name: 'hook.example.com' }, { dns: 'example.com', name: 'example.com', finding: 'Open Redirect', tags: ['hook'] }],
  });
  expect(ingested.status).toBe(200);
  expect(ingested.body.assets.map((a: { key: string }) => a.key)).toEqual(['#asset#hook.example.com#hook.example.com', EXAMPLE]);
  expect(ingested.body.assets[1].tags).toEqual(['prod', 'hook']);
  expect(ingested.body.risks[0]).toMatchObject({ key: '#risk#example.com#open-redirect', status: 'TI', source: 'webhook' });
});

export const hookErrors = c('POST /hook/{username}/{pin}', 'wrong PIN or tenant → 401; bad payload → 400', [addAccounts], async (t) => {
  const denied = { status: 401, body: { error: 'invalid webhook' } };
  expect(await t.call('POST', hookPath(t.ada, '00000000-0000-4000-8000-000000000000'), { as: null, body: { dns: 'x.com' } })).toEqual(denied);
  expect(await t.call('POST', hookPath(t.bob, PIN), { as: null, body: { dns: 'x.com' } })).toEqual(denied);
  expect(await t.call('POST', hookPath(t.ada, 'pin'), { as: null, rawBody: 'not json' })).toEqual(denied);
  expect((await t.call('POST', hookPath(t.ada, PIN), { as: null, rawBody: 'not json' })).status).toBe(400);
  expect((await t.call('POST', hookPath(t.ada, PIN), { as: null, body: [] })).status).toBe(400);
  expect((await t.call('POST', hookPath(t.ada, PIN), { as: null, body: [{ dns: 'ok.example.com' }, { dns: 'bad dns' }] })).status).toBe(400);
  expect((await t.call('GET', '/asset', { query: { key: '#asset#ok.' } })).body).toEqual({ assets: [] });
});

export const putHook = c('PUT /hook/{username}/{pin}', 'PUT works like POST; each created entity gets one source=webhook attribute', [addAccounts], async (t) => {
  const put = await t.call('PUT', hookPath(t.ada, PIN), { as: null, body: { dns: 'put.example.com', name: 'put.example.com', finding: 'hook-finding' } });
  expect(put.status).toBe(200);
  for (const key of ['#asset#put.example.com#put.example.com', '#risk#put.example.com#hook-finding']) {
    const attributes = (await t.call('GET', '/my', { query: { key: `source:${key}`, label: 'attribute' } })).body.attributes;
    expect(attributes).toEqual([expect.objectContaining({ name: 'source', value: 'webhook', source: key })]);
  }
  expect(await t.call('PUT', hookPath(t.ada, '00000000-0000-4000-8000-000000000000'), { as: null, body: { dns: 'x.com' } })).toEqual({ status: 401, body: { error: 'invalid webhook' } });
});
