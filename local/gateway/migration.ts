/**
 * The local gateway's migration control: each route's live state (starting from the resolved flags),
 * the canary split, the shadow sampling, per-route per-runtime counters, and the admin endpoints
 * `npm run shift -- --local` and `npm run routes -- --live` talk to:
 *   GET  /__local/routes  → every route's live state, counters, p99 and shadow results
 *   POST /__local/shift   {"route":"GET /asset","weight":25|"rollback","force"?:true} → before/after
 * The gateway listens on 127.0.0.1 only, and these answer loopback callers only.
 */
import type { MigrationPolicy } from '../../tooling/deploy-config/schema';
import { formatRouteState, type ResolvedRoute, type RouteState } from '../../shared/routing/flags';
import type { Comparison } from '../../shared/migration/compare';
import { routeMetrics } from '../../shared/observability/route-metrics';
import { jsonResponse, type GatewayRequest, type GatewayResponse } from '../../tooling/http-api-emulator/types';
import { shadowGate } from '../../shared/migration/promotion';

export type Runtime = 'lambda' | 'fargate';

/** Latency samples kept per route and runtime for p99: the last 1024 (enough for a local run). */
const SAMPLES = 1024;

class RuntimeCounters {
  requests = 0;
  http4xx = 0;
  http5xx = 0;
  private readonly latencies: number[] = [];
  private next = 0;

  record(status: number, ms: number): void {
    this.requests++;
    if (status >= 500) this.http5xx++;
    else if (status >= 400) this.http4xx++;
    if (this.latencies.length < SAMPLES) this.latencies.push(ms);
    else this.latencies[this.next++ % SAMPLES] = ms;
  }

  snapshot() {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const p99 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] : undefined;
    return { requests: this.requests, http4xx: this.http4xx, http5xx: this.http5xx, p99Ms: p99 === undefined ? null : Math.round(p99 * 10) / 10 };
  }
}

interface LiveRoute {
  readonly resolved: ResolvedRoute;
  state: RouteState;
  readonly runtimes: Record<Runtime, RuntimeCounters>;
  readonly shadow: { matches: number; mismatches: number; errors: number };
}

export type LiveRouteSnapshot = {
  readonly route: string;
  readonly state: string;
  readonly configured: string;
  readonly runtimes: Record<Runtime, ReturnType<RuntimeCounters['snapshot']>>;
  readonly shadow: { readonly matches: number; readonly mismatches: number; readonly errors: number };
};

export interface ShiftResult {
  readonly route: string;
  readonly before: string;
  readonly after: string;
  /** The state the flags (cdk.json + -c) gave the route at start. */
  readonly configured: string;
}

/** A shift the gateway refuses; the message is one line saying why and what to do. */
export class ShiftRefused extends Error {}

export interface MigrationControlOptions {
  readonly routes: readonly ResolvedRoute[];
  readonly policy: Pick<MigrationPolicy, 'minShadowMatches'>;
  readonly log?: (line: string) => void;
  /** [0, 1); injectable so a test can make the split deterministic. Default Math.random. */
  readonly random?: () => number;
}

export class MigrationControl {
  private readonly live = new Map<string, LiveRoute>();
  private readonly random: () => number;
  private readonly log: (line: string) => void;
  private readonly metrics = routeMetrics('shadow');

  constructor(private readonly options: MigrationControlOptions) {
    this.random = options.random ?? Math.random;
    this.log = options.log ?? (() => {});
    for (const resolved of options.routes) {
      this.live.set(resolved.id, {
        resolved,
        state: resolved.state,
        runtimes: { lambda: new RuntimeCounters(), fargate: new RuntimeCounters() },
        shadow: { matches: 0, mismatches: 0, errors: 0 },
      });
    }
  }

  /** Which runtime answers this request of the route. */
  pick(id: string): Runtime {
    const state = this.live.get(id)?.state;
    if (state?.kind === 'fargate') return 'fargate';
    if (state?.kind === 'canary') return this.random() * 100 < state.percent ? 'fargate' : 'lambda';
    return 'lambda';
  }

  /** A canary route reaches both runtimes through the ALB in AWS, so its Lambda share gets ALB events. */
  throughLoadBalancer(id: string): boolean {
    return this.live.get(id)?.state.kind === 'canary';
  }

