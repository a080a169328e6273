/**
 * `useEmulators()` for a jest test file: a fresh table and user pool on the run's shared emulators
 * (started by global-setup.ts), or on emulators of its own when run without that setup.
 *
 *   const stack = useEmulators();
 *   test('…', async () => { const ada = await stack.user('ada@example.com'); … stack.core() … });
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { superviseEmulator, type SupervisedEmulator } from '../../local/emulators/supervised';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCore, type Core } from '../../shared/config/core';
import { loadRuntimeConfig, type RuntimeConfig } from '../../shared/config/runtime';
import {
  createTable,
  createUser,
  createUserPool,
  LOCAL_AWS,
  signIn,
  startCognitoLocal,
  startDynamoDbLocal,
  type EmulatorHandle,
  type UserPool,
} from '../../local/emulators';
import { runtimeEnvironment } from '../../local/runtime-env';
import { ENV_COGNITO, ENV_DYNAMODB } from './global-setup';

export const TEST_PASSWORD = 'Test-Passw0rd!';

export interface TestUser {
  readonly email: string;
  readonly idToken: string;
  readonly accessToken: string;
}

export interface TestStack {
  readonly dynamoEndpoint: string;
  readonly cognitoEndpoint: string;
  readonly tableName: string;
  readonly pool: UserPool;
  /** A document client on the test table's emulator (for arranging and inspecting rows). */
  readonly doc: DynamoDBDocumentClient;
  /** The environment a runtime would get for this table and pool. */
  env(extra?: Record<string, string>): Record<string, string>;
  config(extra?: Record<string, string>): RuntimeConfig;
  /** A Core on this table and pool (auth caches off so tests see revocations at once). */
  core(extra?: Record<string, string>): Core;
  /** Creates a Cognito user (password TEST_PASSWORD) and signs in. */
  user(email: string, groups?: string[]): Promise<TestUser>;
}

export interface EmulatorOptions {
  /**
   * Emulators of this file's own, supervised (restarted on the same port over their data when they die),
   * so a test may kill or hang them without breaking other test files: see `emulator()`.
   */
  readonly isolated?: boolean;
}

export function useEmulators(options: EmulatorOptions = {}): TestStack & { emulator(name: 'dynamodb' | 'cognito'): SupervisedEmulator } {
  const own: EmulatorHandle[] = [];
  const supervised: Partial<Record<'dynamodb' | 'cognito', SupervisedEmulator>> = {};
  let dataDir: string | undefined;
  let state:
    | { dynamoEndpoint: string; cognitoEndpoint: string; tableName: string; pool: UserPool; client: DynamoDBClient; doc: DynamoDBDocumentClient }
    | undefined;
  const ready = () => {
    if (!state) throw new Error('useEmulators(): use the stack inside tests (after beforeAll)');
    return state;
  };

  beforeAll(async () => {
    let dynamoEndpoint = process.env[ENV_DYNAMODB];
    let cognitoEndpoint = process.env[ENV_COGNITO];
    if (options.isolated) {
      dataDir = mkdtempSync(join(tmpdir(), 'isolated-emulators-'));
      // One line per crash and restart, in the test's output: a restart that never comes is then explained.
      const log = (line: string) => console.log(`isolated emulators: ${line}`);
      [supervised.dynamodb, supervised.cognito] = await Promise.all([
        superviseEmulator('DynamoDB Local', (port) => startDynamoDbLocal({ port, dataDir: join(dataDir!, 'dynamodb') }), log),
        superviseEmulator('cognito-local', (port) => startCognitoLocal({ port, dataDir: join(dataDir!, 'cognito') }), log),
      ]);
      own.push(supervised.dynamodb, supervised.cognito);
      dynamoEndpoint = supervised.dynamodb.endpoint;
      cognitoEndpoint = supervised.cognito.endpoint;
    } else if (!dynamoEndpoint || !cognitoEndpoint) {
      const [dynamo, cognito] = await Promise.all([startDynamoDbLocal(), startCognitoLocal()]);
      own.push(dynamo, cognito);
      dynamoEndpoint = dynamo.endpoint;
      cognitoEndpoint = cognito.endpoint;
    }
    const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const client = new DynamoDBClient({ endpoint: dynamoEndpoint, ...LOCAL_AWS });
    const tableName = `chariot-test-${suffix}`;
    await createTable(client, tableName);
    const pool = await createUserPool(cognitoEndpoint, { poolName: `chariot-test-${suffix}` });
    const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    state = { dynamoEndpoint, cognitoEndpoint, tableName, pool, client, doc };
  });

  afterAll(async () => {
    // The document client only wraps it (its destroy() is a no-op): the base client owns the sockets.
    state?.client.destroy();
    await Promise.all(own.map((handle) => handle.stop()));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) => {
    const s = ready();
    return runtimeEnvironment(
      { dynamodbEndpoint: s.dynamoEndpoint, tableName: s.tableName, pool: s.pool },
      { OFFSET_SECRET: 'test-offset-secret-0123456789abcdef', ...extra },
    );
  };

  return {
    emulator(name) {
      const handle = supervised[name];
      if (!handle) throw new Error('emulator(): only with useEmulators({ isolated: true })');
      return handle;
    },
    get dynamoEndpoint() {
      return ready().dynamoEndpoint;
    },
    get cognitoEndpoint() {
      return ready().cognitoEndpoint;
    },
    get tableName() {
      return ready().tableName;
    },
    get pool() {
      return ready().pool;
    },
    get doc() {
      return ready().doc;
    },
    env,
    config: (extra) => loadRuntimeConfig(env(extra)),
    core: (extra) => createCore(loadRuntimeConfig(env(extra)), { dynamodb: ready().client, doc: ready().doc, cacheTtlMs: 0 }),
    async user(email, groups) {
      const s = ready();
      await createUser(s.cognitoEndpoint, s.pool, { email, password: TEST_PASSWORD, groups });
      const tokens = await signIn(s.cognitoEndpoint, s.pool, email, TEST_PASSWORD);
      return { email, idToken: tokens.idToken, accessToken: tokens.accessToken };
    },
  };
}
