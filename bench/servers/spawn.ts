/**
 * Servers under test run in their own processes, so the bench process (which may host the load
 * generator) never shares an event loop with them. Their output goes straight to a log file: the
 * bench does not spend CPU draining a pipe of access-log lines while it measures. They are started
 * with the project's stdin lifeline (`startProcess`), so they die with the bench however it dies.
 */
import { join } from 'node:path';
import { startProcess, waitUntilReady } from '../../local/emulators/process';

export interface ServerProcess {
  readonly url: string;
  readonly logFile: string;
  /** The server's process id, whose CPU time the rows read. */
  readonly pid: number;
  /** The last lines of the log, for error messages. */
  tail(lines?: number): string;
  stop(): Promise<void>;
}

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
  const proc = startProcess(options.command, options.args, { env: options.env, logFile });
  const url = `http://127.0.0.1:${options.port}`;
  const tail = (lines = 5) => proc.output().trim().split('\n').slice(-lines).join('\n');
  const timeoutMs = options.timeoutMs ?? 30_000;
  try {
    await waitUntilReady(options.name, proc, () => fetch(url + options.readyPath).then(() => true), timeoutMs);
  } catch (error) {
    // One line for the results table: what happened (exited, or no answer in time), and why.
    const what = (error as Error).message.split('\n')[0].replace(/:$/, '');
    throw new Error(`${what} (${url}): ${lastErrorLine(tail(40))}`);
  }
  return { url, logFile, pid: proc.child.pid!, tail, stop: () => proc.stop() };
}

/** The most telling line of a crashed process's output: the first `Error:` line, else the last line. */
export function lastErrorLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /^\w*Error\b|Error:/.test(line)) ?? lines.at(-1) ?? '(no output)';
}
