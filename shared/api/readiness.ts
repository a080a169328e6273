/**
 * Readiness: do this process's dependencies answer? A load balancer asks often (every 15 s per target,
 * per ALB node), so the answer comes from a cached probe: at most one probe per `ttlMs`, and concurrent
 * health checks share the one in flight. Liveness (`/health/live`) never calls this.
 */
export interface Readiness {
  readonly ready: boolean;
  /** Dependency name → `ok` or why not. */
  readonly checks: Readonly<Record<string, string>>;
}

export type Probe = () => Promise<unknown>;

export function cachedReadiness(probes: Readonly<Record<string, Probe>>, ttlMs = 5000, now: () => number = Date.now): () => Promise<Readiness> {
  let cached: { at: number; value: Promise<Readiness> } | undefined;
  const probeAll = async (): Promise<Readiness> => {
    const entries = await Promise.all(
      Object.entries(probes).map(async ([name, probe]) => [name, await probe().then(() => 'ok', (error: Error) => error?.message ?? String(error))] as const),
    );
    return { ready: entries.every(([, result]) => result === 'ok'), checks: Object.fromEntries(entries) };
  };
  return () => {
    if (!cached || now() - cached.at >= ttlMs) cached = { at: now(), value: probeAll() };
    return cached.value;
  };
}
