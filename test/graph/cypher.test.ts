import {
  clearBatchStatement,
  constraintStatements,
  fromNeo4jProperties,
  mutationStatements,
  searchStatement,
  snapshotStatements,
  toNeo4jProperties,
} from '../../shared/graph/cypher';
import { projectRow } from '../../shared/graph/projection';
import { parseGraphQuery } from '../../shared/graph/query';
import { assetRow, riskRow } from './fixtures';

const T = 'alice@example.com';
const window = { skip: 0, limit: 11, orderBy: 'key', descending: false };

describe('Cypher built for the Neo4j adapter', () => {
  test('uniqueness constraints on (username, key) for every label and relationship type', () => {
    expect(constraintStatements().map((s) => s.text)).toEqual([
      'CREATE CONSTRAINT asset_identity IF NOT EXISTS FOR (n:Asset) REQUIRE (n.username, n.key) IS UNIQUE',
      'CREATE CONSTRAINT risk_identity IF NOT EXISTS FOR (n:Risk) REQUIRE (n.username, n.key) IS UNIQUE',
      'CREATE CONSTRAINT attribute_identity IF NOT EXISTS FOR (n:Attribute) REQUIRE (n.username, n.key) IS UNIQUE',
      'CREATE CONSTRAINT port_identity IF NOT EXISTS FOR (n:Port) REQUIRE (n.username, n.key) IS UNIQUE',
      'CREATE CONSTRAINT technology_identity IF NOT EXISTS FOR (n:Technology) REQUIRE (n.username, n.key) IS UNIQUE',
      'CREATE CONSTRAINT web_application_identity IF NOT EXISTS FOR (n:WebApplication) REQUIRE (n.username, n.key) IS UNIQUE',
      'CREATE CONSTRAINT webpage_identity IF NOT EXISTS FOR (n:Webpage) REQUIRE (n.username, n.key) IS UNIQUE',
      'CREATE CONSTRAINT addomain_identity IF NOT EXISTS FOR (n:ADDomain) REQUIRE (n.username, n.key) IS UNIQUE',
      'CREATE CONSTRAINT preseed_identity IF NOT EXISTS FOR (n:Preseed) REQUIRE (n.username, n.key) IS UNIQUE',
      'CREATE CONSTRAINT discovered_identity IF NOT EXISTS FOR ()-[r:DISCOVERED]-() REQUIRE (r.username, r.key) IS UNIQUE',
      'CREATE CONSTRAINT has_vulnerability_identity IF NOT EXISTS FOR ()-[r:HAS_VULNERABILITY]-() REQUIRE (r.username, r.key) IS UNIQUE',
      'CREATE CONSTRAINT has_attribute_identity IF NOT EXISTS FOR ()-[r:HAS_ATTRIBUTE]-() REQUIRE (r.username, r.key) IS UNIQUE',
      'CREATE CONSTRAINT has_port_identity IF NOT EXISTS FOR ()-[r:HAS_PORT]-() REQUIRE (r.username, r.key) IS UNIQUE',
      'CREATE CONSTRAINT has_technology_identity IF NOT EXISTS FOR ()-[r:HAS_TECHNOLOGY]-() REQUIRE (r.username, r.key) IS UNIQUE',
      'CREATE CONSTRAINT has_webpage_identity IF NOT EXISTS FOR ()-[r:HAS_WEBPAGE]-() REQUIRE (r.username, r.key) IS UNIQUE',
    ]);
  });

  test('a node upsert MERGEs on (username, key), never goes back a version, replaces properties and follows the Seed label', () => {
    const [statement] = mutationStatements(projectRow(assetRow(T, 'example.com', { source: 'seed', history: [{ to: 'A' }], version: 4 })).slice(0, 1));
    expect(statement.text).toBe(
      [
        'UNWIND $rows AS row',
        'MERGE (n:Asset {username: row.username, key: row.key})',
        'WITH n, row WHERE coalesce(n._version, -1) <= row.version',
        'SET n = row.properties',
        "FOREACH (_ IN CASE WHEN 'Seed' IN row.extraLabels THEN [1] ELSE [] END | SET n:Seed)",
        "FOREACH (_ IN CASE WHEN 'Seed' IN row.extraLabels THEN [] ELSE [1] END | REMOVE n:Seed)",
      ].join('\n'),
    );
    expect(statement.parameters).toEqual({
      rows: [
        {
          username: T,
          key: '#asset#example.com#example.com',
          version: 4,
          extraLabels: ['Seed'],
          properties: expect.objectContaining({ source: 'seed', history: '[{"to":"A"}]', _json: ['history'], _version: 4 }),
        },
      ],
    });
  });

  test('incoming edges: prune the ones the row no longer declares, MERGE the rest by relationship key', () => {
    const risk = riskRow(T, '#asset#a.com#a.com', 'a.com', 'xss');
    const [, statement] = mutationStatements(projectRow(risk));
    expect(statement.text).toBe(
      [
        'UNWIND $rows AS row',
        'MERGE (n:Risk {username: row.username, key: row.key})',
        'WITH n, row WHERE coalesce(n._version, -1) <= row.version',
        'OPTIONAL MATCH ()-[old:HAS_VULNERABILITY]->(n) WHERE NOT old.key IN row.keep',
        'DELETE old',
        'WITH DISTINCT n, row',
        'UNWIND row.from AS from',
        'MERGE (source:Asset {username: row.username, key: from.key})',
        'MERGE (source)-[:HAS_VULNERABILITY {username: row.username, key: from.relKey}]->(n)',
      ].join('\n'),
    );
    const relKey = '#asset#a.com#a.com#HAS_VULNERABILITY#risk#a.com#xss';
    expect(statement.parameters).toEqual({ rows: [{ username: T, key: risk.key, version: 0, keep: [relKey], from: [{ key: '#asset#a.com#a.com', relKey }] }] });
  });

  test('consecutive mutations of one shape share an UNWIND statement; order is kept', () => {
    const assets = [assetRow(T, 'a.com'), assetRow(T, 'b.com', { discoveredFrom: '#asset#a.com#a.com' }), assetRow(T, 'c.com')];
    const mutations = assets.flatMap(projectRow);
    const nodesThenEdges = [...mutations.filter((m) => m.kind === 'upsertNode'), ...mutations.filter((m) => m.kind !== 'upsertNode')];
    const statements = mutationStatements(nodesThenEdges);
    expect(statements).toHaveLength(2);
    expect((statements[0].parameters.rows as unknown[]).length).toBe(3);
    expect((statements[1].parameters.rows as unknown[]).length).toBe(3); // rows with and without a source share it
    // interleaved shapes stay in order
    expect(mutationStatements(mutations).map((s) => s.text.split('\n')[1].split(' ')[0])).toEqual(['MERGE', 'MERGE', 'MERGE', 'MERGE', 'MERGE', 'MERGE']);
    expect(mutationStatements([{ kind: 'deleteNode', username: T, node: { key: '#risk#a#b', label: 'Risk' }, version: 3 }])).toEqual([
      {
        text: 'UNWIND $rows AS row\nMATCH (n:Risk {username: row.username, key: row.key})\nWHERE coalesce(n._version, -1) <= row.version\nDETACH DELETE n',
        parameters: { rows: [{ username: T, key: '#risk#a#b', version: 3 }] },
      },
    ]);
  });

  test('sources of different labels are linked by separate statements that keep each other', () => {
    const statements = mutationStatements([
      {
        kind: 'setIncoming',
        username: T,
        node: { key: '#attribute#a#b#risk#x#y', label: 'Attribute' },
        type: 'HAS_ATTRIBUTE',
        from: [{ key: '#risk#x#y', label: 'Risk' }, { key: '#asset#x#x', label: 'Asset' }],
        version: 1,
      },
    ]);
    expect(statements.map((s) => s.text.match(/MERGE \(source:(\w+)/)?.[1])).toEqual(['Risk', 'Asset']);
    for (const s of statements) expect((s.parameters.rows as { keep: string[] }[])[0].keep).toHaveLength(2);
  });

  test('search: tenant on every node, filters as parameters, relationships as EXISTS subqueries', () => {
    const query = parseGraphQuery({
      node: {
        labels: ['Risk'],
        filters: [
          { field: 'status', operator: 'STARTS WITH', value: ['O', 'T'] },
          { field: 'customField', operator: '>', value: 3, not: true },
          { field: 'title', operator: 'IS NULL' },
        ],
        relationships: [{ label: 'HAS_VULNERABILITY', source: { labels: ['Asset', 'Seed'], filters: [{ field: 'key', operator: '=', value: '#asset#a#a' }] } }],
      },
      page: 2,
      limit: 10,
    });
    const statement = searchStatement(T, query.node, { ...window, skip: 20 });
    expect(statement.text).toBe(
      [
        'MATCH (n:Risk)',
        'WHERE n.username = $tenant',
        '  AND any(value IN $p0 WHERE n.status STARTS WITH value)',
        '  AND NOT (n[$p1] > $p2)',
        '  AND n.title IS NULL',
        '  AND EXISTS { MATCH (m0_0:Asset:Seed)-[:HAS_VULNERABILITY]->(n) WHERE m0_0.username = $tenant AND m0_0.key = $p3 }',
        'RETURN n',
        'ORDER BY n.key',
        'SKIP $skip',
        'LIMIT $limit',
      ].join('\n'),
    );
    expect(statement.parameters).toEqual({ tenant: T, p0: ['O', 'T'], p1: 'customField', p2: 3, p3: '#asset#a#a', skip: 20, limit: 11 });
  });

  test('search: target direction, several types, nesting, IN, ordering by another field', () => {
    const query = parseGraphQuery({
      node: {
        labels: ['Asset'],
        relationships: [
          { label: ['HAS_VULNERABILITY', 'HAS_ATTRIBUTE'], target: { labels: ['Risk'], relationships: [{ label: 'HAS_ATTRIBUTE', target: { filters: [{ field: 'name', operator: 'IN', value: ['port'] }] } }] } },
          { label: 'DISCOVERED', source: {}, optional: true },
        ],
      },
    });
    const statement = searchStatement(T, query.node, { ...window, orderBy: 'priority', descending: true });
    expect(statement.text).toContain(
      'EXISTS { MATCH (n)-[:HAS_VULNERABILITY|HAS_ATTRIBUTE]->(m0_0:Risk) WHERE m0_0.username = $tenant AND EXISTS { MATCH (m0_0)-[:HAS_ATTRIBUTE]->(m1_0) WHERE m1_0.username = $tenant AND m1_0.name IN $p0 } }',
    );
    expect(statement.text).not.toContain('DISCOVERED'); // optional relationships do not filter
    expect(statement.text).toContain('ORDER BY n.priority DESC, n.key DESC');
  });

  test('search: AND/OR nest in parentheses, LIKE becomes =~ on the lower-cased value, length a bounded path, allTenants a list', () => {
    const query = parseGraphQuery({
      node: {
        labels: ['Asset'],
        filters: [{ field: '', operator: 'OR', not: true, value: [{ field: 'dns', operator: 'LIKE', value: 'A_b%.com' }, { operator: 'AND', value: [{ field: 'status', operator: '=', value: 'A' }, { field: 'name', operator: 'IS NULL' }] }] }],
        relationships: [{ label: 'DISCOVERED', target: { labels: ['Asset'] }, length: 3 }],
      },
    });
    const statement = searchStatement([T, 'other@example.com'], query.node, window);
    expect(statement.text).toBe(
      [
        'MATCH (n:Asset)',
        'WHERE n.username IN $tenants',
        '  AND NOT ((toLower(n.dns) =~ $p0 OR (n.status = $p1 AND n.name IS NULL)))',
        '  AND EXISTS { MATCH (n)-[:DISCOVERED*1..3]->(m0_0:Asset) WHERE m0_0.username IN $tenants }',
        'RETURN n',
        'ORDER BY n.key, n.username',
        'SKIP $skip',
        'LIMIT $limit',
      ].join('\n'),
    );
    expect(statement.parameters).toMatchObject({ tenants: [T, 'other@example.com'], p0: 'a.b.*\\.com', p1: 'A' });
    expect(() => parseGraphQuery({ node: { labels: ['Asset'], filters: [{ operator: 'AND', value: [] }] } })).toThrow(/AND\/OR needs a list/);
    expect(() => parseGraphQuery({ node: { labels: ['Asset'], relationships: [{ label: 'DISCOVERED', target: {}, length: 9 }] } })).toThrow(/length is at most 4/);
  });

  test('input never reaches the query text: only parameters carry it', () => {
    const hostile = "x' }) DETACH DELETE n //";
    const query = parseGraphQuery({ node: { labels: ['Asset'], filters: [{ field: 'unusual_field', operator: 'CONTAINS', value: hostile }] } });
    const statement = searchStatement(hostile, query.node, window);
    expect(statement.text).not.toContain(hostile);
    expect(statement.text).not.toContain('unusual_field');
    expect(Object.values(statement.parameters)).toEqual(expect.arrayContaining([hostile, 'unusual_field']));
    const write = mutationStatements(projectRow(assetRow(hostile, 'example.com', { status: hostile })));
    for (const s of write) expect(s.text).not.toContain(hostile);
  });

  test('properties round-trip through the Neo4j encoding', () => {
    const properties = { key: '#asset#a#a', ttl: 5, tags: ['a'], empty: [], mixed: [1, 'a'], history: [{ to: 'A' }], lastScanState: { x: 'y' } };
    const stored = toNeo4jProperties(properties);
    expect(stored._json).toEqual(['mixed', 'history', 'lastScanState']);
    expect(fromNeo4jProperties(stored)).toEqual(properties);
  });

  test('snapshot and clear statements stay within projected labels', () => {
    const { nodes, edges } = snapshotStatements(T);
    expect(nodes).toEqual({ text: 'MATCH (n) WHERE n.username = $tenant AND (n:Asset OR n:Risk OR n:Attribute OR n:Port OR n:Technology OR n:WebApplication OR n:Webpage OR n:ADDomain OR n:Preseed)\nRETURN n\nORDER BY n.key', parameters: { tenant: T } });
    expect(edges.text).toContain('[r:DISCOVERED|HAS_VULNERABILITY|HAS_ATTRIBUTE|HAS_PORT|HAS_TECHNOLOGY|HAS_WEBPAGE]');
    expect(clearBatchStatement(100)).toEqual({
      text: 'MATCH (n) WHERE (n:Asset OR n:Risk OR n:Attribute OR n:Port OR n:Technology OR n:WebApplication OR n:Webpage OR n:ADDomain OR n:Preseed)\nWITH n LIMIT $batch\nDETACH DELETE n\nRETURN count(*) AS deleted',
      parameters: { batch: 100 },
    });
  });
});
