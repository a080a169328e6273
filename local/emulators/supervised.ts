/**
 * Keeps an emulator running, as the service supervisor does for the services: when DynamoDB Local or
 * cognito-local dies, it is started again on the same port (so endpoints and the token issuer stay
 * valid) over the same data directory (so no row or user is lost), with backoff, one line per crash and
 * one per restart. A hung emulator (alive but silent) is left alone: the runtimes answer 503 meanwhile.
 */
import type { EmulatorHandle } from './dynamodb-local';
import { stablePort } from './process';

const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 8000;

export interface SupervisedEmulator extends EmulatorHandle {
  /** The current process's pid (it changes on every restart). */
  readonly pid: number | undefined;
  /** How many times it was restarted. */
  readonly restarts: number;
}

/** `start(port)` starts the emulator on `port` (undefined: any free port, the first time only). */
export async function superviseEmulator(
  name: string,
  start: (port: number | undefined) => Promise<EmulatorHandle>,
  log: (line: string) => void,
  port?: number,
): Promise<SupervisedEmulator> {
  // Restarts reuse the port (clients keep their endpoint; cognito's issuer embeds it), so it comes from outside the ephemeral range.
  let current = await start(port ?? (await stablePort()));
  const fixedPort = current.port;
  let stopping = false;
  let restarts = 0;

  const watch = (handle: EmulatorHandle) =>
    void handle.exit?.then(async (how) => {
      if (stopping || handle !== current) return;
      log(`${name} crashed (${how}, pid ${handle.pid}); its callers answer 503; restarting it on port ${fixedPort} with its data`);
      const since = performance.now();
      for (let failures = 0; !stopping; failures++) {
        await new Promise((r) => setTimeout(r, Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** failures)));
        if (stopping) return;
        try {
          current = await start(fixedPort);
        } catch (error) {
          log(`${name} did not restart (${(error as Error).message.split('\n')[0]}); trying again`);
          continue;
        }
        restarts++;
        if (stopping) return void current.stop();
        log(`${name} restarted (pid ${current.pid}) in ${Math.round(performance.now() - since)} ms`);
        watch(current);
        return;
      }
    });
  watch(current);

  return {
    endpoint: current.endpoint,
    port: fixedPort,
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}