  /** Whether to send a copy of this request to the service: GETs of shadowed routes, sampled. */
  shouldShadow(id: string, method: string): boolean {
    const state = this.live.get(id)?.state;
    return state?.kind === 'shadow' && method === 'GET' && this.random() * 100 < state.samplePercent;
  }

  record(id: string, runtime: Runtime, status: number, ms: number): void {
    this.live.get(id)?.runtimes[runtime].record(status, ms);
  }

  /** A finished comparison (or `error` when the service could not answer the copy). */
  shadowResult(id: string, result: Comparison | 'error'): void {
    const route = this.live.get(id);
    if (!route) return;
    if (result === 'error') {
      route.shadow.errors++;
      return;
    }
    this.metrics.recordShadow(id, result.match);
    if (result.match) route.shadow.matches++;
    else {
      route.shadow.mismatches++;
      this.log(`shadow mismatch ${id} (${route.shadow.mismatches} so far): ${result.diffs.join('; ')}`);
    }
  }

  /** Moves a canary's weight (0–100 % to Fargate) in place; `rollback` = 0 %. */
  shift(id: string, weight: number | 'rollback', force = false): ShiftResult {
    const route = this.live.get(id);
    if (!route) throw new ShiftRefused(`Unknown route "${id}": use a route id such as "GET /asset" (npm run routes)`);
    const before = route.state;
    const percent = weight === 'rollback' ? 0 : weight;
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new ShiftRefused(`Weight must be a whole percentage 0-100 or "rollback", got ${weight}`);
    if (before.kind !== 'canary' && before.kind !== 'shadow') {
      throw new ShiftRefused(
        `"${id}" is in state ${before.kind}; only canary and shadow routes have a weighted rule: start it with -c "migrate:${id}=canary:0"`,
      );
    }
    if (before.kind === 'shadow' && percent > 0 && !force && !shadowGate(route.shadow, this.options.policy.minShadowMatches).open) {
      throw new ShiftRefused(
        `"${id}" has ${route.shadow.matches} matched shadow comparisons (${route.shadow.mismatches} mismatches); ` +
          `the policy wants ${this.options.policy.minShadowMatches} before a canary (migrationPolicy.minShadowMatches), or pass --force`,
      );
    }
    route.state = { kind: 'canary', percent };
    const result = { route: id, before: formatRouteState(before), after: formatRouteState(route.state), configured: formatRouteState(route.resolved.state) };
    this.log(`shift ${id}: ${result.before} -> ${result.after}`);
    return result;
  }

  snapshot(): LiveRouteSnapshot[] {
    return [...this.live.values()].map(({ resolved, state, runtimes, shadow }) => ({
      route: resolved.id,
      state: formatRouteState(state),
      configured: formatRouteState(resolved.state),
      runtimes: { lambda: runtimes.lambda.snapshot(), fargate: runtimes.fargate.snapshot() },
      shadow: { ...shadow },
    }));
  }

  /** The admin endpoints; undefined for every other path, so the gateway routes those as usual. */
  readonly adminHandler = async (request: GatewayRequest): Promise<GatewayResponse | undefined> => {
    if (!request.path.startsWith('/__local/')) return undefined;
    if (!/^(127\.|::1$)/.test(request.sourceIp)) return jsonResponse(403, { error: 'loopback only' });
    if (request.path === '/__local/routes' && request.method === 'GET') return jsonResponse(200, { routes: this.snapshot() });
    if (request.path === '/__local/shift' && request.method === 'POST') {
      let input: { route?: unknown; weight?: unknown; force?: unknown };
      try {
        input = JSON.parse(request.body.toString('utf8'));
      } catch {
        return jsonResponse(400, { error: 'body must be JSON {"route": "GET /asset", "weight": 25 | "rollback"}' });
      }
      if (typeof input.route !== 'string' || (typeof input.weight !== 'number' && input.weight !== 'rollback')) {
        return jsonResponse(400, { error: 'body must be JSON {"route": "GET /asset", "weight": 25 | "rollback"}' });
      }
      try {
        return jsonResponse(200, this.shift(input.route, input.weight, input.force === true));
      } catch (error) {
        if (error instanceof ShiftRefused) return jsonResponse(409, { error: error.message });
        throw error;
      }
    }
    return jsonResponse(404, { error: `no admin endpoint ${request.method} ${request.path}` });
  };
}
