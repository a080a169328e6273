/**
 * What every row runs against: DynamoDB Local and cognito-local on 127.0.0.1 (random ports), the
 * single table, a pool with one user in one tenant, that user's id token, and the runtime env the
 * services and Lambda handlers read.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  LOCAL_AWS,
  createTable,
  createUser,
  createUserPool,
  signIn,
  startCognitoLocal,
  startDynamoDbLocal,
  type EmulatorHandle,
  type UserPool,
} from '../local/emulators';
import { runtimeEnvironment } from '../local/runtime-env';

export const BENCH_USER = { email: 'bench@chariot.local', password: 'Bench-Passw0rd!' } as const;

export interface Fixture {
  readonly dynamoDb: EmulatorHandle;
  readonly cognito: EmulatorHandle;
  readonly pool: UserPool;
  readonly tableName: string;
  readonly idToken: string;
  readonly authHeaders: Readonly<Record<string, string>>;
  /** The runtime env of services and handlers (shared/config/runtime.ts reads it). */
  readonly env: NodeJS.ProcessEnv;
  /** Scratch space for logs, bundles and files; removed on stop. */
  readonly workDir: string;
  readonly dynamoDbClient: DynamoDBClient;
  stop(): Promise<void>;
}

export async function startFixture(): Promise<Fixture> {
  const workDir = mkdtempSync(join(tmpdir(), 'chariot-bench-'));
  const [dynamoDb, cognito] = await Promise.all([startDynamoDbLocal(), startCognitoLocal()]);
  const stopEmulators = () => Promise.all([dynamoDb.stop(), cognito.stop()]);
  try {
    const tableName = 'chariot-bench';
    const dynamoDbClient = new DynamoDBClient({ endpoint: dynamoDb.endpoint, ...LOCAL_AWS });
    await createTable(dynamoDbClient, tableName);
    const pool = await createUserPool(cognito.endpoint, { poolName: 'chariot-bench' });
    await createUser(cognito.endpoint, pool, BENCH_USER);
    const { idToken } = await signIn(cognito.endpoint, pool, BENCH_USER.email, BENCH_USER.password);
    const filesDir = join(workDir, 'files');
    mkdirSync(filesDir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...runtimeEnvironment(
        { dynamodbEndpoint: dynamoDb.endpoint, tableName, pool },
        {
          FILES_DIR: filesDir,
          // The bench measures request paths, not Neo4j: the in-process graph, chosen explicitly (the binding asks for a graph).
          NEO4J_EMBEDDED: 'true',
          POWERTOOLS_DEV: 'false',
          // Production's level: each request writes its one access line, as it would to CloudWatch.
          POWERTOOLS_LOG_LEVEL: 'INFO',
          NODE_ENV: 'production',
        },
      ),
    };
    return {
      dynamoDb,
      cognito,
      pool,
      tableName,
      idToken,
      authHeaders: { authorization: `Bearer ${idToken}` },
      env,
      workDir,
      dynamoDbClient,
      async stop() {
        dynamoDbClient.destroy();
        await stopEmulators();
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopEmulators();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}
