/** Contract cases of the 'token' route group (praetorian-cli 2.x's API-key sign-in). */
import { c } from '../support/case';
import { createKey } from './key';

export const exchangeKey = c('GET /token', 'an API key for a token that authenticates as the key; bad keys 401', [createKey], async (t) => {
  const [id, secret] = t.state.apiKey.split('.');
  const minted = await t.call('GET', '/token', { as: null, headers: { 'X-GUARD-API-KEY-ID': id, 'X-GUARD-API-KEY-SECRET': secret } });
  expect(minted.status).toBe(200);
  expect(minted.body).toMatchObject({ ExpiresIn: 3660, TokenType: 'Bearer' });
  const payload = JSON.parse(Buffer.from(minted.body.token.split('.')[1], 'base64url').toString());
  expect(payload).toMatchObject({ email: t.ada, sub: id, token_use: 'api_key' });
  const asToken = await t.call('PUT', '/asset', { as: { authorization: `Bearer ${minted.body.token}` }, body: { dns: 'token.example.com' } });
  expect(asToken.status).toBe(200);
  expect(asToken.body[0].username).toBe(t.ada);
  // The key's analyst ceiling holds for its tokens too.
  expect((await t.call('POST', '/key', { as: { authorization: `Bearer ${minted.body.token}` }, body: { name: 'escalate' } })).status).toBe(403);
  expect((await t.call('GET', '/token', { as: null, headers: { 'X-GUARD-API-KEY-ID': id, 'X-GUARD-API-KEY-SECRET': 'wrong' } })).status).toBe(401);
  expect((await t.call('GET', '/token', { as: null })).status).toBe(401);
});
