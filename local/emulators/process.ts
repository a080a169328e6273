/** Small process helpers shared by the emulator launchers: free ports, readiness polling, clean stop. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Binds `port` on 127.0.0.1 (0: the OS picks one), closes it again and resolves with the port bound. */
function bindOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}

/** A free TCP port on 127.0.0.1 (the OS picks it; a tiny race remains, callers retry on bind failure). */
export const freePort = (): Promise<number> => bindOnce(0);

/**
 * A free port below the OS's ephemeral range, for a server restarted on the same port after a crash: no
 * `freePort()` (bind to 0) and no outgoing connection is ever given such a port, so nothing else takes it
 * while the server is down.
 */
export async function stablePort(): Promise<number> {
  let ephemeralStart = 32768;
  try {
    ephemeralStart = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || ephemeralStart;
  } catch {
    // not Linux: the common default
  }
  const low = Math.min(20_000, ephemeralStart - 1000);
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (ephemeralStart - low));
    if (await bindOnce(port).then(() => true, () => false)) return port;
  }
  return freePort();
}

export interface ManagedProcess {
  readonly child: ChildProcess;
  /** The last few KB of stdout+stderr, for error messages. */
  output(): string;
  /** Whether the process has exited. */
  exited(): boolean;
  /** Resolves when it exits, with how (`exit 1`, `signal SIGKILL`). */
  readonly exit: Promise<string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartProcessOptions extends Omit<SpawnOptions, 'stdio'> {
  /**
   * Send stdout and stderr straight to this file instead of through a pipe (`output()` then reads
   * its end), so this process spends no CPU draining a chatty child, e.g. a server under load.
   */
  readonly logFile?: string;
}

/**
 * Spawns a long-running child, keeps a tail of its output, and never lets it outlive `stop()`.
 * Its stdin is a pipe we never write to: the children exit on stdin EOF, which the OS delivers
 * when this process dies too, so a crashed test run leaves no emulator behind.
 */
export function startProcess(command: string, args: string[], options: StartProcessOptions = {}): ManagedProcess {
  const { logFile, ...spawnOptions } = options;
  const logFd = logFile === undefined ? undefined : openSync(logFile, 'w');
  // Its own process group: a terminal's Ctrl-C reaches only the stack, which stops its emulators last, in order.
  const child = spawn(command, args, { detached: true, ...spawnOptions, stdio: ['pipe', logFd ?? 'pipe', logFd ?? 'pipe'] });
  if (logFd !== undefined) closeSync(logFd); // the child holds its own copy
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8192);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => (logFile === undefined ? tail : readTail(logFile) + tail);
  let hasExited = false;
  const exit = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      hasExited = true;
      resolve(signal ? `signal ${signal}` : `exit ${code}`);
    });
    child.once('error', (error) => {
      tail += `\n${error.message}`;
      hasExited = true;
      resolve(error.message);
    });
  });
  return {
    child,
    output,
    exit,
    exited: () => hasExited,
    async stop(graceMs = 5000) {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** The last 8 KB of a log file ('' when it cannot be read). */
function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-8192);
  } catch {
    return '';
  }
}

/** Polls `ready` until it returns true; fails fast when the process dies, or after `timeoutMs`. */
export async function waitUntilReady(
  what: string,
  proc: ManagedProcess,
  ready: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exited()) throw new Error(`${what} exited during startup:\n${proc.output()}`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  await proc.stop();
  throw new Error(`${what} did not become ready within ${timeoutMs} ms:\n${proc.output()}`);
}
