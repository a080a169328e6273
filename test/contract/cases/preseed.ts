/** Contract cases of the 'preseed' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c } from '../support/case';

const ACME = '#preseed#whois+company#registrant#Acme';

export const addPreseed = c('POST /preseed', 'add a preseed (2.x); pending is refused; readonly cannot', [], async (t) => {
  const added = await t.call('POST', '/preseed', { body: { type: 'whois+company', title: 'registrant', value: 'Acme', status: 'A' } });
  expect(added.status).toBe(200);
  expect(added.body.preseeds[0]).toMatchObject({ key: ACME, type: 'whois+company', title: 'registrant', value: 'Acme', status: 'A' });
  expect((await t.call('GET', '/my', { query: { key: '#preseed#' } })).body.preseeds).toHaveLength(1);
  expect((await t.call('POST', '/preseed', { body: { type: 'whois', title: 'x', value: 'y', status: 'P' } })).status).toBe(400);
  expect((await t.call('POST', '/preseed', { body: { type: 'whois', title: 'x' } })).status).toBe(400);
});

export const updatePreseed = c('PUT /preseed', 'set a status by key with a comment; a missing preseed is created from its key', [addPreseed], async (t) => {
  const frozen = await t.call('PUT', '/preseed', { body: { key: ACME, status: 'F', comment: 'not ours' } });
  expect(frozen.status).toBe(200);
  expect(frozen.body.preseeds[0]).toMatchObject({ status: 'F', history: [expect.objectContaining({ from: 'A', to: 'F', comment: 'not ours' })] });
  const v1 = await t.call('PUT', '/preseed', { body: { key: '#preseed#whois#registrant_email#a@a.com', status: 'A' } });
  expect(v1.body.preseeds[0]).toMatchObject({ type: 'whois', title: 'registrant_email', value: 'a@a.com', status: 'A' });
  expect((await t.call('PUT', '/preseed', { body: { key: '#asset#a.com#a.com', status: 'A' } })).status).toBe(400);
});

export const deletePreseed = c('DELETE /preseed', 'delete by key; a missing one is a success', [addPreseed], async (t) => {
  expect((await t.call('DELETE', '/preseed', { body: { key: ACME } })).body.preseeds[0]).toMatchObject({ key: ACME });
  expect(await t.call('DELETE', '/preseed', { body: { key: ACME } })).toEqual({ status: 200, body: { preseeds: [] } });
  expect((await t.call('DELETE', '/preseed', { body: {} })).status).toBe(400);
});
