/** Contract cases of the 'webpage' route group. */
import { c } from '../support/case';

const URL = 'https://app.example.com/login';
const KEY = `#webpage#${URL}`;
const APP = '#webapplication#https://app.example.com/';

export const addWebpage = c('POST /webpage', 'add a webpage under its web application; re-adding keeps it; bad input 400', [], async (t) => {
  const added = await t.call('POST', '/webpage', { body: { webpage: { url: URL, status: 'A' }, parent_key: APP } });
  expect(added).toMatchObject({ status: 200, body: { key: KEY, url: URL, status: 'A', parent: APP } });
  expect((await t.call('POST', '/webpage', { body: { webpage: { url: URL, status: 'F' } } })).body).toMatchObject({ key: KEY, status: 'F', parent: APP });
  expect((await t.call('GET', '/my', { query: { key: '#webpage#' } })).body.webpages).toEqual([expect.objectContaining({ key: KEY })]);
  expect((await t.call('GET', '/my', { as: 'bob', query: { key: '#webpage#' } })).body).toEqual({ webpages: [] });
  for (const bad of [{ url: URL }, { webpage: { url: 'ftp://x' } }, { webpage: { url: URL }, parent_key: '#asset#a#a' }, { webpage: {} }]) {
    expect((await t.call('POST', '/webpage', { body: bad })).status).toBe(400);
  }
});

export const linkWebpage = c('PUT /webpage/link', 'link a file as source (once); 404 for a missing page or another tenant; 400 for other kinds', [addWebpage], async (t) => {
  const body = { webpageKey: KEY, entityKey: '#file#src/login.ts' };
  expect(await t.call('PUT', '/webpage/link', { body })).toMatchObject({ status: 200, body: { key: KEY, sources: ['#file#src/login.ts'] } });
  expect((await t.call('PUT', '/webpage/link', { body })).body.sources).toEqual(['#file#src/login.ts']);
  expect((await t.call('PUT', '/webpage/link', { as: 'bob', body })).status).toBe(404);
  expect((await t.call('PUT', '/webpage/link', { body: { ...body, webpageKey: '#webpage#https://nope.example.com/' } })).status).toBe(404);
  expect((await t.call('PUT', '/webpage/link', { body: { ...body, entityKey: '#asset#a#a' } })).status).toBe(400);
});

export const unlinkWebpage = c('DELETE /webpage/link', 'unlink a source', [linkWebpage], async (t) => {
  const unlinked = await t.call('DELETE', '/webpage/link', { body: { webpageKey: KEY, entityKey: '#file#src/login.ts' } });
  expect(unlinked.status).toBe(200);
  expect(unlinked.body.sources).toBeUndefined();
  expect((await t.call('DELETE', '/webpage/link', { body: { webpageKey: KEY } })).status).toBe(400);
});

export const deleteWebpage = c('DELETE /webpage', 'delete by {webpage:{key}}; then 404; another tenant cannot', [addWebpage], async (t) => {
  expect((await t.call('DELETE', '/webpage', { as: 'bob', body: { webpage: { key: KEY } } })).status).toBe(404);
  expect(await t.call('DELETE', '/webpage', { body: { webpage: { key: KEY } } })).toMatchObject({ status: 200, body: { key: KEY } });
  expect((await t.call('DELETE', '/webpage', { body: { key: KEY } })).status).toBe(404);
  expect((await t.call('DELETE', '/webpage', { body: {} })).status).toBe(400);
});
