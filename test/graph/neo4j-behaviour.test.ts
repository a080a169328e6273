/**
 * The same behaviour suite on a real Neo4j, opt-in: no server can run on this machine, so it is skipped
 * unless NEO4J_TEST_URI (plus NEO4J_TEST_USER / NEO4J_TEST_PASSWORD) names a disposable database.
 * It clears that database's projected nodes before every test.
 */
import { Neo4jGraphStore } from '../../shared/graph/neo4j-store';
import { describeGraphStoreBehaviour } from './graph-behaviour';

const uri = process.env.NEO4J_TEST_URI;
if (uri) {
  describeGraphStoreBehaviour('neo4j', async () =>
    new Neo4jGraphStore({
      kind: 'neo4j',
      uri,
      user: process.env.NEO4J_TEST_USER ?? 'neo4j',
      password: process.env.NEO4J_TEST_PASSWORD ?? '',
      maxRetryMs: 5_000,
      connectTimeoutMs: 5_000,
    }),
  );
} else {
  test.skip('GraphStore behaviour on Neo4j (set NEO4J_TEST_URI to run)', () => {});
}
