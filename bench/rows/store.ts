/**
 * Row 5: DynamoDB Local alone, doing exactly the store calls one `GET /asset` makes.
 *
 * Rather than guess the route's query, the bench records it: it serves one request in this process
 * with the table endpoint pointed at a recording proxy, keeps the DynamoDB calls of that request
 * (target + JSON body, the wire format the low-level SDK commands take as input), and replays them.
 */
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as dynamodb from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BENCH_USER, type Fixture } from '../fixture';
import { measureLoop, type LoopLoad } from '../load/closed-loop';
import type { LoadFigures } from '../results';

export interface StoreCall {
  /** `Query`, `GetItem`, ... */
  operation: string;
  input: Record<string, unknown>;
}

/** A pass-through proxy in front of DynamoDB Local that records every call's target and body. */
async function startRecordingProxy(target: string): Promise<{ url: string; calls: StoreCall[]; server: Server }> {
  const upstream = new URL(target);
  const calls: StoreCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1];
      if (operation) calls.push({ operation, input: JSON.parse(body.toString('utf8') || '{}') });
      const forward = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, server };
}

/**
 * Serves `GET /asset` twice in-process (the first may do one-time work) through the real service app
 * with the store behind the recording proxy, and returns the calls of the second request.
 */
export async function captureRouteStoreCalls(fixture: Fixture): Promise<StoreCall[]> {
  const proxy = await startRecordingProxy(fixture.dynamoDb.endpoint);
  // The SDK reads its endpoint and credentials from process.env (lazily, on the first call), not from the env
  // createDependencies gets: the bench process holds no AWS env of its own, so lend it the fixture's meanwhile.
  const env = { ...fixture.env, AWS_ENDPOINT_URL_DYNAMODB: proxy.url };
  const restore = lendProcessEnv(env, ['AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION']);
  try {
    const { createDependencies } = await import('../../shared/api/create-dependencies');
    const { createServiceApp } = await import('../../containers/runtime/service-app');
    const deps = await createDependencies(env);
    const app = createServiceApp('inventory', deps);
    const get = () => app.fetch(new Request('http://127.0.0.1/asset', { headers: { ...fixture.authHeaders } }));
    await (await get()).arrayBuffer();
    proxy.calls.length = 0;
    const response = await get();
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET /asset answered ${response.status}: ${body.slice(0, 120)}`);
    if (proxy.calls.length === 0) throw new Error('GET /asset made no DynamoDB call');
    return [...proxy.calls];
  } finally {
    restore();
    proxy.server.close();
    proxy.server.closeAllConnections();
  }
}

/** Sets `names` in process.env from `env` and returns what puts the previous values back. */
function lendProcessEnv(env: NodeJS.ProcessEnv, names: readonly string[]): () => void {
  const previous = names.map((name) => [name, process.env[name]] as const);
  for (const name of names) process.env[name] = env[name];
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** What the route is expected to do, used only while the route cannot be captured yet. */
export function assumedAssetQuery(tableName: string): StoreCall[] {
  return [
    {
      operation: 'Query',
      input: {
        TableName: tableName,
        KeyConditionExpression: '#u = :u AND begins_with(#k, :p)',
        ExpressionAttributeNames: { '#u': 'username', '#k': 'key' },
        ExpressionAttributeValues: { ':u': { S: BENCH_USER.email }, ':p': { S: '#asset#' } },
      },
    },
  ];
}

type AnyCommand = Parameters<DynamoDBClient['send']>[0];

/** `Query` + its wire input → a fresh `QueryCommand` per send (commands carry per-send middleware state). */
function commandFor(call: StoreCall): () => AnyCommand {
  const Command = (dynamodb as unknown as Record<string, new (input: unknown) => AnyCommand>)[`${call.operation}Command`];
  if (!Command) throw new Error(`no SDK command for DynamoDB operation ${call.operation}`);
  return () => new Command(call.input);
}

/** The recorded calls of one request, in order, as one unit of work, with `concurrency` units in flight. */
export async function measureStore(
  client: DynamoDBClient,
  calls: StoreCall[],
  load: Omit<LoopLoad, 'call'>,
): Promise<LoadFigures> {
  const commands = calls.map(commandFor);
  return measureLoop({
    ...load,
    call: async () => {
      for (const command of commands) await client.send(command());
    },
  });
}
