/** Contract cases of the 'job' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c, EXAMPLE } from '../support/case';
import { addAssets } from './asset';
import { addRisk } from './risk';

export const queueJobs = c('PUT /job', 'queue jobs for capabilities', [addRisk], async (t) => {
  const queued = await t.call('PUT', '/job', { body: { key: EXAMPLE, capabilities: ['whois', 'subdomain'], config: { depth: '2' } } });
  expect(queued.status).toBe(200);
  expect(queued.body.jobs.map((j: { key: string }) => j.key)).toEqual(['#job#example.com#example.com#whois', '#job#example.com#example.com#subdomain']);
  expect(queued.body.jobs[0].status).toMatch(/^JQ#/);
  expect((await t.call('PUT', '/job', { body: { key: '#risk#example.com#sql-injection', capabilities: ['risk-retest'] } })).status).toBe(200);
});

export const jobErrors = c('PUT /job', 'errors: unknown capability, missing target, readonly', [addAssets], async (t) => {
  expect(await t.call('PUT', '/job', { body: { key: EXAMPLE, capabilities: ['whois', 'nope'] } })).toEqual({ status: 400, body: { error: 'unknown capability: nope' } });
  expect((await t.call('PUT', '/job', { body: { key: EXAMPLE, capabilities: [] } })).status).toBe(400);
  expect((await t.call('PUT', '/job', { body: { key: '#asset#nope.com#nope.com', capabilities: ['whois'] } })).status).toBe(404);
  expect((await t.call('PUT', '/job', { as: 'bob', body: { key: EXAMPLE, capabilities: ['whois'] } })).status).toBe(404);
});

export const listJobs = c('GET /job', 'list jobs', [queueJobs], async (t) => {
  const jobs = await t.call('GET', '/job');
  expect(jobs.status).toBe(200);
  expect(jobs.body.jobs).toHaveLength(3);
  expect((await t.call('GET', '/job', { query: { key: '#job#example.com#example.com#w' } })).body.jobs).toHaveLength(1);
});
