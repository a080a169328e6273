/**
 * Runs every Hono service as a child process on its own port and keeps it running: a service that
 * exits is restarted with exponential backoff (250 ms doubling to 8 s), one log line each time.
 * While it is down `port()` is undefined, so the gateway answers 502 for its routes only. A service
 * that died because its port was taken (EADDRINUSE) comes back on a new free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { SERVICES, type ServiceName } from '../shared/routing/routes';
import { freePort } from './emulators/process';

const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 8000;
/** A service that stayed up this long gets its backoff reset. */
const STABLE_AFTER_MS = 10_000;
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5000;

export interface SupervisorOptions {
  readonly repoRoot: string;
  /** The runtime environment every service gets (HOST and PORT are added per service). */
  readonly env: Readonly<Record<string, string>>;
  /** Supervisor events: crashes, restarts. */
  readonly log: (line: string) => void;
  /** Every line a service prints goes to `<logDir>/<service>.log`. */
  readonly logDir: string;
  /** Lines a service prints once healthy (startup noise and crash traces stay in the log file). */
  readonly output?: (service: ServiceName, line: string) => void;
}

interface ServiceState {
  readonly name: ServiceName;
  port: number;
  child?: ChildProcess;
  exited?: Promise<void>;
  up: boolean;
  upSince: number;
  failures: number;
  tail: string[];
  restartTimer?: NodeJS.Timeout;
  /** Resolves when the first start attempt is over (healthy or failed). */
  firstAttempt?: () => void;
}

/** The most telling line of a crashed process: the last error line, else its last line. */
function crashReason(tail: readonly string[]): string {
  const line = [...tail].reverse().find((l) => /error|exception/i.test(l)) ?? tail.at(-1) ?? '';
  return line.trim().slice(0, 200);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ServiceSupervisor {
  private readonly services = new Map<ServiceName, ServiceState>();
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {}

  /** Starts the services on the given ports; resolves when each one is healthy or has failed once. */
  async start(ports: Readonly<Record<ServiceName, number>>): Promise<void> {
    const attempts = Object.entries(ports).map(([name, port]) => {
      const state: ServiceState = { name: name as ServiceName, port, up: false, upSince: 0, failures: 0, tail: [] };
      this.services.set(state.name, state);
      return new Promise<void>((resolve) => {
        state.firstAttempt = resolve;
        this.spawn(state);
      });
    });
    await Promise.all(attempts);
  }

  /** The port of a healthy service, else undefined. */
  port(name: ServiceName): number | undefined {
    const state = this.services.get(name);
    return state?.up ? state.port : undefined;
  }

  /** Every service's current port, up or not. */
  ports(): Record<ServiceName, number> {
    return Object.fromEntries([...this.services.values()].map((state) => [state.name, state.port])) as Record<ServiceName, number>;
  }

  pid(name: ServiceName): number | undefined {
    return this.services.get(name)?.child?.pid;
  }

  isUp(name: ServiceName): boolean {
    return this.services.get(name)?.up ?? false;
  }

  /** Stops one service and starts it again at once (no backoff); resolves when it is healthy or failed. */
  async restart(name: ServiceName): Promise<void> {
    const state = this.services.get(name);
    if (!state || this.stopping) return;
    clearTimeout(state.restartTimer);
    const { child, exited } = state;
    state.child = undefined; // onExit ignores a child that is no longer current: no crash line, no backoff
    state.up = false;
    if (child) this.killGroup(child, 'SIGTERM');
    await exited;
    state.failures = 0;
    await new Promise<void>((resolve) => {
      state.firstAttempt = resolve;
      this.spawn(state);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.services.values()].map(async (state) => {
        clearTimeout(state.restartTimer);
        state.up = false;
        const child = state.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        this.killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => this.killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
        await state.exited;
        clearTimeout(timer);
        // The service is a process group leader: sweep anything it left behind (esbuild, workers).
        this.killGroup(child, 'SIGKILL');
      }),
    );
  }

  private logPath(name: ServiceName): string {
    mkdirSync(this.options.logDir, { recursive: true });
    return join(this.options.logDir, `${name}.log`);
  }

  private killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  }

  private spawn(state: ServiceState): void {
    const entry = join(SERVICES[state.name].directory, 'server.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'service-main.ts'), entry], {
      cwd: this.options.repoRoot,
      env: { ...this.options.env, HOST: '127.0.0.1', PORT: String(state.port) },
      // Its own process group, so stop() can signal everything it spawned; stdin is the lifeline.
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    state.child = child;
    state.tail = [];
    const logFile = createWriteStream(this.logPath(state.name), { flags: 'a' });
    logFile.write(`--- ${new Date().toISOString()} pid ${child.pid} port ${state.port}\n`);
    let open = 2;
    for (const stream of [child.stdout!, child.stderr!]) {
      const lines = createInterface({ input: stream });
      lines.on('line', (line) => {
        state.tail = [...state.tail.slice(-19), line];
        logFile.write(line + '\n');
        if (state.up && state.child === child) this.options.output?.(state.name, line);
      });
      lines.on('close', () => {
        if (--open === 0) logFile.end();
      });
    }
    state.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => this.onExit(state, child, code, signal));
    void this.waitHealthy(state, child);
  }

  private async waitHealthy(state: ServiceState, child: ChildProcess): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (state.child === child && child.exitCode === null && child.signalCode === null && !this.stopping) {
      const healthy = await fetch(`http://127.0.0.1:${state.port}/health`, { signal: AbortSignal.timeout(1000) })
        .then((r) => r.ok)
        .catch(() => false);
      if (healthy && state.child === child) {
        state.up = true;
        state.upSince = Date.now();
        this.settleFirstAttempt(state);
        return;
      }
      if (Date.now() > deadline) {
        this.options.log(`service ${state.name} not healthy after ${READY_TIMEOUT_MS / 1000} s: killing it`);
        this.killGroup(child, 'SIGKILL');
        return;
      }
      await sleep(50);
    }
  }

  private settleFirstAttempt(state: ServiceState): void {
    state.firstAttempt?.();
    state.firstAttempt = undefined;
  }

  private onExit(state: ServiceState, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    this.killGroup(child, 'SIGKILL'); // whatever it spawned dies with it
    if (state.child !== child) return;
    state.up = false;
    this.settleFirstAttempt(state);
    if (this.stopping) return;
    if (Date.now() - state.upSince > STABLE_AFTER_MS && state.upSince > 0) state.failures = 0;
    const delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** state.failures);
    state.failures++;
    const how = signal ? `signal ${signal}` : `exit ${code}`;
    const reason = crashReason(state.tail);
    const logFile = relative(process.cwd(), this.logPath(state.name)) || this.logPath(state.name);
    this.options.log(
      `service ${state.name} crashed (${how}${reason ? `: ${reason}` : ''}); its routes answer 502; restarting in ${delay} ms (log: ${logFile})`,
    );
    // Retrying a port someone else has taken would fail forever: move to a free one.
    const portTaken = state.tail.some((line) => line.includes('EADDRINUSE'));
    state.restartTimer = setTimeout(() => void this.respawn(state, portTaken), delay);
  }

  private async respawn(state: ServiceState, newPort: boolean): Promise<void> {
    if (newPort) {
      const dead = state.child;
      const port = await freePort();
      if (this.stopping || state.child !== dead) return; // stopped, or restart() got there first
      this.options.log(`service ${state.name}: port ${state.port} is taken, moving to port ${port}`);
      state.port = port;
    }
    if (!this.stopping) this.spawn(state);
  }
}
