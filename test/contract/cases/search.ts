/** Contract cases of the 'search' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c, EXAMPLE } from '../support/case';
import { ingest } from './hook';
import { queueJobs } from './job';
import { createKey } from './key';
import { addRisk, updateRisk } from './risk';

export const searchTable = c('GET /my', 'prefix search grouped by type, exact, field search, pagination', [addRisk, ingest, queueJobs, createKey], async (t) => {
  const risks = await t.call('GET', '/my', { query: { key: '#risk#' } });
  expect(risks.status).toBe(200);
  expect(Object.keys(risks.body)).toEqual(['risks']);
  expect(risks.body.risks).toHaveLength(3);
  const exact = await t.call('GET', '/my', { query: { key: EXAMPLE, exact: true } });
  expect(exact.body.assets.map((a: { key: string }) => a.key)).toEqual([EXAMPLE]);
  const queued = await t.call('GET', '/my', { query: { key: 'status:JQ', label: 'job' } });
  expect(queued.body.jobs).toHaveLength(3);
  const first = await t.call('GET', '/my', { query: { key: 'status:JQ', label: 'job', limit: 2 } });
  expect(first.body.jobs).toHaveLength(2);
  const second = await t.call('GET', '/my', { query: { key: 'status:JQ', label: 'job', limit: 2, offset: first.body.offset } });
  expect(second.body.jobs).toHaveLength(1);
  expect(second.body.offset).toBeUndefined();
  const keys = await t.call('GET', '/my', { query: { key: '#key#' } });
  expect(Object.keys(keys.body)).toEqual(['keys']);
  expect(keys.body.keys[0].hash).toBeUndefined();
});

export const badSearch = c('GET /my', 'bad search → 400; isolation', [], async (t) => {
  expect(await t.call('GET', '/my')).toEqual({ status: 400, body: { error: 'key: key is required' } });
  expect((await t.call('GET', '/my', { query: { key: 'foo' } })).status).toBe(400);
  expect((await t.call('GET', '/my', { query: { key: '#asset#', exact: 'yes' } })).status).toBe(400);
  expect(await t.call('GET', '/my', { as: 'bob', query: { key: '#' } })).toEqual({ status: 200, body: {} });
  expect(await t.call('GET', '/my', { as: 'bob', query: { key: '#asset#' } })).toEqual({ status: 200, body: { assets: [] } });
});

export const searchGraph = c('POST /my', 'graph search with traversal; errors; isolation', [updateRisk], async (t) => {
  const assets = await t.call('POST', '/my', { body: { node: { labels: ['Asset'], filters: [{ field: 'key', operator: 'STARTS WITH', value: '#asset#example.com' }] } } });
  expect(assets.status).toBe(200);
  expect(assets.body.assets.map((a: { key: string }) => a.key)).toEqual([EXAMPLE]);
  const vulnerable = await t.call('POST', '/my', {
    body: { node: { labels: ['Asset'], relationships: [{ label: 'HAS_VULNERABILITY', target: { labels: ['Risk'], filters: [{ field: 'status', operator: '=', value: 'OH' }] } }] } },
  });
  expect(vulnerable.body.assets.map((a: { key: string }) => a.key)).toEqual([EXAMPLE]);
  const paged = await t.call('POST', '/my', { body: { node: { labels: ['Asset'] }, limit: 2 } });
  expect(paged.body.assets).toHaveLength(2);
  expect(paged.body.offset).toBe(1);
  expect((await t.call('POST', '/my', { body: { node: { labels: ['Bogus'] } } })).status).toBe(400);
  expect((await t.call('POST', '/my', { rawBody: '{' })).status).toBe(400);
  expect(await t.call('POST', '/my', { body: { node: { labels: ['Asset'] }, limit: 100000 } })).toEqual({ status: 413, body: { error: 'reduce page size' } });
  expect(await t.call('POST', '/my', { as: 'bob', body: { node: { labels: ['Asset'] } } })).toEqual({ status: 200, body: { assets: [] } });
});

// Request codec (shared/http/codec.ts): both runtimes decode a body the same way.
export const byteOrderMark = c('POST /my', 'a UTF-8 byte-order mark before a JSON body is dropped, not a 400', [], async (t) => {
  const query = JSON.stringify({ node: { labels: ['Asset'] } });
  expect(await t.call('POST', '/my', { as: 'bob', rawBody: `\uFEFF${query}` })).toEqual({ status: 200, body: { assets: [] } });
  expect(await t.call('POST', '/my', { as: 'bob', rawBody: '\uFEFF' })).toEqual({ status: 400, body: { error: 'a JSON body is required' } });
});
