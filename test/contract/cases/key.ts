/** Contract cases of the 'key' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c } from '../support/case';
import { addAccounts } from './account';

export const createKey = c('POST /key', 'create a key (the bare key, as praetorian-cli 2.x reads it); it authenticates as its creator', [], async (t) => {
  const created = await t.call('POST', '/key', { body: { name: 'ci', role: 'analyst' } });
  expect(created.status).toBe(201);
  const key = created.body;
  expect(key.key).toBe(`#key#${key.id}`);
  expect(key).toMatchObject({ name: 'ci', creator: t.ada, status: 'A', role: 'analyst' });
  expect(key.hash).toBeUndefined();
  expect(key.token).toBe(`${key.id}.${key.secret}`);
  t.state.apiKey = key.token;
  const asKey = await t.call('PUT', '/asset', { as: { apiKey: key.token }, body: { dns: 'key.example.com' } });
  expect(asKey.status).toBe(200);
  expect(asKey.body[0].username).toBe(t.ada);
  expect((await t.call('POST', '/key', { as: { apiKey: key.token }, body: { name: 'escalate' } })).status).toBe(403);
});

export const keyErrors = c('POST /key', 'errors: bad key 401, non-admin 403, bad input 400', [createKey, addAccounts], async (t) => {
  expect((await t.call('GET', '/asset', { as: { apiKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAA======.wrong' } })).status).toBe(401);
  expect((await t.call('GET', '/asset', { as: { apiKey: `${t.state.apiKey}x` } })).status).toBe(401);
  expect((await t.call('POST', '/key', { as: 'cy', account: t.ada, body: { name: 'x' } })).status).toBe(403);
  expect((await t.call('POST', '/key', { body: {} })).status).toBe(400);
  expect((await t.call('POST', '/key', { body: { name: 'old', expires: '2001-01-01T00:00:00Z' } })).status).toBe(400);
});

export const listKeys = c('GET /key', 'list keys without secrets', [createKey], async (t) => {
  const keys = await t.call('GET', '/key');
  expect(keys.status).toBe(200);
  expect(keys.body.keys).toHaveLength(1);
  expect(keys.body.keys[0].secret).toBeUndefined();
  expect(keys.body.keys[0].hash).toBeUndefined();
  expect((await t.call('GET', '/key', { as: 'bob' })).body).toEqual({ keys: [] });
});

export const revokeKey = c('DELETE /key', 'revoke a key: status D, the row stays, it no longer authenticates; errors; isolation', [createKey, addAccounts], async (t) => {
  const { id } = (await t.call('POST', '/key', { body: { name: 'to-revoke' } })).body;
  expect((await t.call('DELETE', '/key', { as: 'cy', account: t.ada, body: { key: `#key#${id}` } })).status).toBe(403);
  expect((await t.call('DELETE', '/key', { as: 'bob', body: { key: `#key#${id}` } })).status).toBe(404);
  const revoked = await t.call('DELETE', '/key', { body: { key: `#key#${id}` } });
  expect(revoked.status).toBe(200);
  expect(revoked.body).toMatchObject({ key: `#key#${id}`, status: 'D', deleted: expect.any(String), deleter: t.ada });
  expect(revoked.body.hash).toBeUndefined();
  expect((await t.call('DELETE', '/key', { body: { key: id } })).body).toMatchObject({ status: 'D', deleted: revoked.body.deleted }); // the row stays; again: unchanged
  expect((await t.call('DELETE', '/key', { body: { key: t.state.apiKey.split('.')[0] } })).status).toBe(200);
  expect((await t.call('GET', '/asset', { as: { apiKey: t.state.apiKey } })).status).toBe(401);
  expect((await t.call('DELETE', '/key', { body: { key: '#key#AAAAAAAAAAAAAAAAAAAAAAAAAA======' } })).status).toBe(404);
  expect((await t.call('DELETE', '/key', { body: { key: '#asset#a#b' } })).status).toBe(400);
  expect((await t.call('DELETE', '/key', { body: {} })).status).toBe(400);
});
