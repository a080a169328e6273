/** The emulator launchers themselves: loopback-only binding, persistence across restarts, idempotent table. */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTable, LOCAL_AWS, startDynamoDbLocal } from '../../local/emulators';

/** Resolves true when something accepts a TCP connection at host:port. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port, timeout: 500 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

test('DynamoDB Local with a dataDir keeps its tables across restarts and listens on 127.0.0.1 only', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ddb-data-'));
  try {
    let ddb = await startDynamoDbLocal({ dataDir });
    const client = () => new DynamoDBClient({ endpoint: ddb.endpoint, ...LOCAL_AWS });
    let c = client();
    await createTable(c, 'persisted');
    await createTable(c, 'persisted'); // idempotent
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) expect(await accepts(external.address, ddb.port)).toBe(false);
    expect(await accepts('127.0.0.1', ddb.port)).toBe(true);
    c.destroy();
    const port = ddb.port;
    await ddb.stop();
    expect(await accepts('127.0.0.1', port)).toBe(false);

    ddb = await startDynamoDbLocal({ dataDir, port });
    c = client();
    const { Table } = await c.send(new DescribeTableCommand({ TableName: 'persisted' }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['byDns', 'byKeyId', 'byMember', 'byName', 'bySource', 'byStatus']);
    c.destroy();
    await ddb.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
