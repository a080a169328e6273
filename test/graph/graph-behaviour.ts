/**
 * The graph behaviour suite: what any GraphStore must do, stated once. It runs on the embedded store here
 * and is written against the GraphStore port only, so it can run unchanged on Neo4j (give it a factory).
 */
import type { Whoami } from '../../shared/auth/whoami';
import type { GraphStore } from '../../shared/graph/store';
import { applyMutations, projectRow, projectStreamRecord } from '../../shared/graph/projection';
import { searchGraph } from '../../shared/graph/search';
import { assetKey, assetRow, attributeRow, insert, modify, remove, riskRow, type Row } from './fixtures';

const A = 'alice@example.com';
const B = 'bob@example.com';
const whoami = (tenant: string): Whoami => ({ username: tenant, tenant, role: 'admin', credential: 'jwt' });

export function describeGraphStoreBehaviour(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`GraphStore behaviour: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await makeStore();
      await store.clear();
    });
    afterEach(() => store.close());

    const put = async (...rows: Row[]) => {
      for (const row of rows) await applyMutations(store, projectRow(row));
    };
    const keys = async (tenant: string, body: unknown) => {
      const result = await searchGraph(store, whoami(tenant), body);
      const plural = Object.keys(result).find((k) => k !== 'offset')!;
      return (result[plural] as Row[]).map((node) => node.key);
    };
    const node = (labels: string[], filters: unknown[] = [], relationships: unknown[] = []) => ({ node: { labels, filters, relationships } });

    describe('projection into nodes and edges', () => {
      test('a row becomes a node with its properties; a seed asset also carries Seed', async () => {
        await put(assetRow(A, 'example.com', { source: 'seed', tags: ['web', 'prod'], history: [{ from: '', to: 'A' }] }));
        const { nodes, edges } = await store.snapshot(A);
        expect(edges).toEqual([]);
        expect(nodes).toEqual([
          {
            labels: ['Asset', 'Seed'],
            properties: expect.objectContaining({ username: A, key: '#asset#example.com#example.com', source: 'seed', tags: ['web', 'prod'], history: [{ from: '', to: 'A' }], ttl: 1_800_000_000 }),
          },
        ]);
      });

      test('an update replaces the properties wholesale and follows the Seed label', async () => {
        await put(assetRow(A, 'example.com', { source: 'seed', comment: 'old' }));
        await put(assetRow(A, 'example.com', { status: 'D' }));
        const [asset] = (await store.snapshot(A)).nodes;
        expect(asset.labels).toEqual(['Asset']);
        expect(asset.properties.status).toBe('D');
        expect(asset.properties).not.toHaveProperty('comment');
      });

      test('risks, attributes and discovered assets hang off their parents by relationship key', async () => {
        const parent = assetRow(A, 'example.com', { source: 'seed' });
        const child = assetRow(A, 'www.example.com', { discoveredFrom: parent.key });
        const risk = riskRow(A, child.key as string, 'www.example.com', 'sql-injection');
        const attribute = attributeRow(A, risk.key as string, 'port', '443');
        await put(parent, child, risk, attribute);
        expect((await store.snapshot(A)).edges).toEqual([
          { type: 'DISCOVERED', key: `${parent.key}#DISCOVERED${child.key}`, source: parent.key, target: child.key },
          { type: 'HAS_VULNERABILITY', key: `${child.key}#HAS_VULNERABILITY${risk.key}`, source: child.key, target: risk.key },
          { type: 'HAS_ATTRIBUTE', key: `${risk.key}#HAS_ATTRIBUTE${attribute.key}`, source: risk.key, target: attribute.key },
        ].sort((a, b) => (a.key < b.key ? -1 : 1)));
      });

      test('an edge to a row not yet projected makes a placeholder, filled in when the row arrives', async () => {
        const asset = assetRow(A, 'late.example.com');
        await put(riskRow(A, asset.key as string, 'late.example.com', 'xss'));
        const placeholder = (await store.snapshot(A)).nodes.find((n) => n.properties.key === asset.key);
        expect(placeholder).toEqual({ labels: ['Asset'], properties: { username: A, key: asset.key } });
        await put(asset);
        const filled = (await store.snapshot(A)).nodes.find((n) => n.properties.key === asset.key);
        expect(filled?.properties).toEqual(expect.objectContaining({ dns: 'late.example.com', status: 'A' }));
        expect((await store.snapshot(A)).edges).toHaveLength(1);
      });

      test('a row owns its incoming edge: a changed parent moves the edge', async () => {
        const one = assetRow(A, 'one.example.com');
        const two = assetRow(A, 'two.example.com');
        await put(one, two, assetRow(A, 'child.example.com', { discoveredFrom: one.key }));
        await put(assetRow(A, 'child.example.com', { discoveredFrom: two.key }));
        expect((await store.snapshot(A)).edges.map((e) => e.source)).toEqual([two.key]);
        await put(assetRow(A, 'child.example.com'));
        expect((await store.snapshot(A)).edges).toEqual([]);
      });

      test('REMOVE detaches and deletes the node; soft delete only updates the status', async () => {
        const asset = assetRow(A, 'example.com');
        const risk = riskRow(A, asset.key as string, 'example.com', 'xss');
        for (const record of [insert(asset), insert(risk), modify({ ...risk, status: 'DHF' })]) await applyMutations(store, projectStreamRecord(record));
        expect((await store.snapshot(A)).nodes.find((n) => n.properties.key === risk.key)?.properties.status).toBe('DHF');
        await applyMutations(store, projectStreamRecord(remove(asset)));
        const { nodes, edges } = await store.snapshot(A);
        expect(nodes.map((n) => n.properties.key)).toEqual([risk.key]);
        expect(edges).toEqual([]);
      });

      test('replaying a stream, whole or twice, gives the same graph', async () => {
        const asset = assetRow(A, 'example.com', { source: 'seed' });
        const child = assetRow(A, 'api.example.com', { discoveredFrom: asset.key });
        const risk = riskRow(A, child.key as string, 'api.example.com', 'cve-2024-1');
        const stream = [
          insert(risk), // before its asset: a placeholder first
          insert(asset),
          insert(child),
          insert(attributeRow(A, child.key as string, 'port', '80')),
          modify({ ...risk, status: 'OH' }),
          insert(assetRow(A, 'gone.example.com')),
          remove(assetRow(A, 'gone.example.com')),
        ];
        const replay = async () => {
          for (const record of stream) await applyMutations(store, projectStreamRecord(record));
          return store.snapshot(A);
        };
        const once = await replay();
        expect(await replay()).toEqual(once);
        await store.clear();
        expect(await replay()).toEqual(once);
        expect(once.nodes).toHaveLength(4);
        expect(once.edges).toHaveLength(3);
      });

      test('row order does not matter when the table is replayed (rebuild vs stream)', async () => {
        const rows = [
          assetRow(A, 'example.com'),
          assetRow(A, 'a.example.com', { discoveredFrom: assetKey('example.com') }),
          riskRow(A, assetKey('a.example.com'), 'a.example.com', 'xss'),
          attributeRow(A, assetKey('example.com'), 'port', '22'),
        ];
        await put(...rows);
        const forward = await store.snapshot(A);
        await store.clear();
        await put(...[...rows].reverse());
        expect(await store.snapshot(A)).toEqual(forward);
      });

      test('tenants never share a node, even with equal keys', async () => {
        await put(assetRow(A, 'example.com', { status: 'A' }), assetRow(B, 'example.com', { status: 'F' }));
        expect((await store.snapshot(A)).nodes.map((n) => n.properties.status)).toEqual(['A']);
        expect((await store.snapshot(B)).nodes.map((n) => n.properties.status)).toEqual(['F']);
        await applyMutations(store, projectStreamRecord(remove(assetRow(B, 'example.com'))));
        expect((await store.snapshot(A)).nodes).toHaveLength(1);
      });
    });

    describe('search', () => {
      const web = assetRow(A, 'web.example.com', { source: 'seed', priority: 10, tags: ['prod'] });
      const api = assetRow(A, 'api.example.com', { discoveredFrom: web.key, priority: 20, status: 'AH' });
      const db = assetRow(A, 'db.example.com', { discoveredFrom: web.key, priority: 30, status: 'D' });
      const sqli = riskRow(A, api.key as string, 'api.example.com', 'sql-injection', { status: 'OC' });
      const xss = riskRow(A, web.key as string, 'web.example.com', 'xss', { status: 'TL' });
      const port = attributeRow(A, api.key as string, 'port', '443');
      beforeEach(() => put(web, api, db, sqli, xss, port));

      test.each([
        ['=', 'status', 'AH', [api.key]],
        ['STARTS WITH', 'key', '#asset#web', [web.key]],
        ['ENDS WITH', 'dns', 'db.example.com', [db.key]],
        ['CONTAINS', 'name', 'pi.ex', [api.key]],
        ['IN', 'status', ['D', 'AH'], [api.key, db.key]],
        ['<', 'priority', 20, [web.key]],
        ['<=', 'priority', 20, [api.key, web.key]],
        ['>', 'priority', 20, [db.key]],
        ['>=', 'priority', 20, [api.key, db.key]],
        ['IS NULL', 'discoveredFrom', undefined, [web.key]],
        ['IS NOT NULL', 'discoveredFrom', undefined, [api.key, db.key]],
        ['STARTS WITH', 'status', ['A', 'D'], [api.key, web.key, db.key].sort()],
      ])('operator %s on %s', async (operator, field, value, expected) => {
        expect(await keys(A, node(['Asset'], [{ field, operator, value }]))).toEqual(expected);
      });

      test('not negates; a missing property matches neither a filter nor its negation', async () => {
        expect(await keys(A, node(['Asset'], [{ field: 'status', operator: 'STARTS WITH', value: 'A', not: true }]))).toEqual([db.key]);
        expect(await keys(A, node(['Asset'], [{ field: 'comment', operator: '=', value: 'x', not: true }]))).toEqual([]);
        expect(await keys(A, node(['Asset'], [{ field: 'priority', operator: '<', value: 'a-string' }]))).toEqual([]);
      });

      test('filters are ANDed; several labels must all match', async () => {
        expect(await keys(A, node(['Asset'], [{ field: 'status', operator: 'STARTS WITH', value: 'A' }, { field: 'priority', operator: '>', value: 10 }]))).toEqual([api.key]);
        expect(await keys(A, node(['Asset', 'Seed']))).toEqual([web.key]);
        expect(await keys(A, node(['Seed']))).toEqual([web.key]);
      });

      test('relationship traversal one hop in either direction, nested, and with several types', async () => {
        const assetNamed = (key: unknown) => ({ labels: ['Asset'], filters: [{ field: 'key', operator: '=', value: key }] });
        // risks of an asset: the asset is the relationship's source
        expect(await keys(A, node(['Risk'], [], [{ label: 'HAS_VULNERABILITY', source: assetNamed(api.key) }]))).toEqual([sqli.key]);
        // assets carrying an open risk: the risk is the target
        const openRisk = { labels: ['Risk'], filters: [{ field: 'status', operator: 'STARTS WITH', value: 'O' }] };
        expect(await keys(A, node(['Asset'], [], [{ label: 'HAS_VULNERABILITY', target: openRisk }]))).toEqual([api.key]);
        // nested: seeds whose discoveries carry a risk
        const discoveredWithRisk = { labels: ['Asset'], relationships: [{ label: 'HAS_VULNERABILITY', target: { labels: ['Risk'] } }] };
        expect(await keys(A, node(['Seed'], [], [{ label: 'DISCOVERED', target: discoveredWithRisk }]))).toEqual([web.key]);
        // several types: anything an asset points at through either type
        expect(await keys(A, node(['Asset'], [], [{ label: ['HAS_ATTRIBUTE', 'DISCOVERED'], source: assetNamed(api.key) }]))).toEqual([]);
        expect(await keys(A, { node: { labels: ['Attribute'], relationships: [{ label: ['HAS_ATTRIBUTE', 'DISCOVERED'], source: assetNamed(api.key) }] } })).toEqual([port.key]);
        // an optional relationship does not restrict
        expect(await keys(A, node(['Risk'], [], [{ label: 'HAS_VULNERABILITY', source: assetNamed('nope'), optional: true }]))).toEqual([sqli.key, xss.key]);
      });

      test('pages are ordered, windowed and say where the next one starts', async () => {
        const first = await searchGraph(store, whoami(A), { node: { labels: ['Asset'] }, page: 0, limit: 2 });
        expect(first).toEqual({ assets: [expect.objectContaining({ key: api.key }), expect.objectContaining({ key: db.key })], offset: 1 });
        const second = await searchGraph(store, whoami(A), { node: { labels: ['Asset'] }, page: 1, limit: 2 });
        expect(second).toEqual({ assets: [expect.objectContaining({ key: web.key })] });
        const byPriority = await searchGraph(store, whoami(A), { node: { labels: ['Asset'] }, orderBy: 'priority', descending: true });
        expect((byPriority.assets as Row[]).map((a) => a.priority)).toEqual([30, 20, 10]);
      });

      test('results are scoped to the tenant, through relationships too', async () => {
        // B has the same asset key, with a risk of its own
        await put(assetRow(B, 'api.example.com'), riskRow(B, api.key as string, 'api.example.com', 'b-only'));
        expect(await keys(B, node(['Asset']))).toEqual([api.key]);
        expect(await keys(B, node(['Risk']))).toEqual([riskRow(B, '', 'api.example.com', 'b-only').key]);
        // A's query through the shared key never reaches B's risk, and B's never reaches A's
        const viaApi = node(['Risk'], [], [{ label: 'HAS_VULNERABILITY', source: { labels: ['Asset'], filters: [{ field: 'key', operator: '=', value: api.key }] } }]);
        expect(await keys(A, viaApi)).toEqual([sqli.key]);
        expect(await keys(B, viaApi)).toEqual([riskRow(B, '', 'api.example.com', 'b-only').key]);
        expect(await keys('carol@example.com', node(['Asset']))).toEqual([]);
      });

      test('the 2.x extras: free-text search, the TTL label, labels that exist only in queries', async () => {
        expect(await keys(A, { node: { labels: ['Risk'], search: 'sql' } })).toEqual([sqli.key]);
        expect(await keys(A, { node: { labels: ['Asset', 'TTL'], filters: [{ field: 'key', operator: '=', value: web.key, not: false }] } })).toEqual([web.key]);
        expect(await searchGraph(store, whoami(A), { node: { labels: ['Vulnerability'] } })).toEqual({ vulnerabilities: [] });
      });

      test('tree=true answers the roots with their related nodes nested; global=true reads the global tenant', async () => {
        const query = node(['Asset'], [{ field: 'key', operator: '=', value: api.key }], [{ label: 'HAS_VULNERABILITY', target: { labels: ['Risk'] } }]);
        // Tree pages are looked up root by root, so the default 4096 is "too large": the SDK halves until it fits.
        await expect(searchGraph(store, whoami(A), query, { tree: true })).rejects.toMatchObject({ kind: 'payload-too-large', message: 'reduce page size' });
        const tree = await searchGraph(store, whoami(A), { ...query, limit: 256 }, { tree: true });
        expect(tree).toEqual([expect.objectContaining({ key: api.key, HAS_VULNERABILITY: [expect.objectContaining({ key: sqli.key })] })]);
        await put(assetRow('global', 'shared.example.com'));
        expect(await searchGraph(store, whoami(A), node(['Asset']), { global: true })).toEqual({ assets: [expect.objectContaining({ key: assetKey('shared.example.com') })] });
      });

      test('AND/OR take a list of filters as their value, nest, and negate; LIKE is SQL-like and case-insensitive', async () => {
        const or = { field: '', operator: 'OR', value: [{ field: 'status', operator: '=', value: 'D' }, { field: 'priority', operator: '<', value: 15 }] };
        expect(await keys(A, node(['Asset'], [or]))).toEqual([db.key, web.key]);
        expect(await keys(A, node(['Asset'], [{ ...or, not: true }]))).toEqual([api.key]);
        const and = { operator: 'AND', value: [{ field: 'status', operator: 'STARTS WITH', value: 'A' }, { operator: 'OR', value: [{ field: 'priority', operator: '>', value: 15 }, { field: 'tags', operator: 'IS NOT NULL' }] }] };
        expect(await keys(A, node(['Asset'], [and]))).toEqual([api.key, web.key]);
        expect(await keys(A, node(['Asset'], [{ field: 'dns', operator: 'LIKE', value: 'API.%.com' }]))).toEqual([api.key]);
        expect(await keys(A, node(['Asset'], [{ field: 'dns', operator: 'LIKE', value: ['_b.example.com', 'w%'] }]))).toEqual([db.key, web.key]);
        expect(await keys(A, node(['Asset'], [{ field: 'dns', operator: 'LIKE', value: 'api.example.co' }]))).toEqual([]); // the whole value
        expect(await keys(A, node(['Risk'], [{ field: 'name', operator: 'LIKE', value: 'sql-(injection)%' }]))).toEqual([]); // regex characters are literal
      });

      test('a relationship of length n follows paths of 1..n edges; shortest is accepted', async () => {
        const seedWeb = { labels: ['Seed'], filters: [{ field: 'key', operator: '=', value: web.key }] };
        // web -DISCOVERED-> api -HAS_VULNERABILITY-> sqli; web -HAS_VULNERABILITY-> xss
        const risksOf = (length?: number) => node(['Risk'], [], [{ label: ['DISCOVERED', 'HAS_VULNERABILITY'], source: seedWeb, ...(length === undefined ? {} : { length }) }]);
        expect(await keys(A, risksOf())).toEqual([xss.key]);
        expect(await keys(A, risksOf(0))).toEqual([xss.key]);
        expect(await keys(A, risksOf(2))).toEqual([sqli.key, xss.key]);
        expect(await keys(A, { ...risksOf(2), shortest: true })).toEqual([sqli.key, xss.key]);
        // the other direction: seeds from which an attribute is reachable in up to 2 hops
        expect(await keys(A, node(['Seed'], [], [{ label: ['DISCOVERED', 'HAS_ATTRIBUTE'], target: { labels: ['Attribute'] }, length: 2 }]))).toEqual([web.key]);
        expect(await keys(A, node(['Seed'], [], [{ label: ['DISCOVERED', 'HAS_ATTRIBUTE'], target: { labels: ['Attribute'] } }]))).toEqual([]);
        await expect(keys(A, risksOf(5))).rejects.toMatchObject({ kind: 'invalid-input' });
        // a tree follows the same paths
        const tree = await searchGraph(store, whoami(A), { ...node(['Seed'], [], [{ label: ['DISCOVERED', 'HAS_VULNERABILITY'], target: { labels: ['Risk'] }, length: 2 }]), limit: 10 }, { tree: true });
        expect(tree).toEqual([expect.objectContaining({ key: web.key, 'DISCOVERED|HAS_VULNERABILITY': [expect.objectContaining({ key: sqli.key }), expect.objectContaining({ key: xss.key })] })]);
      });

      test('allTenants=true reads the caller and the tenants they collaborate in, and nobody else', async () => {
        await put(assetRow(B, 'b.example.com'), riskRow(B, assetKey('b.example.com'), 'b.example.com', 'b-risk'), assetRow('carol@example.com', 'c.example.com'));
        const memberTenants = async () => [B];
        const all = await searchGraph(store, whoami(A), node(['Asset']), { allTenants: true }, { memberTenants });
        expect((all.assets as Row[]).map((a) => [a.username, a.key])).toEqual([[A, api.key], [B, assetKey('b.example.com')], [A, db.key], [A, web.key]]);
        // relationships stay inside each node's tenant
        const withRisk = node(['Asset'], [], [{ label: 'HAS_VULNERABILITY', target: { labels: ['Risk'] } }]);
        expect(((await searchGraph(store, whoami(A), withRisk, { allTenants: true }, { memberTenants })).assets as Row[]).map((a) => a.username)).toEqual([A, B, A]);
        // without memberships, or with an API key, it is the caller's tenant alone
        expect(await searchGraph(store, whoami(A), node(['Asset']), { allTenants: true })).toEqual(await searchGraph(store, whoami(A), node(['Asset'])));
        expect(await searchGraph(store, { ...whoami(A), credential: 'apikey' }, node(['Asset']), { allTenants: true }, { memberTenants })).toEqual(await searchGraph(store, whoami(A), node(['Asset'])));
        await expect(searchGraph(store, whoami(A), node(['Asset']), { allTenants: true, global: true })).rejects.toMatchObject({ kind: 'invalid-input' });
      });

      test('an older version of a row never overwrites a newer one', async () => {
        await put({ ...db, status: 'A', version: 5 });
        await put({ ...db, status: 'F', version: 4 }); // a late stream record
        expect(await keys(A, node(['Asset'], [{ field: 'status', operator: '=', value: 'A' }]))).toContain(db.key);
        await applyMutations(store, projectStreamRecord({ ...remove(db), dynamodb: { ...remove(db).dynamodb, OldImage: insert({ ...db, version: 3 }).dynamodb!.NewImage } }));
        expect(await keys(A, node(['Asset'], [{ field: 'key', operator: '=', value: db.key }]))).toEqual([db.key]);
      });
    });

    describe('every node kind and relationship, isolated per tenant', () => {
      const asset = assetKey('kinds.example.com');
      const app = '#webapplication#https://app.example.com/';
      const rowsOf = (tenant: string): Row[] => [
        assetRow(tenant, 'kinds.example.com'),
        { username: tenant, key: `#port#tcp#443${asset}`, source: asset, protocol: 'tcp', port: 443 },
        { username: tenant, key: '#technology#cpe:2.3:a:nginx:nginx:1.25.3:*:*:*:*:*:*:*', source: asset },
        { username: tenant, key: app, source: 'seed', primary_url: 'https://app.example.com/' },
        { username: tenant, key: '#webpage#https://app.example.com/login', parent: app },
        { username: tenant, key: '#addomain#corp.example.com#S-1-5-21-1', discoveredFrom: asset },
        { username: tenant, key: '#preseed#whois+company#registrant#Example Inc', status: 'P' },
      ];

      test('labels, extra labels, owned relationships; another tenant sees none of them', async () => {
        await put(...rowsOf(A));
        const { nodes, edges } = await store.snapshot(A);
        expect(nodes.map((n) => [n.properties.key, n.labels])).toEqual(
          expect.arrayContaining([
            [`#port#tcp#443${asset}`, ['Port']],
            [app, ['Asset', 'Seed', 'WebApplication']],
            ['#addomain#corp.example.com#S-1-5-21-1', ['ADDomain', 'ADObject', 'Asset']],
            ['#preseed#whois+company#registrant#Example Inc', ['Preseed']],
          ]),
        );
        expect(edges.map((e) => e.type).sort()).toEqual(['DISCOVERED', 'HAS_PORT', 'HAS_TECHNOLOGY', 'HAS_WEBPAGE']);
        for (const label of ['Port', 'Technology', 'WebApplication', 'Webpage', 'ADDomain', 'Preseed', 'Seed']) {
          expect(await keys(A, node([label]))).toHaveLength(1);
          expect(await keys(B, node([label]))).toEqual([]);
        }
        for (const [label, type, child] of [['Asset', 'HAS_PORT', 'Port'], ['Asset', 'HAS_TECHNOLOGY', 'Technology'], ['WebApplication', 'HAS_WEBPAGE', 'Webpage'], ['Asset', 'DISCOVERED', 'ADDomain']]) {
          expect(await keys(A, node([label], [], [{ label: type, target: { labels: [child] } }]))).toHaveLength(1);
          expect(await keys(B, node([label], [], [{ label: type, target: { labels: [child] } }]))).toEqual([]);
        }
        // B's own copy links only B's nodes
        await put(...rowsOf(B));
        expect((await store.snapshot(B)).edges).toHaveLength(4);
        expect((await store.snapshot(A)).edges).toHaveLength(4);
      });
    });
  });
}
