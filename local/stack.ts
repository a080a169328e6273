/**
 * The whole API on one machine: DynamoDB Local, cognito-local, every Hono service as a child
 * process, and the local gateway in this process, following the same route table and flags as the
 * CDK app (`loadDeploymentConfig`). `local/start.ts` is the CLI; tests and benchmarks call this.
 */
import { writeLambdaEntries } from '../lambdas/runtime/entries';
import { ROUTE_GROUP_LIST } from '../shared/routes';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadDeploymentConfig, readCdkJsonContext } from '../tooling/deploy-config/load';
import { REPO_ROOT } from '../tooling/paths';
import type { ResolvedRoute } from '../shared/routing/flags';
import { SERVICES, type ServiceName } from '../shared/routing/routes';
import {
  createTable,
  createUser,
  createUserPool,
  freePort,
  LOCAL_AWS,
  signIn,
  startCognitoLocal,
  startDynamoDbLocal,
  userPoolAt,
  type EmulatorHandle,
  type UserPool,
} from './emulators';
import { loadRuntimeConfig } from '../shared/config/runtime';
import { LocalFileStore } from '../shared/files';
import { DEFAULT_CORS } from './gateway/cors';
import { localFilesHandler } from './gateway/files';
import { apiDocsHandler, firstOf } from './gateway/api-docs';
import { startGateway, type RunningGateway } from './gateway/gateway';
import { createRequestAuthorizer } from './gateway/request-authorizer';
import { LambdaInvoker } from './gateway/lambda-invoker';
import { MigrationControl } from './gateway/migration';
import { DEMO_COLLABORATOR, DEMO_USER, seedDemoData } from './demo-data';
import { startLocalGraph } from './graph-projection';
import { dataPaths, readState, updateState, type DataPaths } from './state';
import { LOCAL_TABLE_NAME, runtimeEnvironment } from './runtime-env';
import { ServiceSupervisor } from './supervisor';
import { superviseEmulator } from './emulators/supervised';

export { LOCAL_TABLE_NAME };
export const DEFAULT_GATEWAY_PORT = 3000;

export interface LocalStackOptions {
  /** Default `.local/` in the repository. */
  readonly dataDir?: string;
  /** Wipe the data directory first. */
  readonly fresh?: boolean;
  /** Gateway port; default 3000, 0 = a free port. */
  readonly port?: number;
  /** CDK context: `cdk.json`'s context with `-c` overrides applied (`contextFromArgs`). Default: `cdk.json`. */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Emulator ports; default free ports. Pass the previous run's to keep endpoints (and the token issuer) stable. */
  readonly emulatorPorts?: { readonly dynamodb?: number; readonly cognito?: number };
  /** Seed the demo data on first start (default true). */
  readonly seed?: boolean;
  /** Powertools log level of the handlers and services; default the environment's `logLevel`. */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Progress and supervisor lines. */
  readonly log?: (line: string) => void;
  /** One line per gateway request. */
  readonly accessLog?: (line: string) => void;
  /** Lines printed by the service processes. */
  readonly serviceOutput?: (service: ServiceName, line: string) => void;
}

export interface LocalStack {
  readonly url: string;
  readonly envName: string;
  readonly routes: readonly ResolvedRoute[];
  /** Live route states, canary weights and shadow counters (what `npm run shift -- --local` changes). */
  readonly migration: MigrationControl;
  readonly ports: { readonly gateway: number; readonly dynamodb: number; readonly cognito: number; readonly services: Readonly<Record<ServiceName, number>> };
  readonly endpoints: { readonly dynamodb: string; readonly cognito: string };
  readonly tableName: string;
  readonly userPool: UserPool;
  readonly demoUser: { readonly email: string; readonly password: string };
  /** A Cognito user with analyst access to the demo tenant (send `account: <demo user>`). */
  readonly collaborator: { readonly email: string; readonly password: string };
  /** Undefined: nothing to seed (already seeded, or seeding off); else the outcome line. */
  readonly seedResult?: string;
  readonly startupMs: number;
  /** The pid of a service's current process (tests kill it to see the supervisor at work). */
  servicePid(name: ServiceName): number | undefined;
  /** The pid of an emulator's current process (tests kill or hang it to see the stack heal). */
  emulatorPid(name: 'dynamodb' | 'cognito'): number | undefined;
  serviceIsUp(name: ServiceName): boolean;
  restartService(name: ServiceName): Promise<void>;
  stop(): Promise<void>;
}

