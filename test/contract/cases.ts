/**
 * The API, described once. Every case runs on both runtimes in this order (later cases build on the
 * rows earlier ones wrote), asserts its own status and shape, and records its exchanges into the
 * runtime's transcript; contract.test.ts then requires the two transcripts to be equal.
 */
import type { RouteId } from '../../shared/routing/routes';
import type { ContractClient } from './support/client';

export interface ContractCase {
  readonly route: RouteId;
  readonly name: string;
  run(t: ContractClient): Promise<void>;
}

export const ADA = 'ada@alpha.test';
export const BOB = 'bob@beta.test';
export const CY = 'cy@gamma.test';
export const DEE = 'dee@delta.test';
export const PIN = '3f2c1d7e-8a9b-4c5d-9e0f-1a2b3c4d5e6f';
const EXAMPLE = '#asset#example.com#example.com';
const member = (email: string) => `/account/${encodeURIComponent(email)}`;
const hookPath = (tenant: string, pin: string) => `/hook/${Buffer.from(tenant).toString('base64').replace(/=+$/, '')}/${pin}`;

const c = (route: RouteId, name: string, run: ContractCase['run']): ContractCase => ({ route, name, run });

export const CASES: readonly ContractCase[] = [
  // ── auth failures (one route stands for all: the dispatcher authenticates every jwt route the same way)
  c('GET /asset', 'no credentials → 401', async (t) => {
    const r = await t.call('GET', '/asset', { as: null });
    expect(r).toEqual({ status: 401, body: { error: 'missing credentials' } });
  }),
  c('GET /asset', 'malformed and tampered tokens → 401', async (t) => {
    expect((await t.call('GET', '/asset', { as: { authorization: 'Basic YWRhOnB3' } })).status).toBe(401);
    expect((await t.call('GET', '/asset', { as: { authorization: 'Bearer not.a.jwt' } })).status).toBe(401);
    const [header, payload] = t.users.ada.idToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), email: BOB })).toString('base64url');
    expect((await t.call('GET', '/asset', { as: { authorization: `Bearer ${header}.${forged}.${t.users.ada.idToken.split('.')[2]}` } })).status).toBe(401);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect((await t.call('GET', '/asset', { as: { authorization: `Bearer ${none}` } })).status).toBe(401);
  }),
  c('GET /asset', 'forged account header → 403', async (t) => {
    expect(await t.call('GET', '/asset', { as: 'ada', account: BOB })).toEqual({ status: 403, body: { error: `not a member of ${BOB}` } });
    expect((await t.call('GET', '/asset', { as: 'cy', account: ADA })).status).toBe(403);
  }),

  // ── capabilities
  c('GET /capabilities', 'catalogue and filters', async (t) => {
    const all = await t.call('GET', '/capabilities');
    expect(all.status).toBe(200);
    expect(all.body.capabilities.length).toBeGreaterThan(5);
    const nuclei = await t.call('GET', '/capabilities', { query: { name: 'nuclei' } });
    expect(nuclei.body.capabilities.map((x: { name: string }) => x.name)).toEqual(['nuclei']);
    const aegis = await t.call('GET', '/capabilities', { query: { executor: 'aegis', target: 'asset' } });
    expect(aegis.body.capabilities.every((x: { executor: string }) => x.executor === 'aegis')).toBe(true);
    expect((await t.call('GET', '/capabilities', { query: { name: 'nope' } })).body).toEqual({ capabilities: [] });
  }),

  // ── assets
  c('PUT /asset', 'add assets and a seed', async (t) => {
    const added = await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com', tags: ['prod'] } });
    expect(added.status).toBe(200);
    expect(added.body.assets).toHaveLength(1);
    expect(added.body.assets[0]).toMatchObject({ key: EXAMPLE, username: ADA, status: 'A', source: 'self', class: 'tld', tags: ['prod'] });
    expect(added.body.assets[0].version).toBeUndefined();
    for (const dns of ['a.example.com', 'b.example.com', 'c.example.com']) {
      expect((await t.call('PUT', '/asset', { body: { dns, name: '10.0.0.1' } })).status).toBe(200);
    }
    const seed = await t.call('PUT', '/asset', { body: { dns: 'seed.example.org', source: 'seed' } });
    expect(seed.body.assets[0]).toMatchObject({ status: 'P', source: 'seed', ttl: 0 });
  }),
  c('PUT /asset', 'update merges and records history', async (t) => {
    const frozen = await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com', status: 'F', comment: 'out of scope' } });
    expect(frozen.status).toBe(200);
    expect(frozen.body.assets[0]).toMatchObject({ status: 'F', ttl: 0 });
    expect(frozen.body.assets[0].history).toEqual([expect.objectContaining({ from: 'A', to: 'F', by: ADA, comment: 'out of scope' })]);
    const kept = await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com' } });
    expect(kept.body.assets[0].status).toBe('F');
    expect((await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com', status: 'A' } })).body.assets[0].status).toBe('A');
  }),
  c('PUT /asset', 'validation errors → 400, nothing stored', async (t) => {
    const cases: [unknown, string?][] = [
      [{ dns: 'not a domain!' }],
      [{ dns: 'bad#dns.com' }],
      [{ dns: 'example.net', status: 'X' }],
      [{}],
      [[{ dns: 'example.net' }]],
    ];
    for (const [body] of cases) expect((await t.call('PUT', '/asset', { body })).status).toBe(400);
    expect(await t.call('PUT', '/asset', { rawBody: '{"dns":' })).toEqual({ status: 400, body: { error: 'the body is not valid JSON' } });
    expect(await t.call('PUT', '/asset', { rawBody: '' })).toEqual({ status: 400, body: { error: 'a JSON body is required' } });
    expect((await t.call('GET', '/asset', { query: { key: '#asset#example.net' } })).body).toEqual({ assets: [] });
  }),
  c('GET /asset', 'list, prefix and pagination over 3 pages', async (t) => {
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
      if (pages === 0) t.state.adaOffset = offset!;
      pages++;
    } while (offset);
    expect(pages).toBe(3);
    expect(keys).toEqual(all.body.assets.map((a: { key: string }) => a.key));
    const prefix = await t.call('GET', '/asset', { query: { key: '#asset#b.' } });
    expect(prefix.body.assets).toHaveLength(1);
  }),
  c('GET /asset', 'bad list parameters → 400', async (t) => {
    expect(await t.call('GET', '/asset', { query: { key: '#risk#' } })).toEqual({ status: 400, body: { error: 'key must start with #asset#' } });
    expect((await t.call('GET', '/asset', { query: { limit: 0 } })).status).toBe(400);
    expect((await t.call('GET', '/asset', { query: { limit: 'ten' } })).status).toBe(400);
    expect(await t.call('GET', '/asset', { query: { offset: 'garbage' } })).toEqual({ status: 400, body: { error: 'invalid offset' } });
    const tampered = t.state.adaOffset.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    expect((await t.call('GET', '/asset', { query: { limit: 2, offset: tampered } })).status).toBe(400);
  }),
  c('GET /asset', 'tenant isolation: B sees nothing of A, and cannot use A’s offset', async (t) => {
    expect(await t.call('GET', '/asset', { as: 'bob' })).toEqual({ status: 200, body: { assets: [] } });
    expect(await t.call('GET', '/asset', { as: 'bob', query: { key: EXAMPLE } })).toEqual({ status: 200, body: { assets: [] } });
    expect(await t.call('GET', '/asset', { as: 'bob', query: { limit: 2, offset: t.state.adaOffset } })).toEqual({ status: 400, body: { error: 'invalid offset' } });
  }),
  c('DELETE /asset', 'soft delete, 404, 400, and B cannot touch A', async (t) => {
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
  }),

  // ── risks
  c('POST /risk', 'add a risk to an asset', async (t) => {
    const added = await t.call('POST', '/risk', { body: { key: EXAMPLE, name: 'SQL Injection', status: 'TH', comment: 'found by hand' } });
    expect(added.status).toBe(201);
    expect(added.body.risks[0]).toMatchObject({ key: '#risk#example.com#sql-injection', title: 'SQL Injection', target: EXAMPLE, status: 'TH', priority: 10 });
    const cve = await t.call('POST', '/risk', { body: { key: EXAMPLE, name: 'cve-2024-1234' } });
    expect(cve.body.risks[0]).toMatchObject({ key: '#risk#example.com#CVE-2024-1234', status: 'TI' });
  }),
  c('POST /risk', 'errors: missing asset 404, duplicate 409, bad status 400', async (t) => {
    expect((await t.call('POST', '/risk', { body: { key: '#asset#nope.com#nope.com', name: 'x' } })).status).toBe(404);
    expect(await t.call('POST', '/risk', { body: { key: EXAMPLE, name: 'sql injection' } })).toEqual({
      status: 409,
      body: { error: '#risk#example.com#sql-injection already exists' },
    });
    expect((await t.call('POST', '/risk', { body: { key: EXAMPLE, name: 'x', status: 'OH' } })).status).toBe(400);
    expect((await t.call('POST', '/risk', { body: { key: EXAMPLE } })).status).toBe(400);
    expect((await t.call('POST', '/risk', { as: 'bob', body: { key: EXAMPLE, name: 'x' } })).status).toBe(404);
  }),
  c('PUT /risk', 'update status with history; 404; 400', async (t) => {
    const opened = await t.call('PUT', '/risk', { body: { key: '#risk#example.com#sql-injection', status: 'OH', comment: 'confirmed' } });
    expect(opened.status).toBe(200);
    expect(opened.body.risks[0]).toMatchObject({ status: 'OH', ttl: 0 });
    expect(opened.body.risks[0].history).toEqual([expect.objectContaining({ from: 'TH', to: 'OH', by: ADA, comment: 'confirmed' })]);
    expect((await t.call('PUT', '/risk', { body: { key: '#risk#example.com#missing', status: 'OH' } })).status).toBe(404);
    expect((await t.call('PUT', '/risk', { body: { key: '#risk#example.com#sql-injection', status: 'ZZ' } })).status).toBe(400);
  }),
  c('DELETE /risk', 'soft delete with a reason', async (t) => {
    const deleted = await t.call('DELETE', '/risk', { body: { key: '#risk#example.com#CVE-2024-1234', status: 'F', comment: 'false positive' } });
    expect(deleted.status).toBe(200);
    expect(deleted.body.risks[0].status).toBe('DIF');
    expect((await t.call('DELETE', '/risk', { body: { key: '#risk#example.com#sql-injection', status: 'XYZ' } })).status).toBe(400);
    expect((await t.call('DELETE', '/risk', { body: { key: '#risk#example.com#nope' } })).status).toBe(404);
  }),
  c('GET /risk', 'list risks', async (t) => {
    const list = await t.call('GET', '/risk');
    expect(list.status).toBe(200);
    expect(list.body.risks.map((r: { key: string; status: string }) => [r.key, r.status])).toEqual([
      ['#risk#example.com#CVE-2024-1234', 'DIF'],
      ['#risk#example.com#sql-injection', 'OH'],
    ]);
    expect((await t.call('GET', '/risk', { as: 'bob' })).body).toEqual({ risks: [] });
  }),

  // ── attributes
  c('PUT /attribute', 'add to an asset and a risk; errors', async (t) => {
    const port = await t.call('PUT', '/attribute', { body: { key: EXAMPLE, name: 'open_port', value: '443' } });
    expect(port.status).toBe(200);
    expect(port.body.attributes[0]).toMatchObject({ key: `#attribute#open_port#443${EXAMPLE}`, source: EXAMPLE, status: 'A' });
    const onRisk = await t.call('PUT', '/attribute', { body: { key: '#risk#example.com#sql-injection', name: 'url', value: 'https://example.com/login' } });
    expect(onRisk.status).toBe(200);
    expect((await t.call('PUT', '/attribute', { body: { key: '#asset#nope.com#nope.com', name: 'a', value: 'b' } })).status).toBe(404);
    expect((await t.call('PUT', '/attribute', { body: { key: '#job#x#y#z', name: 'a', value: 'b' } })).status).toBe(400);
    expect((await t.call('PUT', '/attribute', { body: { key: EXAMPLE, name: 'a' } })).status).toBe(400);
    const tooMuchMetadata = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v']));
    expect((await t.call('PUT', '/attribute', { body: { key: EXAMPLE, name: 'a', value: 'b', metadata: tooMuchMetadata } })).status).toBe(400);
  }),
  c('GET /attribute', 'list attributes', async (t) => {
    const list = await t.call('GET', '/attribute');
    expect(list.status).toBe(200);
    expect(list.body.attributes).toHaveLength(2);
  }),
  c('DELETE /attribute', 'delete, then 404', async (t) => {
    const key = '#attribute#url#https://example.com/login#risk#example.com#sql-injection';
    expect((await t.call('DELETE', '/attribute', { body: { key } })).status).toBe(200);
    expect((await t.call('DELETE', '/attribute', { body: { key } })).status).toBe(404);
    expect((await t.call('DELETE', '/attribute', { body: { key: EXAMPLE } })).status).toBe(400);
  }),

  // ── accounts: collaborators, roles, webhooks
  c('POST /account/{member}', 'add collaborators and a webhook', async (t) => {
    const cy = await t.call('POST', member(CY), { body: { role: 'analyst' } });
    expect(cy.status).toBe(200);
    expect(cy.body.accounts[0]).toMatchObject({ key: `#account#${ADA}#${CY}#`, name: ADA, member: CY, role: 'analyst' });
    expect((await t.call('POST', member(DEE), { body: {} })).body.accounts[0]).toMatchObject({ member: DEE });
    const hook = await t.call('POST', '/account/hook', { body: { value: PIN } });
    expect(hook.body.accounts[0]).toMatchObject({ key: `#account#${ADA}#hook#${PIN}`, role: 'readonly' });
  }),
  c('POST /account/{member}', 'errors: bad role, bad member, self, non-admin', async (t) => {
    expect((await t.call('POST', member(CY), { body: { role: 'owner' } })).status).toBe(400);
    expect((await t.call('POST', '/account/Not%20An%20Email!', { body: {} })).status).toBe(400);
    expect((await t.call('POST', member(ADA), { body: {} })).status).toBe(400);
    expect((await t.call('POST', '/account/hook', { body: { value: 'not-a-uuid' } })).status).toBe(400);
    // Values DynamoDB cannot hold exactly are refused up front (they used to surface as a 500 from the table).
    expect(await t.call('POST', member(CY), { body: { settings: { n: 1e16 } } })).toEqual({ status: 400, body: { error: 'settings: numbers must be finite and integers within ±2^53' } });
    expect((await t.call('POST', member(CY), { rawBody: '{"settings":{"n":1e400}}' })).status).toBe(400);
    expect((await t.call('POST', member(CY), { body: { settings: { blob: 'x'.repeat(20_000) } } })).status).toBe(400);
    expect(await t.call('POST', member(BOB), { as: 'cy', account: ADA, body: { role: 'admin' } })).toEqual({
      status: 403,
      body: { error: 'requires role admin; you are analyst' },
    });
  }),
  c('PUT /asset', 'roles: analyst collaborator writes, readonly collaborator reads only', async (t) => {
    const written = await t.call('PUT', '/asset', { as: 'cy', account: ADA, body: { dns: 'cy.example.com', name: 'cy.example.com' } });
    expect(written.status).toBe(200);
    expect(written.body.assets[0].username).toBe(ADA);
    expect((await t.call('GET', '/asset', { as: 'dee', account: ADA, query: { key: '#asset#cy.' } })).body.assets).toHaveLength(1);
    expect(await t.call('PUT', '/asset', { as: 'dee', account: ADA, body: { dns: 'dee.example.com' } })).toEqual({
      status: 403,
      body: { error: 'requires role analyst; you are readonly' },
    });
  }),
  c('DELETE /account/{member}', 'remove a collaborator; access ends', async (t) => {
    const removed = await t.call('DELETE', member(DEE));
    expect(removed.status).toBe(200);
    expect(removed.body.accounts[0]).toMatchObject({ member: DEE });
    expect((await t.call('GET', '/asset', { as: 'dee', account: ADA })).status).toBe(403);
    expect((await t.call('DELETE', member(DEE))).status).toBe(404);
    expect((await t.call('DELETE', '/account/hook')).status).toBe(400);
    expect((await t.call('DELETE', member(CY), { as: 'cy', account: ADA })).status).toBe(403);
  }),

  // ── webhook
  c('POST /hook/{username}/{pin}', 'ingest assets and findings by PIN', async (t) => {
    const ingested = await t.call('POST', hookPath(ADA, PIN), {
      as: null,
      body: [{ dns: 'hook.example.com', name: 'hook.example.com' }, { dns: 'example.com', name: 'example.com', finding: 'Open Redirect', tags: ['hook'] }],
    });
    expect(ingested.status).toBe(200);
    expect(ingested.body.assets.map((a: { key: string }) => a.key)).toEqual(['#asset#hook.example.com#hook.example.com', EXAMPLE]);
    expect(ingested.body.assets[1].tags).toEqual(['prod', 'hook']);
    expect(ingested.body.risks[0]).toMatchObject({ key: '#risk#example.com#open-redirect', status: 'TI', source: 'webhook' });
  }),
  c('POST /hook/{username}/{pin}', 'wrong PIN or tenant → 401; bad payload → 400', async (t) => {
    const denied = { status: 401, body: { error: 'invalid webhook' } };
    expect(await t.call('POST', hookPath(ADA, '00000000-0000-4000-8000-000000000000'), { as: null, body: { dns: 'x.com' } })).toEqual(denied);
    expect(await t.call('POST', hookPath(BOB, PIN), { as: null, body: { dns: 'x.com' } })).toEqual(denied);
    expect(await t.call('POST', hookPath(ADA, 'pin'), { as: null, rawBody: 'not json' })).toEqual(denied);
    expect((await t.call('POST', hookPath(ADA, PIN), { as: null, rawBody: 'not json' })).status).toBe(400);
    expect((await t.call('POST', hookPath(ADA, PIN), { as: null, body: [] })).status).toBe(400);
    expect((await t.call('POST', hookPath(ADA, PIN), { as: null, body: [{ dns: 'ok.example.com' }, { dns: 'bad dns' }] })).status).toBe(400);
    expect((await t.call('GET', '/asset', { query: { key: '#asset#ok.' } })).body).toEqual({ assets: [] });
  }),

  // ── jobs
  c('PUT /job', 'queue jobs for capabilities', async (t) => {
    const queued = await t.call('PUT', '/job', { body: { key: EXAMPLE, capabilities: ['whois', 'subdomain'], config: { depth: '2' } } });
    expect(queued.status).toBe(200);
    expect(queued.body.jobs.map((j: { key: string }) => j.key)).toEqual(['#job#example.com#example.com#whois', '#job#example.com#example.com#subdomain']);
    expect(queued.body.jobs[0].status).toMatch(/^JQ#/);
    expect((await t.call('PUT', '/job', { body: { key: '#risk#example.com#sql-injection', capabilities: ['risk-retest'] } })).status).toBe(200);
  }),
  c('PUT /job', 'errors: unknown capability, missing target, readonly', async (t) => {
    expect(await t.call('PUT', '/job', { body: { key: EXAMPLE, capabilities: ['whois', 'nope'] } })).toEqual({ status: 400, body: { error: 'unknown capability: nope' } });
    expect((await t.call('PUT', '/job', { body: { key: EXAMPLE, capabilities: [] } })).status).toBe(400);
    expect((await t.call('PUT', '/job', { body: { key: '#asset#nope.com#nope.com', capabilities: ['whois'] } })).status).toBe(404);
    expect((await t.call('PUT', '/job', { as: 'bob', body: { key: EXAMPLE, capabilities: ['whois'] } })).status).toBe(404);
  }),
  c('GET /job', 'list jobs', async (t) => {
    const jobs = await t.call('GET', '/job');
    expect(jobs.status).toBe(200);
    expect(jobs.body.jobs).toHaveLength(3);
    expect((await t.call('GET', '/job', { query: { key: '#job#example.com#example.com#w' } })).body.jobs).toHaveLength(1);
  }),

  // ── files
  c('PUT /file', 'record a file and get an upload URL', async (t) => {
    const put = await t.call('PUT', '/file', { query: { name: 'proofs/example.com/sql-injection' } });
    expect(put.status).toBe(200);
    expect(put.body.files[0]).toMatchObject({ key: '#file#proofs/example.com/sql-injection', name: 'proofs/example.com/sql-injection' });
    expect(put.body.url).toMatch(/method=PUT/);
    expect((await t.call('PUT', '/file', { query: { name: '../etc/passwd' } })).status).toBe(400);
    expect((await t.call('PUT', '/file')).status).toBe(400);
  }),
  c('GET /file', 'download URL, list, 404', async (t) => {
    const got = await t.call('GET', '/file', { query: { name: 'proofs/example.com/sql-injection' } });
    expect(got.status).toBe(200);
    expect(got.body.url).toMatch(/method=GET/);
    expect((await t.call('GET', '/file', { query: { name: 'proofs/nope' } })).status).toBe(404);
    expect((await t.call('GET', '/file', { as: 'bob', query: { name: 'proofs/example.com/sql-injection' } })).status).toBe(404);
    expect((await t.call('GET', '/file')).body.files).toHaveLength(1);
  }),

  // ── API keys
  c('POST /key', 'create a key; it authenticates as its creator', async (t) => {
    const created = await t.call('POST', '/key', { body: { name: 'ci', role: 'analyst' } });
    expect(created.status).toBe(201);
    const key = created.body.keys[0];
    expect(key).toMatchObject({ name: 'ci', creator: ADA, status: 'A', role: 'analyst' });
    expect(key.hash).toBeUndefined();
    expect(key.token).toBe(`${key.id}.${key.secret}`);
    t.state.apiKey = key.token;
    const asKey = await t.call('PUT', '/asset', { as: { apiKey: key.token }, body: { dns: 'key.example.com' } });
    expect(asKey.status).toBe(200);
    expect(asKey.body.assets[0].username).toBe(ADA);
    expect((await t.call('POST', '/key', { as: { apiKey: key.token }, body: { name: 'escalate' } })).status).toBe(403);
  }),
  c('POST /key', 'errors: bad key 401, non-admin 403, bad input 400', async (t) => {
    expect((await t.call('GET', '/asset', { as: { apiKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAA======.wrong' } })).status).toBe(401);
    expect((await t.call('GET', '/asset', { as: { apiKey: `${t.state.apiKey}x` } })).status).toBe(401);
    expect((await t.call('POST', '/key', { as: 'cy', account: ADA, body: { name: 'x' } })).status).toBe(403);
    expect((await t.call('POST', '/key', { body: {} })).status).toBe(400);
    expect((await t.call('POST', '/key', { body: { name: 'old', expires: '2001-01-01T00:00:00Z' } })).status).toBe(400);
  }),
  c('GET /key', 'list keys without secrets', async (t) => {
    const keys = await t.call('GET', '/key');
    expect(keys.status).toBe(200);
    expect(keys.body.keys).toHaveLength(1);
    expect(keys.body.keys[0].secret).toBeUndefined();
    expect(keys.body.keys[0].hash).toBeUndefined();
    expect((await t.call('GET', '/key', { as: 'bob' })).body).toEqual({ keys: [] });
  }),

  // ── search
  c('GET /my', 'prefix search grouped by type, exact, field search, pagination', async (t) => {
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
  }),
  c('GET /my', 'bad search → 400; isolation', async (t) => {
    expect(await t.call('GET', '/my')).toEqual({ status: 400, body: { error: 'key: key is required' } });
    expect((await t.call('GET', '/my', { query: { key: 'foo' } })).status).toBe(400);
    expect((await t.call('GET', '/my', { query: { key: '#asset#', exact: 'yes' } })).status).toBe(400);
    expect(await t.call('GET', '/my', { as: 'bob', query: { key: '#' } })).toEqual({ status: 200, body: {} });
    expect(await t.call('GET', '/my', { as: 'bob', query: { key: '#asset#' } })).toEqual({ status: 200, body: { assets: [] } });
  }),
  c('POST /my', 'graph search with traversal; errors; isolation', async (t) => {
    await t.refreshGraph();
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
  }),

  // ── request codec (shared/http/codec.ts): both runtimes decode a body the same way
  c('POST /my', 'a UTF-8 byte-order mark before a JSON body is dropped, not a 400', async (t) => {
    const query = JSON.stringify({ node: { labels: ['Asset'] } });
    expect(await t.call('POST', '/my', { as: 'bob', rawBody: `\uFEFF${query}` })).toEqual({ status: 200, body: { assets: [] } });
    expect(await t.call('POST', '/my', { as: 'bob', rawBody: '\uFEFF' })).toEqual({ status: 400, body: { error: 'a JSON body is required' } });
  }),
];
