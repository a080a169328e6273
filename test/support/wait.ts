/** Polling for tests that wait on another process or a background loop (no fixed sleeps). */

export interface WaitOptions {
  /** Default 20 s. */
  readonly timeoutMs?: number;
  /** Default 25 ms. */
  readonly intervalMs?: number;
}

/**
 * Calls `check` until it passes: returns anything but `false` without throwing. On timeout it throws
 * the check's last error (so an `expect` inside shows its own diff), else `timed out waiting for <what>`.
 */
export async function waitFor(what: string, check: () => unknown, { timeoutMs = 20_000, intervalMs = 25 }: WaitOptions = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      if ((await check()) !== false) return;
      failure = new Error(`timed out waiting for ${what}`);
    } catch (error) {
      failure = error;
    }
    if (Date.now() > deadline) throw failure;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
