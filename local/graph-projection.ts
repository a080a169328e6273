/**
 * The graph side of the local stack: one graph for every process. Without NEO4J_URI the stack runs the
 * local Bolt graph server (the Cypher engine) and hands its URI to every process, so the in-process
 * Lambdas, each Hono service and the stream poller all use the production Neo4j adapter against the same
 * data. The graph is in memory: at start it is rebuilt from the table (the system of record); then one
 * poller applies the table's stream, the repair path behind the request-path writes (as the projector
 * Lambda does in AWS).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createGraphStore, loadGraphConfig } from '../shared/graph/config';
import { rebuildGraph } from '../shared/graph/rebuild';
import type { GraphStore } from '../shared/graph/store';
import { LOCAL_AWS } from './emulators';
import { startGraphServer, type GraphServer } from './graph-server/server';
import { startStreamPoller } from './stream-poller';

export interface LocalGraph {
  /** NEO4J_* variables for every process of the stack (empty when NEO4J_URI was given). */
  readonly env: Record<string, string>;
  /** Rebuilds from the table, then follows its stream; failures go to `log`, one line each, not repeated. */
  startProjection(target: { dynamodbEndpoint: string; tableName: string }, log: (line: string) => void): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalGraph(env: NodeJS.ProcessEnv): Promise<LocalGraph> {
  const server: GraphServer | undefined = env.NEO4J_URI ? undefined : await startGraphServer();
  const graphEnv: Record<string, string> = server ? { ...server.env } : {};
  let store: GraphStore | undefined;
  const stops: (() => Promise<void>)[] = [];
  return {
    env: graphEnv,
    async startProjection(target, log) {
      store = createGraphStore(await loadGraphConfig({ ...env, ...graphEnv }));
      const client = new DynamoDBClient({ endpoint: target.dynamodbEndpoint, ...LOCAL_AWS });
      // Without clearing: the graph may be a real Neo4j that other tools use; versions keep replays harmless.
      if (server) await rebuildGraph({ client, tableName: target.tableName, store, clear: false }).finally(() => client.destroy());
      else client.destroy();
      let lastError = '';
      const poller = startStreamPoller({
        endpoint: target.dynamodbEndpoint,
        tableName: target.tableName,
        store,
        onError: (message, error) => {
          const line = `graph projection: ${message}: ${(error as Error)?.message ?? error}`;
          if (line !== lastError) log(line);
          lastError = line;
        },
      });
      stops.push(() => poller.stop());
    },
    async stop() {
      for (const stop of stops.splice(0).reverse()) await stop();
      await store?.close();
      await server?.stop();
    },
  };
}
