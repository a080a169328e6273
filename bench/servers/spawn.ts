/**
 * Servers under test run in their own processes, so the bench process (which may host the load
 * generator) never shares an event loop with them. Their output goes straight to a log file: the
 * bench does not spend CPU draining a pipe of access-log lines while it measures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerProcess {
  readonly url: string;
  readonly logFile: string;
  /** The last lines of the log, for error messages. */
  tail(lines?: number): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A crash or Ctrl-C of the bench must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface SpawnServer {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  /** Polled until it answers (any status): `/health`, or `/` for the ceiling. */
  readyPath: string;
  logDir: string;
  timeoutMs?: number;
}

export async function spawnServer(options: SpawnServer): Promise<ServerProcess> {
  const logFile = join(options.logDir, `${options.name}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(options.command, options.args, { env: options.env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  running.add(child);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      exitCode = code;
      running.delete(child);
      resolve();
    });
    child.once('error', () => resolve());
  });
  const url = `http://127.0.0.1:${options.port}`;
  const tail = (lines = 5) => {
    try {
      return readFileSync(logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    if (exitCode !== undefined || child.exitCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${options.name} exited (${exitCode}) during start-up: ${lastErrorLine(tail(40))}`);
    const answered = await fetch(url + options.readyPath).then(
      () => true,
      () => false,
    );
    if (answered) return { url, logFile, tail, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`${options.name} did not answer on ${url} within ${options.timeoutMs ?? 30_000} ms: ${lastErrorLine(tail(40))}`);
}

/** The most telling line of a crashed process's output: the first `Error:` line, else the last line. */
export function lastErrorLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /^\w*Error\b|Error:/.test(line)) ?? lines.at(-1) ?? '(no output)';
}
