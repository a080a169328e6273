/**
 * The behaviour suite through the production path: the Neo4j adapter (neo4j-driver, Bolt) against the local
 * graph server, which runs the same statements on the Cypher engine.
 */
import { Neo4jGraphStore } from '../../shared/graph/neo4j-store';
import { startGraphServer, type GraphServer } from '../../local/graph-server/server';
import { describeGraphStoreBehaviour } from './graph-behaviour';

let server: GraphServer;
beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(() => server.stop());

describeGraphStoreBehaviour('Neo4j adapter → local Bolt graph server', async () =>
  new Neo4jGraphStore({ kind: 'neo4j', uri: server.uri, user: server.user, password: server.password, maxRetryMs: 5_000, connectTimeoutMs: 5_000 }),
);