/** Fails fast with the one-liner the CLI prints, before anything is started. */
function assertPortFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} is in use: pass --port`) : error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function wipe(paths: DataPaths): void {
  for (const dir of [paths.dynamodb, paths.cognito, paths.files, paths.logs, paths.stateFile]) rmSync(dir, { recursive: true, force: true });
}

/** The pool from a previous start if cognito-local still has it, else a new pool with the demo user and collaborator. */
async function ensureUserPool(paths: DataPaths, cognitoEndpoint: string): Promise<UserPool> {
  const saved = readState(paths).userPool;
  if (saved && existsSync(join(paths.cognito, '.cognito', 'db', `${saved.userPoolId}.json`))) {
    const pool = userPoolAt(cognitoEndpoint, saved);
    // Data directories from before the collaborator had a login get one now.
    await createUser(cognitoEndpoint, pool, { ...DEMO_COLLABORATOR }).catch((error: Error) => {
      if (error.name !== 'UsernameExistsException') throw error;
    });
    return pool;
  }
  const pool = await createUserPool(cognitoEndpoint, { poolName: 'chariot-local' });
  await createUser(cognitoEndpoint, pool, { email: DEMO_USER.email, password: DEMO_USER.password });
  await createUser(cognitoEndpoint, pool, { ...DEMO_COLLABORATOR });
  updateState(paths, (state) => ({
    ...state,
    userPool: { userPoolId: pool.userPoolId, clientId: pool.clientId },
    demoUser: { ...DEMO_USER },
    seeded: false,
  }));
  return pool;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const paths = dataPaths(options.dataDir);
  const gatewayPortWanted = options.port ?? DEFAULT_GATEWAY_PORT;

  // Config first: a bad flag or env stops us before anything is started.
  const config = loadDeploymentConfig({ context: options.context ?? readCdkJsonContext() });
  await assertPortFree(gatewayPortWanted);
  if (options.fresh) wipe(paths);
  mkdirSync(paths.files, { recursive: true });

  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  };
  try {
    log('starting DynamoDB Local and cognito-local');
    // allSettled: when one fails, the other is still registered for cleanup before we rethrow.
    // Supervised: a crashed emulator comes back on the same port over the same data (local/emulators/supervised.ts).
    const emulators = await Promise.allSettled([
      superviseEmulator('DynamoDB Local', (port) => startDynamoDbLocal({ port, dataDir: paths.dynamodb }), log, options.emulatorPorts?.dynamodb),
      superviseEmulator('cognito-local', (port) => startCognitoLocal({ port, dataDir: paths.cognito }), log, options.emulatorPorts?.cognito),
    ]);
    for (const started of emulators) if (started.status === 'fulfilled') cleanups.push(() => started.value.stop());
    const failed = emulators.find((started) => started.status === 'rejected');
    if (failed) throw failed.reason;
    const [dynamodb, cognito] = emulators.map((started) => (started as PromiseFulfilledResult<EmulatorHandle>).value);
    log(`DynamoDB Local ${dynamodb.endpoint}, cognito-local ${cognito.endpoint}`);

    const ddb = new DynamoDBClient({ endpoint: dynamodb.endpoint, ...LOCAL_AWS });
    const [, pool] = await Promise.all([
      createTable(ddb, LOCAL_TABLE_NAME).finally(() => ddb.destroy()),
      ensureUserPool(paths, cognito.endpoint),
    ]);
    log(`table ${LOCAL_TABLE_NAME}, user pool ${pool.userPoolId} (client ${pool.clientId})`);

    // The gateway's port must be known before the services start (FILES_PUBLIC_URL points at it), so
    // the gateway binds it right after it is chosen; a service's routes answer 502 until it is healthy.
    const gatewayPort = gatewayPortWanted || (await freePort());
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const logLevel = options.logLevel ?? config.environment.logLevel;
    // One graph for every process (the local Bolt graph server unless NEO4J_URI names a Neo4j).
    const graph = await startLocalGraph(process.env);
    cleanups.push(async () => {
      await graph.stop();
      for (const name of Object.keys(graph.env)) delete process.env[name]; // a later stack starts its own server
    });
    const env = runtimeEnvironment(
      { dynamodbEndpoint: dynamodb.endpoint, tableName: LOCAL_TABLE_NAME, pool },
      {
        FILES_DIR: paths.files,
        FILES_PUBLIC_URL: gatewayUrl,
        POWERTOOLS_LOG_LEVEL: logLevel,
        AWS_LAMBDA_LOG_LEVEL: logLevel,
        // EMF lines would flood the terminal (`npm run routes -- --live` shows the same numbers);
        // `POWERTOOLS_METRICS_DISABLED=false npm start` prints them as CloudWatch would receive them.
        POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
        ...graph.env,
      },
    );
    // Lambda routes run in this process, as one warm container per group: they read the same env.
    delete process.env.POWERTOOLS_DEV;
    Object.assign(process.env, env);

    const supervisor = new ServiceSupervisor({
      repoRoot: REPO_ROOT,
      env: { ...(process.env as Record<string, string>) },
      log,
      logDir: paths.logs,
      output: options.serviceOutput,
    });
    cleanups.push(() => supervisor.stop());
    writeLambdaEntries(ROUTE_GROUP_LIST, REPO_ROOT);
    const lambdas = new LambdaInvoker(REPO_ROOT, log);
    const migration = new MigrationControl({ routes: config.routes, policy: config.environment.migrationPolicy, log });
    const gateway: RunningGateway = await startGateway({
      port: gatewayPort,
      routes: config.routes,
      authorizer: createRequestAuthorizer(env),
      lambdas,
      servicePort: (name) => supervisor.port(name),
      cors: { ...DEFAULT_CORS, allowOrigins: config.environment.corsOrigins },
      // Same directory, URL base and signing secret as the handlers' LocalFileStore, so their URLs verify here.
      migration,
      extraHandler: firstOf(migration.adminHandler, apiDocsHandler, localFilesHandler(new LocalFileStore(paths.files, gatewayUrl, loadRuntimeConfig(env).offsetSecret))),
      accessLog: options.accessLog,
    });
    cleanups.push(() => gateway.close());

    await graph.startProjection({ dynamodbEndpoint: dynamodb.endpoint, tableName: LOCAL_TABLE_NAME }, log);
    const serviceNames = Object.keys(SERVICES) as ServiceName[];
    const servicePorts = Object.fromEntries(await Promise.all(serviceNames.map(async (name) => [name, await freePort()]))) as Record<ServiceName, number>;
    log(`starting services ${serviceNames.join(', ')} and loading Lambda handlers`);
    await Promise.all([
      supervisor.start(servicePorts),
      lambdas.preload(config.routes.filter((r) => r.target === 'lambda').map((r) => r.lambdaEntry)).catch((error: Error) => {
        log(`a Lambda handler failed to load (its routes answer 500): ${error.message.split('\n')[0]}`);
      }),
    ]);
    updateState(paths, (state) => ({
      ...state,
      running: { pid: process.pid, gatewayUrl: gateway.url, cognitoEndpoint: cognito.endpoint, dynamodbEndpoint: dynamodb.endpoint },
    }));
    cleanups.push(async () => {
      updateState(paths, ({ running: _running, ...state }) => state);
    });

    let seedResult: string | undefined;
    if ((options.seed ?? true) && !readState(paths).seeded) {
      const { idToken } = await signIn(cognito.endpoint, pool, DEMO_USER.email, DEMO_USER.password);
      const failure = await seedDemoData(gateway.url, idToken);
      if (failure) seedResult = `demo data not seeded (will retry on next start): ${failure}`;
      else {
        updateState(paths, (state) => ({ ...state, seeded: true }));
        seedResult = 'demo data seeded';
      }
      log(seedResult);
    }

    return {
      url: gateway.url,
      envName: config.envName,
      routes: config.routes,
      migration,
      ports: {
        gateway: gateway.port,
        dynamodb: dynamodb.port,
        cognito: cognito.port,
        // Live: the supervisor moves a service whose port was taken to a new one.
        get services() {
          return supervisor.ports();
        },
      },
      endpoints: { dynamodb: dynamodb.endpoint, cognito: cognito.endpoint },
      tableName: LOCAL_TABLE_NAME,
      userPool: pool,
      demoUser: { ...DEMO_USER },
      collaborator: { ...DEMO_COLLABORATOR },
      seedResult,
      startupMs: Math.round(performance.now() - started),
      servicePid: (name) => supervisor.pid(name),
      emulatorPid: (name) => (name === 'dynamodb' ? dynamodb : cognito).pid,
      serviceIsUp: (name) => supervisor.isUp(name),
      restartService: (name) => supervisor.restart(name),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
