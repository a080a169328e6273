/** `GET /my`, `GET /my/count`, `POST /my` as each client sends them (client-contract.md §3.1). */
import { cli1, cli2, COLLABORATOR, TENANT, ui, type ClientCall } from '../support/catalogue';
import { addAsset, addAttribute, addCollaborator, addJob, addRisk, firstPageOffset, flatten } from './arrange';

const my = (key: string, extra: Record<string, string> = {}) => ({ method: 'GET' as const, path: '/my', query: { key, ...extra } });
const count = (key: string) => ({ method: 'GET' as const, path: '/my/count', query: { key } });
const statistics = () => ({ status: expect.any(Object), source: expect.any(Object) });

export const SEARCH_CALLS: readonly ClientCall[] = [
  // ── chariot-ui: everything through GET /my
  ui('useMy asset', 'GET /my?key=#asset', 'src/hooks/useMy.ts:33-54, :79-81; Assets.tsx:161-163', {
    arrange: async (c) => void (await addAsset(c, 'ui-list.example.com')),
    request: () => my('#asset'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      const row = body.assets.find((a: { dns: string }) => a.dns === 'ui-list.example.com');
      expect(row).toMatchObject({ key: expect.any(String), dns: 'ui-list.example.com', name: expect.any(String), status: 'A', source: expect.any(String), class: expect.any(String), created: expect.any(String) });
      expect(row.updated).toEqual(expect.any(String)); // "Last Seen"
    },
  }),
  ui('useMy next page', 'GET /my?key=#asset&offset=<JSON.stringify(offset)>', 'src/hooks/useMy.ts:95-103', {
    arrange: async (c) => {
      await addAsset(c, 'ui-page1.example.com');
      await addAsset(c, 'ui-page2.example.com');
      c.state.offset = await firstPageOffset(c, '#asset');
    },
    request: (c) => my('#asset', { offset: JSON.stringify(c.state.offset) }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.assets.length).toBeGreaterThan(0);
    },
  }),
  ui('useMy risk', 'GET /my?key=#risk', 'src/hooks/useMy.ts:79-81; src/types.ts:216-239', {
    arrange: async (c) => void (await addRisk(c, await addAsset(c, 'ui-risk.example.com'), 'ui-list-risk')),
    request: () => my('#risk'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.risks.find((r: { name: string }) => r.name === 'ui-list-risk')).toMatchObject({ key: expect.any(String), dns: 'ui-risk.example.com', status: 'TH', created: expect.any(String), updated: expect.any(String), source: expect.any(String) });
    },
  }),
  ui('useJobs (status per asset)', 'GET /my?key=#job#<dns>', 'src/hooks/useJobs.ts:98-121; src/types.ts:23-28', {
    arrange: async (c) => void (await addJob(c, await addAsset(c, 'ui-job.example.com'))),
    request: () => my('#job#ui-job.example.com'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(['JQ', 'JR', 'JF', 'JP']).toContain(body.jobs[0].status); // compared exactly
    },
  }),
  ui('useMy account', 'GET /my?key=#account', 'src/hooks/useAccounts.ts:125-166; src/types.ts:156-168', {
    arrange: (c) => addCollaborator(c),
    request: () => my('#account'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.accounts).toEqual(expect.arrayContaining([expect.objectContaining({ username: TENANT, name: TENANT, member: COLLABORATOR, key: expect.any(String), updated: expect.any(String) })]));
    },
  }),
  ui('useGetCollaboratorEmails (tenant discovery)', 'GET /my?key=#account as the collaborator, no account header', 'src/hooks/useAccounts.ts:159-166', {
    arrange: (c) => addCollaborator(c),
    request: () => ({ ...my('#account'), as: 'bob' }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.accounts).toEqual(expect.arrayContaining([expect.objectContaining({ member: COLLABORATOR, name: TENANT })]));
    },
  }),
  ui('useCollaborators', 'GET /my?key=#account + account: <tenant>', 'src/hooks/collaborators.ts:48-56', {
    arrange: (c) => addCollaborator(c),
    request: () => ({ ...my('#account'), as: 'bob', account: TENANT }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.accounts).toEqual(expect.any(Array));
    },
  }),
  ui('useMy file', 'GET /my?key=#file#home', 'src/hooks/useFiles.ts; src/types.ts:271-277', {
    arrange: async (c) => void (await c.native('PUT', '/file', { query: { name: 'home/ui-notes.txt' } })),
    request: () => my('#file#home'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.files).toEqual(expect.arrayContaining([expect.objectContaining({ key: '#file#home/ui-notes.txt', name: 'home/ui-notes.txt', updated: expect.any(String), username: TENANT })]));
    },
  }),
  ui('useAttribute (by name)', 'GET /my?key=#attribute#source#kev', 'src/hooks/useAttribute.ts:169-175', {
    request: () => my('#attribute#source#kev'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.attributes ?? []).toEqual(expect.any(Array));
    },
  }),
  ui('useGenericSearch (search box)', 'GET /my?key=name:<term>', 'src/hooks/useAssets.ts:227-237; src/sections/RisksTable.tsx:181-184', {
    arrange: async (c) => void (await addAsset(c, 'ui-name.example.com', 'uiname.example.com')),
    request: () => my('name:uiname'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.assets).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'uiname.example.com' })]));
    },
  }),
  ui('useGenericSearch dns', 'GET /my?key=dns:<term>', 'src/hooks/useAssets.ts:227-237', {
    arrange: async (c) => void (await addAsset(c, 'ui-dns.example.com')),
    request: () => my('dns:ui-dns'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.assets).toEqual(expect.arrayContaining([expect.objectContaining({ dns: 'ui-dns.example.com' })]));
    },
  }),
  ui('AssetDrawer (bare term)', 'GET /my?key=<asset name>', 'src/sections/detailsDrawer/AssetDrawer.tsx:142-143', {
    arrange: async (c) => void (await addAsset(c, 'ui-drawer.example.com')),
    request: () => my('ui-drawer.example.com'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.assets).toEqual(expect.arrayContaining([expect.objectContaining({ dns: 'ui-drawer.example.com' })]));
    },
  }),
  ui('RiskDrawer / overview (bare term)', 'GET /my?key=CVE', 'src/sections/detailsDrawer/RiskDrawer.tsx:170-173; overview/Module.tsx:1094-1095', {
    arrange: async (c) => void (await addRisk(c, await addAsset(c, 'ui-cve.example.com'), 'CVE-2024-3400')),
    request: () => my('CVE'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.risks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'CVE-2024-3400' })]));
    },
  }),
  ui('AssetDrawer attributes', 'GET /my?key=source:<asset key>&exact=true', 'src/hooks/useGenericSearch.ts:20-25; drawers', {
    arrange: async (c) => {
      c.state.asset = await addAsset(c, 'ui-attr.example.com');
      await addAttribute(c, c.state.asset, 'port', '443');
    },
    request: (c) => my(`source:${c.state.asset}`, { exact: 'true' }),
    reads: ({ status, body }, c) => {
      expect(status).toBe(200);
      expect(body.attributes).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'port', value: '443', source: c.state.asset })]));
    },
  }),
  ui('useCounts asset (overview cards)', 'GET /my/count?key=#asset', 'src/hooks/useCounts.ts:47-66; src/types.ts:279-283', {
    request: () => count('#asset'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toMatchObject(statistics());
    },
  }),
  ui('useCounts risk per collaborator', 'GET /my/count?key=#risk + account: <tenant>', 'src/hooks/collaborators.ts:57-64', {
    request: () => ({ ...count('#risk'), as: 'bob', account: TENANT }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toMatchObject(statistics());
    },
  }),

  // ── praetorian-cli 1.6.5: every read through GET /my
  cli1('search.by_key_prefix (assets.list)', 'GET /my?key=#asset#', 'sdk/entities/assets.py:71; sdk/entities/search.py:64-70', {
    arrange: async (c) => void (await addAsset(c, 'v1-list.example.com')),
    request: () => my('#asset#'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body)).toEqual(expect.arrayContaining([expect.objectContaining({ dns: 'v1-list.example.com' })]));
    },
  }),
  cli1('search.by_exact_key (assets.get)', 'GET /my?key=<asset key>&exact=true', 'sdk/entities/search.py:17-23', {
    arrange: async (c) => {
      c.state.key = await addAsset(c, 'v1-get.example.com');
      await addAsset(c, 'v1-get.example.com', 'v1-get.example.com.other');
    },
    request: (c) => my(c.state.key, { exact: 'true' }),
    reads: ({ status, body }, c) => {
      expect(status).toBe(200);
      const hits = flatten(body);
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ key: c.state.key });
    },
  }),
  cli1('search.by_term paging', 'GET /my?key=#asset#&offset=<json.dumps(offset)>', 'sdk/chariot.py:41-56', {
    arrange: async (c) => {
      await addAsset(c, 'v1-page1.example.com');
      await addAsset(c, 'v1-page2.example.com');
      c.state.offset = await firstPageOffset(c, '#asset#');
    },
    request: (c) => my('#asset#', { offset: JSON.stringify(c.state.offset) }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body).length).toBeGreaterThan(0);
    },
  }),
  cli1('search.by_source (attributes of an asset)', 'GET /my?key=source:<asset key>&label=attribute', 'sdk/entities/search.py:25-38; sdk/entities/assets.py:75-81; sdk/test/test_search.py:25-27', {
    arrange: async (c) => {
      c.state.asset = await addAsset(c, 'v1-source.example.com');
      await addAttribute(c, c.state.asset, 'port', '80');
    },
    request: (c) => my(`source:${c.state.asset}`, { label: 'attribute' }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body).length).toBeGreaterThan(1); // the automatic `source` attribute plus the one added by hand
    },
  }),
  cli1('search.by_name', 'GET /my?key=name:<prefix>', 'sdk/entities/search.py:25-38', {
    arrange: async (c) => void (await addAsset(c, 'v1-name.example.com', 'v1name.example.com')),
    request: () => my('name:v1name'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body)).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'v1name.example.com' })]));
    },
  }),
  cli1('search.by_ip', 'GET /my?key=ip:<prefix>', 'sdk/entities/search.py:25-38', {
    arrange: async (c) => void (await addAsset(c, 'v1-ip.example.com', '10.9.8.7')),
    request: () => my('ip:10.9.8'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body)).toEqual(expect.arrayContaining([expect.objectContaining({ name: '10.9.8.7' })]));
    },
  }),
  cli1('search.by_status', 'GET /my?key=status:<prefix>', 'sdk/entities/search.py:25-38', {
    arrange: async (c) => void (await addAsset(c, 'v1-status.example.com')),
    request: () => my('status:A'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body)).toEqual(expect.arrayContaining([expect.objectContaining({ dns: 'v1-status.example.com' })]));
    },
  }),
  cli1('search.by_dns', 'GET /my?key=dns:<prefix>', 'sdk/entities/search.py:25-38', {
    arrange: async (c) => void (await addAsset(c, 'v1-dns.example.com')),
    request: () => my('dns:v1-dns'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body)).toEqual(expect.arrayContaining([expect.objectContaining({ dns: 'v1-dns.example.com' })]));
    },
  }),
  cli1('search.by_term desc', 'GET /my?key=#asset#&desc=true', 'sdk/entities/search.py:2, :46-47', {
    request: () => my('#asset#', { desc: 'true' }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toEqual(expect.any(Object));
    },
  }),
  cli1('jobs.list', 'GET /my?key=#job#<dns>', 'sdk/entities/jobs.py:22-31', {
    arrange: async (c) => void (await addJob(c, await addAsset(c, 'v1-job.example.com'))),
    request: () => my('#job#v1-job.example.com'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      const [job] = flatten(body) as { status: string; key: string; dns: string }[];
      expect(job).toMatchObject({ key: expect.stringMatching(/^#job#v1-job\.example\.com#/), dns: 'v1-job.example.com' });
      expect(/^J[QRFP]/.test(job.status)).toBe(true); // startswith('JF') / ('JP')
    },
  }),
  cli1('accounts.authorized_accounts', 'GET /my?key=#account# as the collaborator', 'sdk/entities/accounts.py:12-27, :43-47', {
    arrange: (c) => addCollaborator(c),
    request: () => ({ ...my('#account#'), as: 'bob' }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body).filter((row) => row.member === COLLABORATOR).map((row) => row.name)).toContain(TENANT);
    },
  }),
  cli1('seeds.get', 'GET /my?key=#seed#domain#<dns>&exact=true', 'sdk/entities/seeds.py:18, :50', {
    arrange: async (c) => void (await c.native('PUT', '/asset', { body: { dns: 'v1-seed.example.com', source: 'seed' } })),
    request: () => my('#seed#domain#v1-seed.example.com', { exact: 'true' }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.seeds[0]).toMatchObject({ dns: 'v1-seed.example.com', key: '#seed#domain#v1-seed.example.com' });
    },
  }),
  cli1('preseeds.list', 'GET /my?key=#preseed#', 'sdk/entities/preseeds.py:29', {
    request: () => my('#preseed#'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body)).toEqual(expect.any(Array));
    },
  }),
  cli1('statistics.get', 'GET /my?key=#statistic#<filter>#<from>&to=#statistic#<filter>#now', 'sdk/entities/statistics.py:92-101', {
    request: () => my('#statistic#risks#2026-01-01', { to: '#statistic#risks#now' }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body)).toEqual(expect.any(Array));
    },
  }),
  cli1('search.count', 'GET /my/count?key=<term>', 'sdk/entities/search.py:11-12; sdk/chariot.py:126-130', {
    request: () => count('#asset#'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toEqual(expect.any(Object));
    },
  }),

  // ── praetorian-cli 2.x: table kinds through GET /my, graph kinds through POST /my
  cli2('keys.list', 'GET /my?key=#key#', 'sdk/entities/keys.py; sdk/chariot.py:90-113', {
    arrange: async (c) => void (await c.native('POST', '/key', { body: { name: 'v2-list-key' } })),
    request: () => my('#key#'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body)).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'v2-list-key', key: expect.stringMatching(/^#key#/), status: 'A' })]));
    },
  }),
  cli2('jobs.list by status', 'GET /my?key=status:JQ&label=job', 'sdk/entities/jobs.py:152-233', {
    arrange: async (c) => void (await addJob(c, await addAsset(c, 'v2-job.example.com'))),
    request: () => my('status:JQ', { label: 'job' }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(flatten(body).every((job) => String(job.status).startsWith('JQ'))).toBe(true);
      expect(flatten(body).length).toBeGreaterThan(0);
    },
  }),
  cli2('settings.list', 'GET /my?key=#setting#', 'sdk/entities/settings.py', {
    request: () => my('#setting#'),
    reads: ({ status }) => expect(status).toBe(200),
  }),
  cli2('configurations.list', 'GET /my?key=#configuration#', 'sdk/entities/configurations.py', {
    request: () => my('#configuration#'),
    reads: ({ status }) => expect(status).toBe(200),
  }),
  cli2('accounts.list (all tenants)', 'GET /my?key=#account#&allTenants=true', 'sdk/model/globals.py:152; sdk/entities/search.py:174-175', {
    request: () => my('#account#', { allTenants: 'true' }),
    reads: ({ status }) => expect(status).toBe(200),
  }),
  cli2('search.by_term user', 'GET /my?key=#file#&user=true', 'sdk/model/globals.py:151; sdk/entities/search.py:172-173', {
    request: () => my('#file#', { user: 'true' }),
    reads: ({ status }) => expect(status).toBe(200),
  }),
  cli2('search.by_term label with a # key', 'GET /my?key=#asset#<dns>&label=asset', 'sdk/entities/search.py:161-163', {
    request: () => my('#asset#v2-label.example.com', { label: 'asset' }),
    reads: ({ status }) => expect(status).toBe(200),
  }),
  cli2('assets.get (read-your-writes)', 'POST /my {node:{labels:[Asset], filters:[{field:key, operator:"=", value, not:false}]}, page:0, limit:4096}', 'sdk/chariot.py:90-96; sdk/model/query.py:514-553', {
    arrange: async (c) => {
      c.state.key = await addAsset(c, 'v2-graph.example.com');
    },
    request: (c) => ({ method: 'POST', path: '/my', body: { node: { labels: ['Asset'], filters: [{ field: 'key', operator: '=', value: c.state.key, not: false }], relationships: [] }, page: 0, limit: 4096 } }),
    reads: ({ status, body }, c) => {
      expect(status).toBe(200);
      expect(body.assets[0]).toMatchObject({ key: c.state.key });
    },
  }),
  cli2('risks.list', 'POST /my {node:{labels:[Risk], search:<text>}}', 'sdk/entities/risks.py:114-143', {
    arrange: async (c) => {
      await addRisk(c, await addAsset(c, 'v2-risks.example.com'), 'v2-listed-risk');
    },
    request: () => ({ method: 'POST', path: '/my', body: { node: { labels: ['Risk'], search: 'v2-listed' }, page: 0, limit: 4096 } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.risks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'v2-listed-risk' })]));
    },
  }),
  cli2('seeds.get', 'POST /my {node:{labels:[Seed], filters:[{field:key, operator:"=", value:#asset#<dns>#<dns>}]}}', 'sdk/entities/seeds.py:36-70', {
    arrange: async (c) => {
      await c.native('PUT', '/asset', { body: { dns: 'v2-seed.example.com', source: 'seed' } });
    },
    request: () => ({ method: 'POST', path: '/my', body: { node: { labels: ['Seed'], filters: [{ field: 'key', operator: '=', value: '#asset#v2-seed.example.com#v2-seed.example.com', not: false }] }, page: 0, limit: 4096 } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.seeds[0]).toMatchObject({ dns: 'v2-seed.example.com' });
    },
  }),
  cli2('preseeds.list', 'POST /my {node:{labels:[Preseed]}}', 'sdk/entities/preseeds.py', {
    request: () => ({ method: 'POST', path: '/my', body: { node: { labels: ['Preseed'], filters: [] }, page: 0, limit: 4096 } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toEqual(expect.any(Object));
    },
  }),
  cli2('search.count', 'GET /my/count?key=<term>', 'sdk/entities/search.py:27-36; sdk/chariot.py:273-276', {
    request: () => count('#asset#'),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body).toEqual(expect.any(Object));
    },
  }),
];
