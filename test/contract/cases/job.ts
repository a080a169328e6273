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

export const postJob = c('POST /job', 'praetorian-cli: {key, capabilities?, config?} → a bare list; defaults; unknown capability', [addAssets], async (t) => {
  const queued = await t.call('POST', '/job', { body: { key: EXAMPLE, capabilities: ['whois'], config: { depth: '1' } } });
  expect(queued.status).toBe(200);
  expect(queued.body).toEqual([expect.objectContaining({ key: '#job#example.com#example.com#whois', status: 'JQ', config: { depth: '1' } })]);
  const defaults = await t.call('POST', '/job', { body: { key: EXAMPLE } });
  expect(defaults.body.map((j: { capability: string }) => j.capability).sort()).toEqual(['portscan', 'subdomain', 'whois']);
  expect(await t.call('POST', '/job', { body: { key: EXAMPLE, capabilities: ['nope'] } })).toEqual({ status: 400, body: { error: 'unknown capability: nope' } });
  expect((await t.call('POST', '/job', { body: { capabilities: ['whois'] } })).status).toBe(400);
});

export const postJobUi = c('POST /job', 'chariot-ui body {name, key} with a job key or #asset#<dns>', [addAssets], async (t) => {
  const scan = await t.call('POST', '/job', { body: { name: 'whois', key: '#asset#example.com' } });
  expect(scan.status).toBe(200);
  expect(scan.body.map((j: { key: string }) => j.key)).toEqual(['#job#example.com#example.com#whois']);
  const rerun = await t.call('POST', '/job', { body: { name: 'subdomain', key: '#job#example.com#example.com#whois' } });
  expect(rerun.body).toEqual([expect.objectContaining({ key: '#job#example.com#example.com#subdomain', status: 'JQ' })]);
  expect((await t.call('POST', '/job', { body: { name: 'whois', key: '#asset#nothing.example' } })).status).toBe(404);
});

export const putAgent = c('PUT /agent', 'affiliation agent: queued as #job#<target>#system#affiliation', [addAssets], async (t) => {
  const queued = await t.call('PUT', '/agent', { body: { key: EXAMPLE, agent: 'affiliation' } });
  expect(queued.status).toBe(200);
  expect(queued.body).toMatchObject({ key: `#job#${EXAMPLE}#system#affiliation`, status: 'JQ', capability: 'affiliation' });
  expect((await t.call('PUT', '/agent', { body: { key: EXAMPLE, agent: 'planner' } })).status).toBe(400);
  expect((await t.call('PUT', '/agent', { as: 'bob', body: { key: EXAMPLE, agent: 'affiliation' } })).status).toBe(404);
});
