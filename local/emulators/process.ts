/** Small process helpers shared by the emulator launchers: free ports, readiness polling, clean stop. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks it; a tiny race remains, callers retry on bind failure). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ManagedProcess {
  readonly child: ChildProcess;
  /** The last few KB of stdout+stderr, for error messages. */
  output(): string;
  /** Whether the process has exited. */
  exited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns a long-running child, keeps a tail of its output, and never lets it outlive `stop()`.
 * Its stdin is a pipe we never write to: the children exit on stdin EOF, which the OS delivers
 * when this process dies too, so a crashed test run leaves no emulator behind.
 */
export function startProcess(command: string, args: string[], options: SpawnOptions = {}): ManagedProcess {
  const child = spawn(command, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8192);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let hasExited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      hasExited = true;
      resolve();
    });
    child.once('error', (error) => {
      tail += `\n${error.message}`;
      hasExited = true;
      resolve();
    });
  });
  return {
    child,
    output: () => tail,
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
