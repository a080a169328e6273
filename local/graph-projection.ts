/**
 * The graph side of the local stack. In AWS one projector Lambda writes the table's stream into Neo4j.
 * Locally, with NEO4J_URI set, one poller in the stack's process does the same. Without it every
 * process has its own embedded graph, so every process that serves routes (this one for the Lambda
 * routes, each service) polls the stream into its own process-wide store (`sharedGraphStore`).
 */
import { sharedGraphStore } from '../shared/graph/config';
import { startStreamPoller, type StreamPoller } from './stream-poller';

/** Set for the service processes when each must project the stream into its own embedded graph. */
export const POLLER_ENV = 'LOCAL_STREAM_POLLER';

export const graphIsEmbedded = (env: NodeJS.ProcessEnv) => !env.NEO4J_URI;

/** Polls the table's stream into this process's graph store; failures go to `log`, one line each, not repeated. */
export async function startGraphProjection(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<StreamPoller> {
  let lastError = '';
  return startStreamPoller({
    endpoint: env.DYNAMODB_ENDPOINT!,
    tableName: env.TABLE_NAME!,
    store: await sharedGraphStore(env),
    onError: (message, error) => {
      const line = `graph projection: ${message}: ${(error as Error)?.message ?? error}`;
      if (line !== lastError) log(line);
      lastError = line;
    },
  });
}
