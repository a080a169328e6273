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
  expect((await t.call('GET', '/my', { query: { key: '#Not-A-Kind' } })).status).toBe(400);
  expect((await t.call('GET', '/my', { query: { key: 'name:' } })).status).toBe(400);
  expect((await t.call('GET', '/my', { query: { key: '#asset#', offset: '"not-a-token"' } })).status).toBe(400);
  expect((await t.call('GET', '/my', { query: { key: '#asset#', exact: 'yes' } })).status).toBe(400);
  expect(await t.call('GET', '/my', { as: 'bob', query: { key: '#' } })).toEqual({ status: 200, body: {} });
  expect(await t.call('GET', '/my', { as: 'bob', query: { key: '#asset#' } })).toEqual({ status: 200, body: { assets: [] } });
});

export const clientGrammar = c('GET /my', 'clients: name:, ip:, bare terms, JSON-echoed offsets, label vs # key, job codes, asset updated', [addRisk, queueJobs], async (t) => {
  const byName = await t.call('GET', '/my', { query: { key: 'name:example' } });
  expect(byName.body.assets.map((a: { key: string }) => a.key)).toContain(EXAMPLE);
  expect(byName.body.assets[0].updated).toEqual(expect.any(String));
  const term = await t.call('GET', '/my', { query: { key: 'example.com' } });
  expect(Object.keys(term.body).sort()).toEqual(['assets', 'jobs', 'risks']);
  expect((await t.call('GET', '/my', { query: { key: 'CVE' } })).body.risks.map((r: { key: string }) => r.key)).toEqual(['#risk#example.com#CVE-2024-1234']);
  expect(await t.call('GET', '/my', { query: { key: '#asset#example.com', label: 'risk' } })).toEqual({ status: 200, body: { risks: [] } });
  const first = await t.call('GET', '/my', { query: { key: '#asset', limit: 1 } });
  const next = await t.call('GET', '/my', { query: { key: '#asset', limit: 1, offset: JSON.stringify(first.body.offset) } });
  expect(next.status).toBe(200);
  expect(next.body.assets[0].key).not.toBe(first.body.assets[0].key);
  expect((await t.call('GET', '/my', { query: { key: '#job#example.com' } })).body.jobs.map((j: { status: string }) => j.status)).toContain('JQ');
});

export const countTable = c('GET /my/count', 'statistics by status and source, per query; isolation', [addRisk, queueJobs], async (t) => {
  const assets = await t.call('GET', '/my/count', { query: { key: '#asset' } });
  expect(assets.status).toBe(200);
  expect(assets.body.status.A).toBeGreaterThanOrEqual(1);
  expect(assets.body.source).toEqual(expect.any(Object));
  const jobs = await t.call('GET', '/my/count', { query: { key: '#job#' } });
  expect(Object.keys(jobs.body.status)).toEqual(['JQ']);
  expect(await t.call('GET', '/my/count', { as: 'bob', query: { key: '#risk' } })).toEqual({ status: 200, body: { status: {}, source: {} } });
  expect((await t.call('GET', '/my/count')).status).toBe(400);
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
