/**
 * Seeds the bench tenant with N assets. Through the API (`PUT /asset` on the running service) when it
 * works, so the rows are exactly what the model writes; otherwise straight into the table in Chariot's
 * key format, so the store row (5) still has 1,000 items to read.
 */
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { newAsset } from '../shared/model';
import { BENCH_USER } from './fixture';

export interface SeedResult {
  method: 'api' | 'table';
  assets: number;
  /** Why the API path was not used. */
  reason?: string;
  seconds: number;
}

export const assetOf = (i: number) => ({
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

/**
 * Writes `count` assets of `tenant` straight into the table, exactly as the model builds them
 * (`newAsset`), 25 per BatchWriteItem with `concurrency` batches in flight: the fastest path into
 * DynamoDB Local (about 100,000 rows in well under a minute on 2 cores).
 */
export async function seedTable(client: DynamoDBClient, tableName: string, count: number, tenant: string = BENCH_USER.email, concurrency = 8): Promise<void> {
  const at = new Date();
  const batches = Math.ceil(count / 25);
  await inParallel(batches, concurrency, async (batch) => {
    let requests = Array.from({ length: Math.min(25, count - batch * 25) }, (_, j) => ({
      PutRequest: { Item: marshall({ ...newAsset(tenant, assetOf(batch * 25 + j), at), version: 1 }, { removeUndefinedValues: true }) },
    }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 10) throw new Error('BatchWriteItem kept returning unprocessed items');
      const { UnprocessedItems } = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
      requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  });
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
