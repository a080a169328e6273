import { createGraphStore, loadGraphConfig } from '../../shared/graph/config';

describe('graph config', () => {
  test('no NEO4J_URI: the embedded store', async () => {
    const config = await loadGraphConfig({});
    expect(config).toEqual({ kind: 'embedded' });
    expect(createGraphStore(config).kind).toBe('embedded');
  });

  test('NEO4J_URI with user and password: the Neo4j store, with short retries by default', async () => {
    const config = await loadGraphConfig({ NEO4J_URI: 'neo4j+s://db.example.com', NEO4J_USER: 'app', NEO4J_PASSWORD: 'pw' });
    expect(config).toEqual({ kind: 'neo4j', uri: 'neo4j+s://db.example.com', user: 'app', password: 'pw', database: undefined, maxRetryMs: 5000, connectTimeoutMs: 5000 });
    const store = createGraphStore(config);
    expect(store.kind).toBe('neo4j');
    await store.close();
  });

  test('a secret ARN is read through the fetcher and its JSON is validated', async () => {
    const arn = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:neo4j';
    const fetcher = async () => JSON.stringify({ uri: 'bolt://10.0.0.5:7687', username: 'neo4j', password: 's3cret' });
    expect(await loadGraphConfig({ NEO4J_SECRET_ARN: arn }, fetcher)).toMatchObject({ kind: 'neo4j', uri: 'bolt://10.0.0.5:7687', password: 's3cret' });
    await expect(loadGraphConfig({ NEO4J_SECRET_ARN: arn }, async () => '{"uri":"http://x"}')).rejects.toThrow(/secret must be JSON/);
  });

  test('a malformed URI or timeout is rejected at the edge', async () => {
    await expect(loadGraphConfig({ NEO4J_URI: 'http://db:7474' })).rejects.toThrow(/NEO4J_URI/);
    await expect(loadGraphConfig({ NEO4J_URI: 'bolt://db', NEO4J_MAX_RETRY_MS: 'soon' })).rejects.toThrow(/NEO4J_MAX_RETRY_MS/);
  });
});
