import { projectRow, projectStreamRecord } from '../../shared/graph/projection';
import { assetRow, attributeRow, insert, modify, remove, riskRow } from './fixtures';

const T = 'alice@example.com';

describe('projectRow / projectStreamRecord (pure)', () => {
  test('an asset row: upsert with its properties, and its DISCOVERED source', () => {
    const row = assetRow(T, 'www.example.com', { discoveredFrom: '#asset#example.com#example.com', tags: new Set(['b', 'a']) });
    expect(projectRow(row)).toEqual([
      {
        kind: 'upsertNode',
        username: T,
        node: { key: '#asset#www.example.com#www.example.com', label: 'Asset' },
        extraLabels: [],
        properties: expect.objectContaining({ dns: 'www.example.com', tags: ['a', 'b'] }),
        version: 0,
      },
      {
        kind: 'setIncoming',
        username: T,
        node: { key: '#asset#www.example.com#www.example.com', label: 'Asset' },
        type: 'DISCOVERED',
        from: [{ key: '#asset#example.com#example.com', label: 'Asset' }],
        version: 0,
      },
    ]);
  });

  test('risks point back at their target, attributes at their parent (asset or risk)', () => {
    const risk = riskRow(T, '#asset#a.com#a.com', 'a.com', 'xss');
    expect(projectRow(risk)[1]).toMatchObject({ type: 'HAS_VULNERABILITY', from: [{ key: '#asset#a.com#a.com', label: 'Asset' }] });
    const attribute = attributeRow(T, risk.key as string, 'port', '80');
    expect(projectRow(attribute)[1]).toMatchObject({ type: 'HAS_ATTRIBUTE', from: [{ key: risk.key, label: 'Risk' }] });
  });

  test('a seed gets the Seed label; a non-key parent field links nothing', () => {
    const [upsert, incoming] = projectRow(assetRow(T, 'example.com', { source: 'seed', discoveredFrom: 'not-a-key' }));
    expect(upsert).toMatchObject({ extraLabels: ['Seed'] });
    expect(incoming).toMatchObject({ from: [] });
    // a parent of a kind that is not in the graph is not linked either
    expect(projectRow(attributeRow(T, '#job#x#y#z', 'a', 'b'))[1]).toMatchObject({ from: [] });
  });

  test.each([
    ['a job', { username: T, key: '#job#example.com#x#nuclei' }],
    ['an account', { username: T, key: '#account#a#b#c' }],
    ['a row without a tenant', { key: '#asset#a#a' }],
    ['a row without a key', { username: T }],
  ])('%s is not projected', (_, row) => {
    expect(projectRow(row)).toEqual([]);
  });

  test('stream records: INSERT and MODIFY upsert from NewImage, REMOVE deletes by Keys', () => {
    const row = assetRow(T, 'example.com');
    expect(projectStreamRecord(insert(row))).toEqual(projectRow(row));
    expect(projectStreamRecord(modify(row))).toEqual(projectRow(row));
    expect(projectStreamRecord(remove(row))).toEqual([{ kind: 'deleteNode', username: T, node: { key: row.key, label: 'Asset' }, version: Number.MAX_SAFE_INTEGER }]);
    expect(projectStreamRecord(remove({ username: T, key: '#job#a#b#c' }))).toEqual([]);
  });

  test("DynamoDB Local's untyped empty map (`{}`) decodes as an empty map; unprojected rows are not decoded", () => {
    const row = attributeRow(T, '#asset#a.com#a.com', 'port', '80');
    const record = insert(row);
    const image = { ...record.dynamodb!.NewImage!, metadata: {}, nested: { L: [{}] } };
    const [upsert] = projectStreamRecord({ ...record, dynamodb: { ...record.dynamodb, NewImage: image } });
    expect(upsert).toMatchObject({ kind: 'upsertNode', properties: expect.objectContaining({ metadata: {}, nested: [{}] }) });
    const account = { eventName: 'INSERT', dynamodb: { Keys: { username: { S: T }, key: { S: '#account#a#b#' } }, NewImage: { settings: {} } } };
    expect(projectStreamRecord(account)).toEqual([]);
  });

  test('internal row fields (the optimistic-lock version) never reach the graph', () => {
    const [upsert] = projectRow({ ...assetRow(T, 'example.com'), version: 7 });
    expect(upsert).toMatchObject({ kind: 'upsertNode' });
    expect((upsert as { properties: object }).properties).not.toHaveProperty('version');
  });

  test('the same record always gives the same mutations', () => {
    const record = insert(riskRow(T, '#asset#a.com#a.com', 'a.com', 'xss', { history: [{ to: 'TH' }] }));
    expect(projectStreamRecord(record)).toEqual(projectStreamRecord(record));
  });

  test('a stream without new images is a configuration error, not a silent skip', () => {
    expect(() => projectStreamRecord({ eventName: 'INSERT', dynamodb: { Keys: { username: { S: T }, key: { S: '#asset#a.com#a.com' } } } })).toThrow(/NEW_IMAGE/);
  });
});
