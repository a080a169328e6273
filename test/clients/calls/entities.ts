/** Asset, risk and attribute writes as each client sends them (client-contract.md §3.2–3.4). */
import { cli1, cli2, shownAsNotAvailable, succeeded, TENANT, ui, type ClientCall } from '../support/catalogue';
import { addAsset, addAttribute, addCollaborator, addRisk, rowsOf } from './arrange';

const exactRow = async (c: Parameters<NonNullable<ClientCall['arrange']>>[0], key: string, plural: string) =>
  (await c.native('GET', '/my', { query: { key, exact: 'true' } })).body[plural]?.[0];

export const ASSET_CALLS: readonly ClientCall[] = [
  cli1('assets.add', 'PUT /asset {dns,name,status}', 'sdk/entities/assets.py:20', {
    request: () => ({ method: 'PUT', path: '/asset', body: { dns: 'v1-add.example.com', name: '10.0.0.1', status: 'A' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body[0]).toMatchObject({ key: '#asset#v1-add.example.com#10.0.0.1', dns: 'v1-add.example.com', name: '10.0.0.1' });
    },
  }),
  cli2('assets.add', 'PUT /asset {group,identifier,status,attackSurface:[""],type}', 'sdk/entities/assets.py:13-35', {
    request: () => ({ method: 'PUT', path: '/asset', body: { group: 'v2-add.example.com', identifier: '10.0.0.2', status: 'A', attackSurface: [''], type: 'asset' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body[0]).toMatchObject({ key: '#asset#v2-add.example.com#10.0.0.2', group: 'v2-add.example.com', identifier: '10.0.0.2' });
    },
  }),
  cli2('assets.add (free surface)', 'PUT /asset {group,identifier,status,attackSurface:["test-surface"],type}', 'sdk/test/test_asset.py:15-18', {
    request: () => ({ method: 'PUT', path: '/asset', body: { group: 'v2-surface.example.com', identifier: 'v2-surface.example.com', status: 'A', attackSurface: ['test-surface'], type: 'asset' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body[0].attackSurface).toContain('test-surface');
    },
  }),
  ui('useCreateAsset', 'POST /asset {dns,name,status}', 'src/hooks/useAssets.ts:129-150', {
    request: () => ({ method: 'POST', path: '/asset', body: { dns: 'ui-add.example.com', name: 'ui-add.example.com', status: 'A' } }),
    reads: succeeded,
  }),
  ui('useBulkAddAsset', 'POST /asset {dns,name,status} (reads data[0])', 'src/hooks/useAssets.ts:170-186', {
    request: () => ({ method: 'POST', path: '/asset', body: { dns: 'ui-bulk.example.com', name: 'ui-bulk.example.com', status: 'A' } }),
    reads: ({ status, body }) => {
      expect(status).toBeLessThan(300);
      expect(body[0]).toMatchObject({ dns: 'ui-bulk.example.com' });
    },
  }),
  cli1('assets.update', 'PUT /asset {key,status}', 'sdk/entities/assets.py:46', {
    arrange: async (c) => void (c.state.key = await addAsset(c, 'v1-update.example.com')),
    request: (c) => ({ method: 'PUT', path: '/asset', body: { key: c.state.key, status: 'F' } }),
    reads: async (answer, c) => {
      succeeded(answer);
      expect((await exactRow(c, c.state.key, 'assets')).status).toBe('F');
    },
  }),
  cli2('assets.update', 'PUT /asset {key,attackSurface:["abc"]}', 'sdk/entities/assets.py:53-77; sdk/test/test_asset.py:33-36', {
    arrange: async (c) => void (c.state.key = await addAsset(c, 'v2-update.example.com')),
    request: (c) => ({ method: 'PUT', path: '/asset', body: { key: c.state.key, attackSurface: ['abc'] } }),
    reads: async (answer, c) => {
      succeeded(answer);
      expect((await exactRow(c, c.state.key, 'assets')).attackSurface).toContain('abc');
    },
  }),
  ui('useUpdateAsset', 'PUT /asset {key,status} (reads data[0])', 'src/hooks/useAssets.ts:73-99', {
    arrange: async (c) => void (c.state.key = await addAsset(c, 'ui-update.example.com')),
    request: (c) => ({ method: 'PUT', path: '/asset', body: { key: c.state.key, status: 'AH' } }),
    reads: ({ status, body }, c) => {
      expect(status).toBe(200);
      expect(body[0]).toMatchObject({ key: c.state.key, status: 'AH' });
    },
  }),
  cli1('assets.delete', 'DELETE /asset {key}', 'sdk/entities/assets.py:56', {
    arrange: async (c) => void (c.state.key = await addAsset(c, 'v1-delete.example.com')),
    request: (c) => ({ method: 'DELETE', path: '/asset', body: { key: c.state.key } }),
    reads: succeeded,
  }),
  cli2('assets.delete', 'DELETE /asset {key}', 'sdk/entities/assets.py:79-88', {
    arrange: async (c) => void (c.state.key = await addAsset(c, 'v2-delete.example.com')),
    request: (c) => ({ method: 'DELETE', path: '/asset', body: { key: c.state.key } }),
    reads: succeeded,
  }),
  cli2('assets.bulk_add', 'POST /bulk/asset {action:"upsert",items:[{group,identifier}]}', 'sdk/entities/assets.py:141-164', {
    request: () => ({ method: 'POST', path: '/bulk/asset', body: { action: 'upsert', items: [{ group: 'v2-bulk.example.com', identifier: 'v2-bulk.example.com' }] } }),
    reads: ({ status, body }) => {
      expect(status).toBeLessThan(300);
      expect(body).toEqual(expect.any(Object)); // a job dict
    },
  }),
];

export const RISK_CALLS: readonly ClientCall[] = [
  cli1('risks.add', 'PUT /risk {key:<asset key>,name,status,comment:null}', 'sdk/entities/risks.py:21', {
    arrange: async (c) => void (c.state.asset = await addAsset(c, 'v1-risk.example.com')),
    request: (c) => ({ method: 'PUT', path: '/risk', body: { key: c.state.asset, name: 'v1-added-risk', status: 'TH', comment: null } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.risks[0]).toMatchObject({ key: '#risk#v1-risk.example.com#v1-added-risk', status: 'TH' });
    },
  }),
  cli2('risks.add', 'PUT /risk {key:<asset key>,name,status,comment:null,source:""}', 'sdk/entities/risks.py:15-41', {
    arrange: async (c) => void (c.state.asset = await addAsset(c, 'v2-risk.example.com')),
    request: (c) => ({ method: 'PUT', path: '/risk', body: { key: c.state.asset, name: 'v2-added-risk', status: 'TH', comment: null, source: '' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.risks[0]).toMatchObject({ key: '#risk#v2-risk.example.com#v2-added-risk', status: 'TH' });
    },
  }),
  ui('useCreateRisk', 'POST /risk {key:<asset key>,name,status,severity,comment:""}', 'src/hooks/useRisks.ts:22-40', {
    arrange: async (c) => void (c.state.asset = await addAsset(c, 'ui-risk-add.example.com')),
    request: (c) => ({ method: 'POST', path: '/risk', body: { key: c.state.asset, name: 'ui-added-risk', status: 'TH', severity: 'H', comment: '' } }),
    reads: ({ status, body }) => {
      expect(status).toBeLessThan(300);
      expect(body.risks[0]).toMatchObject({ key: '#risk#ui-risk-add.example.com#ui-added-risk', name: 'ui-added-risk', status: 'TH' });
    },
  }),
  cli1('risks.update', 'PUT /risk {key,status}', 'sdk/entities/risks.py:38-56', {
    arrange: async (c) => void (c.state.key = await addRisk(c, await addAsset(c, 'v1-risk-update.example.com'), 'v1-updated-risk')),
    request: (c) => ({ method: 'PUT', path: '/risk', body: { key: c.state.key, status: 'OH' } }),
    reads: succeeded,
  }),
  cli2('risks.update', 'PUT /risk {key,status,comment,title,tags}', 'sdk/entities/risks.py:80-92', {
    arrange: async (c) => void (c.state.key = await addRisk(c, await addAsset(c, 'v2-risk-update.example.com'), 'v2-updated-risk')),
    request: (c) => ({ method: 'PUT', path: '/risk', body: { key: c.state.key, status: 'OH', comment: 'confirmed', title: 'A title', tags: ['t'] } }),
    reads: succeeded,
  }),
  ui('useUpdateRisk (resolve)', 'PUT /risk {key,name,status:"CH",comment}', 'src/hooks/useRisks.ts:67-90, :183-199', {
    arrange: async (c) => void (c.state.key = await addRisk(c, await addAsset(c, 'ui-risk-close.example.com'), 'ui-closed-risk', 'OH')),
    request: (c) => ({ method: 'PUT', path: '/risk', body: { key: c.state.key, name: 'ui-closed-risk', status: 'CH', comment: '' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.risks[0].status).toBe('CH'); // a browser reads its own vocabulary back
    },
  }),
  ui('useBulkUpdateRisk (false positive)', 'PUT /risk {key,name,status:"CHF",comment}', 'src/hooks/useRisks.ts:116-130, :183-199', {
    arrange: async (c) => void (c.state.key = await addRisk(c, await addAsset(c, 'ui-risk-fp.example.com'), 'ui-fp-risk', 'OH')),
    request: (c) => ({ method: 'PUT', path: '/risk', body: { key: c.state.key, name: 'ui-fp-risk', status: 'CHF', comment: '' } }),
    reads: succeeded,
  }),
  ui('useUpdateRisk (open)', 'PUT /risk {key,name,status:"OH",comment}', 'src/hooks/useRisks.ts:67-90', {
    arrange: async (c) => void (c.state.key = await addRisk(c, await addAsset(c, 'ui-risk-open.example.com'), 'ui-open-risk')),
    request: (c) => ({ method: 'PUT', path: '/risk', body: { key: c.state.key, name: 'ui-open-risk', status: 'OH', comment: '' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.risks[0]).toMatchObject({ status: 'OH' });
    },
  }),
  cli1('risks.delete', 'DELETE /risk {key,status:"DHO"}', 'sdk/entities/risks.py:58-73', {
    arrange: async (c) => void (c.state.key = await addRisk(c, await addAsset(c, 'v1-risk-delete.example.com'), 'v1-deleted-risk')),
    request: (c) => ({ method: 'DELETE', path: '/risk', body: { key: c.state.key, status: 'DHO' } }),
    reads: succeeded,
  }),
  cli2('risks.delete (teardown of a risk that is gone)', 'DELETE /risk {key,status:"DCD"}', 'sdk/test/utils.py:77-82 (1.6.5 sdk/test/utils.py:48)', {
    request: () => ({ method: 'DELETE', path: '/risk', body: { key: '#risk#gone.example.com#never-added', status: 'DCD' } }),
    reads: succeeded,
  }),
  cli2('risks.bulk_add', 'POST /bulk/risk {action:"upsert",items:[…]}', 'sdk/entities/risks.py:160-179', {
    arrange: async (c) => void (await addAsset(c, 'a.com')),
    request: () => ({ method: 'POST', path: '/bulk/risk', body: { action: 'upsert', items: [{ key: '#asset#a.com#a.com', name: 'bulk', status: 'TH' }] } }),
    reads: ({ status }) => expect(status).toBeLessThan(300),
  }),
  ui('useReportRisk ("Generate Now")', 'GET /report/risk?name=<risk name> (answers 501: no definition writer here)', 'src/hooks/useRisks.ts:211-231', {
    request: () => ({ method: 'GET', path: '/report/risk', query: { name: 'CVE-2024-3400' } }),
    reads: shownAsNotAvailable,
  }),
  ui('useRiskDetails export', 'GET /risk/export + account: <tenant> (reads data.file, then GET /file?name=<file>)', 'src/hooks/useRiskDetails.ts:14-38', {
    arrange: async (c) => {
      await addCollaborator(c);
      await addRisk(c, await addAsset(c, 'ui-export.example.com'), 'ui-export-finding');
    },
    request: () => ({ method: 'GET', path: '/risk/export', as: 'bob', account: TENANT }),
    reads: async ({ status, body }, c) => {
      expect(status).toBe(200);
      expect(body.file).toEqual(expect.any(String));
      const file = await c.send({ method: 'GET', path: '/file', query: { name: body.file }, as: 'bob', account: TENANT });
      expect(file.status).toBe(200);
    },
  }),
  cli1('risks.affected_assets', 'GET /my?key=source:<risk key>&label=attribute', 'sdk/entities/risks.py:91-104', {
    arrange: async (c) => {
      c.state.key = await addRisk(c, await addAsset(c, 'v1-affected.example.com'), 'v1-affected-risk');
      await addAttribute(c, c.state.key, 'source', '#asset#v1-affected.example.com#v1-affected.example.com');
    },
    request: (c) => ({ method: 'GET', path: '/my', query: { key: `source:${c.state.key}`, label: 'attribute' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.attributes).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'source', value: expect.stringContaining('#asset#') })]));
    },
  }),
];

export const ATTRIBUTE_CALLS: readonly ClientCall[] = [
  cli1('attributes.add', 'PUT /attribute {key,name,value}', 'sdk/entities/attributes.py:10', {
    arrange: async (c) => void (c.state.asset = await addAsset(c, 'v1-attr.example.com')),
    request: (c) => ({ method: 'PUT', path: '/attribute', body: { key: c.state.asset, name: 'port', value: '443' } }),
    reads: ({ status, body }, c) => {
      expect(status).toBe(200);
      expect(body.attributes[0]).toMatchObject({ name: 'port', value: '443', source: c.state.asset, key: `#attribute#port#443${c.state.asset}` });
    },
  }),
  cli2('attributes.add', 'PUT /attribute {key,name,value}', 'sdk/entities/attributes.py:31', {
    arrange: async (c) => void (c.state.asset = await addAsset(c, 'v2-attr.example.com')),
    request: (c) => ({ method: 'PUT', path: '/attribute', body: { key: c.state.asset, name: 'port', value: '8443' } }),
    reads: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.attributes[0]).toMatchObject({ name: 'port', value: '8443' });
    },
  }),
  ui('useCreateAttribute', 'POST /attribute {key,name,value}', 'src/hooks/useAttribute.ts:37-41, :76', {
    arrange: async (c) => void (c.state.asset = await addAsset(c, 'ui-attr-add.example.com')),
    request: (c) => ({ method: 'POST', path: '/attribute', body: { key: c.state.asset, name: 'port', value: '22' } }),
    reads: succeeded,
  }),
  ...(['1.6.5', '2.x', 'ui'] as const).map((who) =>
    (who === 'ui' ? ui : who === '1.6.5' ? cli1 : cli2)(who === 'ui' ? 'useDeleteAttribute' : 'attributes.delete', 'DELETE /attribute {key}', who === 'ui' ? 'src/hooks/useAttribute.ts:122-129' : who === '1.6.5' ? 'sdk/entities/attributes.py:18' : 'sdk/entities/attributes.py:59', {
      arrange: async (c) => void (c.state.key = await addAttribute(c, await addAsset(c, `${who.replace('.', '')}-attr-del.example.com`), 'port', '21')),
      request: (c) => ({ method: 'DELETE', path: '/attribute', body: { key: c.state.key } }),
      reads: async (answer, c) => {
        succeeded(answer);
        expect((await rowsOf(c, c.state.key, 'attributes')).length).toBe(0);
      },
    }),
  ),
  cli2('attributes.bulk_add', 'POST /bulk/attribute {action:"upsert",items:[…]}', 'sdk/entities/attributes.py:74', {
    arrange: async (c) => void (await addAsset(c, 'a.com')),
    request: () => ({ method: 'POST', path: '/bulk/attribute', body: { action: 'upsert', items: [{ key: '#asset#a.com#a.com', name: 'port', value: '80' }] } }),
    reads: ({ status }) => expect(status).toBeLessThan(300),
  }),
];
