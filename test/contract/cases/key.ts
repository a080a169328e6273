/** Contract cases of the 'key' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c } from '../support/case';
import { addAccounts } from './account';

export const createKey = c('POST /key', 'create a key; it authenticates as its creator', [], async (t) => {
  const created = await t.call('POST', '/key', { body: { name: 'ci', role: 'analyst' } });
  expect(created.status).toBe(201);
  const key = created.body.keys[0];
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
