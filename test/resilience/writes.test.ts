/**
 * Writes clients can retry, on both runtimes: a created asset keeps its comment, deleting a deleted asset
 * or risk is an idempotent success that rewrites nothing (50 in parallel: no 409), creating requests
 * replay their first answer to an identical retry, and the bad inputs issue 17 found answer 4xx.
 */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { useEmulators } from '../support/emulators';
import { EMAILS, RUNTIMES, startBothRuntimes, type BothRuntimes } from './support/both-runtimes';

const stack = useEmulators();
let both: BothRuntimes;
const PIN = '0f2c1d7e-8a9b-4c5d-9e0f-1a2b3c4d5e6f';
const hookPath = `/hook/${Buffer.from(EMAILS.ada).toString('base64').replace(/=+$/, '')}/${PIN}`;

beforeAll(async () => {
  both = await startBothRuntimes(stack);
});
afterAll(() => both?.close());

const versionOf = async (table: string, key: string) =>
  (await stack.doc.send(new GetCommand({ TableName: table, Key: { username: EMAILS.ada, key }, ConsistentRead: true }))).Item?.version;

describe.each(RUNTIMES)('%s runtime', (runtime) => {
  const t = () => both.clients[runtime];

  test('a created asset keeps its comment (as its first history entry)', async () => {
    const created = await t().call('PUT', '/asset', { body: { dns: 'comment.example.com', comment: 'found in the 2026 audit' } });
    expect(created.status).toBe(200);
    expect(created.body[0].history).toEqual([expect.objectContaining({ by: EMAILS.ada, comment: 'found in the 2026 audit' })]);
  });

  test('50 parallel deletes of one asset all succeed, and the row is written once', async () => {
    const key = '#asset#gone.example.com#gone.example.com';
    expect((await t().call('PUT', '/asset', { body: { dns: 'gone.example.com' } })).status).toBe(200);
    const statuses = await Promise.all(Array.from({ length: 50 }, () => t().call('DELETE', '/asset', { body: { key } }).then((r) => r.status)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await versionOf(both.tables[runtime], key)).toBe(2);
    expect((await t().call('DELETE', '/asset', { body: { key } })).body.assets[0].status).toBe('D');
    expect(await versionOf(both.tables[runtime], key)).toBe(2);
  });

  test('deleting a deleted risk again rewrites nothing', async () => {
    expect((await t().call('PUT', '/asset', { body: { dns: 'risky.example.com' } })).status).toBe(200);
    const risk = await t().call('POST', '/risk', { body: { key: '#asset#risky.example.com#risky.example.com', name: 'CVE-2026-0001', status: 'TH' } });
    expect(risk.status).toBe(201);
    const key = risk.body.risks[0].key as string;
    const statuses = await Promise.all(Array.from({ length: 20 }, () => t().call('DELETE', '/risk', { body: { key } }).then((r) => r.status)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const version = await versionOf(both.tables[runtime], key);
    expect((await t().call('DELETE', '/risk', { body: { key } })).status).toBe(200);
    expect(await versionOf(both.tables[runtime], key)).toBe(version);
  });

  test('creating requests replay their first answer to an identical retry (POST /risk, POST /key, PUT /job, webhook)', async () => {
    expect((await t().call('PUT', '/asset', { body: { dns: 'retry.example.com' } })).status).toBe(200);
    const assetKey = '#asset#retry.example.com#retry.example.com';
    const riskBody = { key: assetKey, name: 'CVE-2026-0002', status: 'TM' };
    const [first, again] = [await t().call('POST', '/risk', { body: riskBody }), await t().call('POST', '/risk', { body: riskBody })];
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    // A different request for the same risk is still a conflict.
    expect((await t().call('POST', '/risk', { body: { ...riskBody, comment: 'again' } })).status).toBe(409);

    // POST /key: one key, and the retry gets a working secret, although the record kept none (the first one's is void).
    const keyBody = { name: `ci-${runtime}` };
    const [k1, k2] = await Promise.all([t().call('POST', '/key', { body: keyBody }), t().call('POST', '/key', { body: keyBody })]);
    expect([k1.status, k2.status]).toEqual([201, 201]);
    const [created, retry] = [k1.body, k2.body];
    expect(retry).toMatchObject({ id: created.id, name: keyBody.name });
    expect(retry.secret).not.toBe(created.secret);
    const listed = await t().call('GET', '/key');
    expect(listed.body.keys.filter((k: { name: string }) => k.name === keyBody.name)).toHaveLength(1);
    // The replay's secret works; the first answer's (which a retrying client never received) does not.
    const works = await Promise.all([created, retry].map(async (k) => (await t().call('GET', '/asset', { as: { apiKey: k.token } })).status));
    expect(works.sort()).toEqual([200, 401]);
    const records = await stack.doc.send(new ScanCommand({ TableName: both.tables[runtime], ConsistentRead: true }));
    const stored = JSON.stringify((records.Items ?? []).filter((item) => String(item.username).startsWith('idempotency#')));
    expect(stored).toContain(created.id); // the record is there, and holds the key's id …
    for (const secret of [created.secret, retry.secret]) expect(stored).not.toContain(secret); // … but no secret

    const jobBody = { key: assetKey, capabilities: ['nuclei'] };
    const [j1, j2] = [await t().call('PUT', '/job', { body: jobBody }), await t().call('PUT', '/job', { body: jobBody })];
    expect(j1.status).toBe(200);
    expect(j2).toEqual(j1);

    expect((await t().call('POST', '/account/hook', { body: { value: PIN } })).status).toBe(200);
    const batch = [{ dns: 'hooked.example.com', finding: 'CVE-2026-0003' }];
    const [h1, h2] = [await t().call('POST', hookPath, { as: null, body: batch }), await t().call('POST', hookPath, { as: null, body: batch })];
    expect(h1.status).toBe(200);
    expect(h2).toEqual(h1);
  });

  test('a label filter on a sort-key search is a 200, not a 500', async () => {
    const r = await t().call('GET', '/my', { query: { key: '#asset', label: 'asset' } });
    expect(r.status).toBe(200);
    expect(r.body.assets.length).toBeGreaterThan(0);
    expect((await t().call('GET', '/my', { query: { key: '#', label: 'risk' } })).body.risks.length).toBeGreaterThan(0);
    expect((await t().call('GET', '/my', { query: { key: '#risk', label: 'asset' } })).body).toEqual({ assets: [] });
    expect((await t().call('GET', '/my', { query: { key: 'status:A', label: 'asset' } })).status).toBe(200);
  });

  test('account settings with a __proto__ key are a 400, and nothing is stored', async () => {
    const r = await t().call('POST', `/account/${encodeURIComponent(EMAILS.bob)}`, { rawBody: '{"role":"analyst","settings":{"__proto__":{"polluted":true}}}' });
    expect(r.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await t().call('GET', '/my', { query: { key: `#account#${EMAILS.ada}#${EMAILS.bob}` } })).body.accounts).toEqual([]);
  });
});
