/**
 * Seeds the bench tenant with N assets. Through the API (`PUT /asset` on the running service) when it
 * works, so the rows are exactly what the model writes; otherwise straight into the table in Chariot's
 * key format, so the store row (5) still has 1,000 items to read.
 */
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BENCH_USER } from './fixture';

export interface SeedResult {
  method: 'api' | 'table';
  assets: number;
  /** Why the API path was not used. */
  reason?: string;
  seconds: number;
}

const assetOf = (i: number) => ({
  dns: `host-${String(i).padStart(5, '0')}.bench.example.com`,
  name: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
});

async function inParallel(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

async function seedThroughApi(serviceUrl: string, headers: Readonly<Record<string, string>>, count: number) {
  const put = async (i: number) => {
    const response = await fetch(`${serviceUrl}/asset`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(assetOf(i)),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`PUT /asset answered ${response.status}: ${text.slice(0, 120)}`);
  };
  await put(0); // fail fast, before firing hundreds of doomed requests
  await inParallel(count - 1, 8, (i) => put(i + 1));
}

async function seedTable(client: DynamoDBClient, tableName: string, count: number) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  for (let start = 0; start < count; start += 25) {
    const items = Array.from({ length: Math.min(25, count - start) }, (_, j) => {
      const { dns, name } = assetOf(start + j);
      return {
        PutRequest: {
          Item: {
            username: { S: BENCH_USER.email },
            key: { S: `#asset#${dns}#${name}`.toLowerCase() },
            dns: { S: dns },
            name: { S: name },
            status: { S: 'A' },
            source: { S: 'bench' },
            created: { S: now },
            updated: { S: now },
            visited: { S: now },
            ttl: { N: '0' },
          },
        },
      };
    });
    await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: items } }));
  }
}

export async function seedAssets(options: {
  serviceUrl?: string;
  headers: Readonly<Record<string, string>>;
  client: DynamoDBClient;
  tableName: string;
  count: number;
  /** Why there is no service to seed through. */
  serviceUnavailable?: string;
}): Promise<SeedResult> {
  const started = performance.now();
  const seconds = () => Math.round(performance.now() - started) / 1000;
  let reason = options.serviceUnavailable;
  if (options.serviceUrl) {
    try {
      await seedThroughApi(options.serviceUrl, options.headers, options.count);
      return { method: 'api', assets: options.count, seconds: seconds() };
    } catch (error) {
      reason = (error as Error).message;
    }
  }
  await seedTable(options.client, options.tableName, options.count);
  return { method: 'table', assets: options.count, reason, seconds: seconds() };
}
