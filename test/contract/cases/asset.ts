/** Contract cases of the 'asset' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c, EXAMPLE, member, firstPageOffset } from '../support/case';
import { addAccounts } from './account';

export const noCredentials = c('GET /asset', 'no credentials → 401', [], async (t) => {
  const r = await t.call('GET', '/asset', { as: null });
  expect(r).toEqual({ status: 401, body: { error: 'missing credentials' } });
});

export const badTokens = c('GET /asset', 'malformed and tampered tokens → 401', [], async (t) => {
  const ada = await t.user('ada');
  expect((await t.call('GET', '/asset', { as: { authorization: 'Basic YWRhOnB3' } })).status).toBe(401);
  expect((await t.call('GET', '/asset', { as: { authorization: 'Bearer not.a.jwt' } })).status).toBe(401);
  const [header, payload] = ada.idToken.split('.');
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), email: t.bob })).toString('base64url');
  expect((await t.call('GET', '/asset', { as: { authorization: `Bearer ${header}.${forged}.${ada.idToken.split('.')[2]}` } })).status).toBe(401);
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
  expect((await t.call('GET', '/asset', { as: { authorization: `Bearer ${none}` } })).status).toBe(401);
});

export const forgedAccount = c('GET /asset', 'forged account header → 403', [], async (t) => {
  expect(await t.call('GET', '/asset', { as: 'ada', account: t.bob })).toEqual({ status: 403, body: { error: `not a member of ${t.bob}` } });
  expect((await t.call('GET', '/asset', { as: 'cy', account: t.ada })).status).toBe(403);
});

export const addAssets = c('PUT /asset', 'add assets and a seed', [], async (t) => {
  const added = await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com', tags: ['prod'] } });
  expect(added.status).toBe(200);
  expect(added.body).toHaveLength(1);
  expect(added.body[0]).toMatchObject({ key: EXAMPLE, username: t.ada, status: 'A', source: 'self', class: 'tld', tags: ['prod'] });
  expect(added.body[0].version).toBeUndefined();
  for (const dns of ['a.example.com', 'b.example.com', 'c.example.com']) {
    expect((await t.call('PUT', '/asset', { body: { dns, name: '10.0.0.1' } })).status).toBe(200);
  }
  const seed = await t.call('PUT', '/asset', { body: { dns: 'seed.example.org', source: 'seed' } });
  expect(seed.body[0]).toMatchObject({ status: 'P', source: 'seed', ttl: 0 });
  // Each new asset gets one automatic `source` attribute saying how it came in (praetorian-cli 1.6.x's test_search).
  const provenance = async (key: string) => (await t.call('GET', '/my', { query: { key: `source:${key}`, label: 'attribute' } })).body.attributes;
  expect(await provenance(EXAMPLE)).toEqual([expect.objectContaining({ name: 'source', value: 'provided', source: EXAMPLE })]);
  expect(await provenance('#asset#seed.example.org#seed.example.org')).toEqual([expect.objectContaining({ name: 'source', value: 'seed' })]);
  expect((await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com' } })).status).toBe(200);
  expect(await provenance(EXAMPLE)).toHaveLength(1); // re-adding adds none
});

export const mergeAsset = c('PUT /asset', 'update merges and records history', [addAssets], async (t) => {
  const frozen = await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com', status: 'F', comment: 'out of scope' } });
  expect(frozen.status).toBe(200);
  expect(frozen.body[0]).toMatchObject({ status: 'F', ttl: 0 });
  expect(frozen.body[0].history).toEqual([expect.objectContaining({ from: 'A', to: 'F', by: t.ada, comment: 'out of scope' })]);
  const kept = await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com' } });
  expect(kept.body[0].status).toBe('F');
  expect((await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com', status: 'A' } })).body[0].status).toBe('A');
});

export const assetValidation = c('PUT /asset', 'validation errors → 400, nothing stored', [], async (t) => {
  const cases: [unknown, string?][] = [
    [{ dns: 'not a domain!' }],
    [{ dns: 'bad#dns.com' }],
    [{ dns: 'example.net', status: 'X' }],
    [{}],
    [[{ dns: 'example.net' }]],
  ];
  for (const [body] of cases) expect((await t.call('PUT', '/asset', { body })).status).toBe(400);
  expect(await t.call('PUT', '/asset', { body: { group: 'example.net', identifier: 'x', type: 'addomain' } })).toEqual({ status: 400, body: { error: 'type addomain is not served yet' } });
  expect(await t.call('PUT', '/asset', { body: { key: '#asset#example.net#example.net', status: 'AH' } })).toEqual({
    status: 404,
    body: { error: '#asset#example.net#example.net not found' },
  });
  expect(await t.call('PUT', '/asset', { rawBody: '{"dns":' })).toEqual({ status: 400, body: { error: 'the body is not valid JSON' } });
  expect(await t.call('PUT', '/asset', { rawBody: '' })).toEqual({ status: 400, body: { error: 'a JSON body is required' } });
  expect((await t.call('GET', '/asset', { query: { key: '#asset#example.net' } })).body).toEqual({ assets: [] });
});

export const clientEraWrites = c('PUT /asset', 'every era: group/identifier + free attackSurface, update by key, a bare list with updated', [addAssets], async (t) => {
  const v2 = await t.call('PUT', '/asset', { body: { group: 'v2.example.com', identifier: '10.0.0.9', status: 'A', attackSurface: ['', 'test-surface'], type: 'asset' } });
  expect(v2.status).toBe(200);
  expect(v2.body[0]).toMatchObject({ key: '#asset#v2.example.com#10.0.0.9', attackSurface: ['test-surface'], updated: expect.any(String) });
  const byKey = await t.call('PUT', '/asset', { body: { key: EXAMPLE, status: 'AH', comment: 'crown jewel' } });
  expect(byKey.body[0]).toMatchObject({ key: EXAMPLE, status: 'AH' });
  expect(byKey.body[0].updated >= byKey.body[0].visited).toBe(true);
});

export const postAsset = c('POST /asset', 'chariot-ui adds an asset with POST: a bare list', [], async (t) => {
  const added = await t.call('POST', '/asset', { body: { dns: 'ui.example.com', name: 'ui.example.com', status: 'A' } });
  expect(added.status).toBe(200);
  expect(added.body[0]).toMatchObject({ key: '#asset#ui.example.com#ui.example.com', status: 'A' });
  expect((await t.call('POST', '/asset', { body: { dns: 'not a domain!' } })).status).toBe(400);
});

export const listAssets = c('GET /asset', 'list, prefix and pagination over 3 pages', [addAssets], async (t) => {
  const all = await t.call('GET', '/asset');
  expect(all.status).toBe(200);
  expect(all.body.assets.map((a: { key: string }) => a.key)).toEqual([
    '#asset#a.example.com#10.0.0.1',
    '#asset#b.example.com#10.0.0.1',
    '#asset#c.example.com#10.0.0.1',
    EXAMPLE,
    '#asset#seed.example.org#seed.example.org',
  ]);
  expect(all.body.offset).toBeUndefined();
  const keys: string[] = [];
  let offset: string | undefined;
  let pages = 0;
  do {
    const page = await t.call('GET', '/asset', { query: { limit: 2, ...(offset ? { offset } : {}) } });
    expect(page.status).toBe(200);
    keys.push(...page.body.assets.map((a: { key: string }) => a.key));
    offset = page.body.offset;
    pages++;
  } while (offset);
  expect(pages).toBe(3);
  expect(keys).toEqual(all.body.assets.map((a: { key: string }) => a.key));
  const prefix = await t.call('GET', '/asset', { query: { key: '#asset#b.' } });
  expect(prefix.body.assets).toHaveLength(1);
});

export const badListParameters = c('GET /asset', 'bad list parameters → 400', [addAssets], async (t) => {
  const adaOffset = await firstPageOffset(t);
  expect(await t.call('GET', '/asset', { query: { key: '#risk#' } })).toEqual({ status: 400, body: { error: 'key must start with #asset#' } });
  expect((await t.call('GET', '/asset', { query: { limit: 0 } })).status).toBe(400);
  expect((await t.call('GET', '/asset', { query: { limit: 'ten' } })).status).toBe(400);
  expect(await t.call('GET', '/asset', { query: { offset: 'garbage' } })).toEqual({ status: 400, body: { error: 'invalid offset' } });
  const tampered = adaOffset.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
  expect((await t.call('GET', '/asset', { query: { limit: 2, offset: tampered } })).status).toBe(400);
});

export const assetIsolation = c('GET /asset', 'tenant isolation: B sees nothing of A, and cannot use A’s offset', [addAssets], async (t) => {
  const adaOffset = await firstPageOffset(t);
  expect(await t.call('GET', '/asset', { as: 'bob' })).toEqual({ status: 200, body: { assets: [] } });
  expect(await t.call('GET', '/asset', { as: 'bob', query: { key: EXAMPLE } })).toEqual({ status: 200, body: { assets: [] } });
  expect(await t.call('GET', '/asset', { as: 'bob', query: { limit: 2, offset: adaOffset } })).toEqual({ status: 400, body: { error: 'invalid offset' } });
});

export const deleteAsset = c('DELETE /asset', 'soft delete, 404, 400, and B cannot touch A', [addAssets], async (t) => {
  expect(await t.call('DELETE', '/asset', { as: 'bob', body: { key: '#asset#c.example.com#10.0.0.1' } })).toEqual({
    status: 404,
    body: { error: '#asset#c.example.com#10.0.0.1 not found' },
  });
  const deleted = await t.call('DELETE', '/asset', { body: { key: '#asset#c.example.com#10.0.0.1' } });
  expect(deleted.status).toBe(200);
  expect(deleted.body.assets[0]).toMatchObject({ status: 'D', ttl: 0 });
  expect((await t.call('DELETE', '/asset', { body: { key: '#asset#nope.example.com#nope.example.com' } })).status).toBe(404);
  expect((await t.call('DELETE', '/asset', { body: { key: '#risk#x#y' } })).status).toBe(400);
  expect((await t.call('DELETE', '/asset', { body: {} })).status).toBe(400);
});

export const collaboratorRoles = c('PUT /asset', 'roles: analyst collaborator writes, readonly collaborator reads only', [addAccounts], async (t) => {
  const written = await t.call('PUT', '/asset', { as: 'cy', account: t.ada, body: { dns: 'cy.example.com', name: 'cy.example.com' } });
  expect(written.status).toBe(200);
  expect(written.body[0].username).toBe(t.ada);
  expect((await t.call('GET', '/asset', { as: 'dee', account: t.ada, query: { key: '#asset#cy.' } })).body.assets).toHaveLength(1);
  expect(await t.call('PUT', '/asset', { as: 'dee', account: t.ada, body: { dns: 'dee.example.com' } })).toEqual({
    status: 403,
    body: { error: 'requires role analyst; you are readonly' },
  });
});

export const putSeed = c('PUT /seed', 'seeds of both SDK eras; status D deletes; 1.6.5 reads them as #seed# rows', [], async (t) => {
  const v1 = await t.call('PUT', '/seed', { body: { dns: 'seed-v1.example.com', status: 'P' } });
  expect(v1.status).toBe(200);
  expect(v1.body[0]).toMatchObject({ key: '#asset#seed-v1.example.com#seed-v1.example.com', source: 'seed', status: 'P', ttl: 0 });
  const v2 = await t.call('PUT', '/seed', { body: { type: 'asset', model: { dns: 'seed-v2.example.com', status: 'A' } } });
  expect(v2.body[0]).toMatchObject({ source: 'seed', status: 'A' });
  const seeds = await t.call('GET', '/my', { query: { key: '#seed#domain#seed-v1.example.com', exact: 'true' } });
  expect(seeds.body.seeds).toEqual([expect.objectContaining({ key: '#seed#domain#seed-v1.example.com', dns: 'seed-v1.example.com' })]);
  expect((await t.call('PUT', '/seed', { body: { dns: 'seed-v1.example.com', status: 'D' } })).body[0]).toMatchObject({ status: 'D' });
  expect(await t.call('PUT', '/seed', { body: { dns: 'never.example.com', status: 'D' } })).toEqual({ status: 200, body: [] });
  expect((await t.call('PUT', '/seed', { body: { model: {} } })).status).toBe(400);
});

export const bulkAssets = c('POST /bulk/asset', 'bulk upsert: a finished job with the written keys; a bad item changes nothing', [], async (t) => {
  const bulk = await t.call('POST', '/bulk/asset', { body: { action: 'upsert', items: [{ group: 'bulk1.example.com', identifier: 'bulk1.example.com' }, { dns: 'bulk2.example.com' }] } });
  expect(bulk.status).toBe(200);
  expect(bulk.body).toMatchObject({ status: 'JP', capability: 'bulk-asset', keys: ['#asset#bulk1.example.com#bulk1.example.com', '#asset#bulk2.example.com#bulk2.example.com'] });
  expect((await t.call('POST', '/bulk/asset', { body: { action: 'upsert', items: [{ dns: 'bulk3.example.com' }, { dns: 'not a domain!' }] } })).status).toBe(400);
  expect((await t.call('GET', '/asset', { query: { key: '#asset#bulk3' } })).body).toEqual({ assets: [] });
  expect((await t.call('POST', '/bulk/asset', { body: { action: 'delete', items: [{ dns: 'x.com' }] } })).status).toBe(400);
});
