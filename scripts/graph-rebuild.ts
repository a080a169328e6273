/**
 * `npm run graph:rebuild [-- --keep]`: rebuild the graph from the table (the system of record).
 * Clears the graph, then projects every asset, risk and attribute row. `--keep` skips the clear.
 * Env: TABLE_NAME, AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB (local: DynamoDB Local, read by the SDK itself), and NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { createGraphStore, loadGraphConfig } from '../shared/graph/config';
import { rebuildGraph } from '../shared/graph/rebuild';
import { LOCAL_AWS } from '../local/emulators';
import { LOCAL_TABLE_NAME } from '../local/runtime-env';

const env = z
  .object({
    TABLE_NAME: z.string().min(3).default(LOCAL_TABLE_NAME),
    AWS_REGION: z.string().min(1).default(LOCAL_AWS.region),
    AWS_ENDPOINT_URL_DYNAMODB: z.url().optional(),
  })
  .parse(process.env);

async function main(): Promise<void> {
  const store = createGraphStore(await loadGraphConfig(process.env));
  if (store.kind === 'embedded') {
    console.warn(
      'graph:rebuild: NEO4J_URI is not set, so this rebuilds a throw-away in-process graph (a dry run that checks the rows project).\n' +
        "The local stack's embedded graph lives in its own process and is refilled from the table's stream when it starts.",
    );
  }
  const client = new DynamoDBClient({
    region: env.AWS_REGION,
    // The SDK reads AWS_ENDPOINT_URL_DYNAMODB itself; DynamoDB Local still wants some credentials.
    ...(env.AWS_ENDPOINT_URL_DYNAMODB && !process.env.AWS_ACCESS_KEY_ID ? { credentials: LOCAL_AWS.credentials } : {}),
  });
  const started = Date.now();
  try {
    const report = await rebuildGraph({ client, tableName: env.TABLE_NAME, store, clear: !process.argv.includes('--keep') });
    console.log(`graph:rebuild: ${report.rowsScanned} rows scanned, ${report.nodesWritten} nodes written to the ${store.kind} graph in ${Date.now() - started} ms`);
  } finally {
    client.destroy();
    await store.close();
  }
}

main().catch((error) => {
  console.error(`graph:rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
