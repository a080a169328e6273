/**
 * Per-route, per-runtime metrics in CloudWatch EMF through Powertools Metrics, the same names and
 * dimensions on both runtimes so a dashboard can put a route's Lambda and Fargate side by side:
 *   Requests, Http4xx, Http5xx (Count), Latency (Milliseconds); ShadowMatch, ShadowMismatch (Count)
 *   dimensions: route (`GET /asset`), runtime (`lambda` | `fargate` | `shadow`), environment, service.
 *
 * Cheap on the hot path: `record` only adds to an in-memory aggregate. An EMF line is written per route
 * when 99 latency samples have gathered (EMF allows 100 values per metric; Powertools would publish at
 * 100 on its own and drop the route dimension for the rest), on `flush()`, and every `intervalMs`.
 * A real Lambda flushes at the end of each invocation (its container may freeze or vanish after it).
 * Outside Lambda, Powertools Metrics writes the same EMF to stdout (awslogs/FireLens ship it).
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { PLAIN_VARIABLES } from '../config/binding';

/** `shadow`: the comparisons (made by the local gateway, or the shadow comparer in AWS). */
export type MetricsRuntime = 'lambda' | 'fargate' | 'shadow';

const MAX_SAMPLES = 99;
export const METRICS_NAMESPACE = 'Chariot';
/** The `service` dimension of every route metric (one per application, not per backend: a route keeps it when it moves). */
export const METRICS_SERVICE = 'chariot';

/** The full dimension set of one route's metrics on one runtime, as emitted below (CloudWatch keys a metric by all of them). */
export const routeMetricDimensions = (environment: string, route: string, runtime: MetricsRuntime): Record<string, string> => ({
  service: METRICS_SERVICE,
  runtime,
  environment,
  route,
});

interface RouteAggregate {
  requests: number;
  http4xx: number;
  http5xx: number;
  latencies: number[];
  shadowMatch: number;
  shadowMismatch: number;
}

const emptyAggregate = (): RouteAggregate => ({ requests: 0, http4xx: 0, http5xx: 0, latencies: [], shadowMatch: 0, shadowMismatch: 0 });

export interface RouteMetricsOptions {
  readonly runtime: MetricsRuntime;
  /** Default the backend's CHARIOT_ENV (its binding, shared/config/binding.ts), else `local`. */
  readonly environment?: string;
  /** Periodic flush; 0 = only on `flush()` and full sample buffers. Default 60 s. */
  readonly intervalMs?: number;
  /** Where EMF lines go (tests); default Powertools' stdout console. */
  readonly metrics?: Metrics;
}

export class RouteMetrics {
  private readonly routes = new Map<string, RouteAggregate>();
  private readonly metrics: Metrics;
  private readonly timer?: NodeJS.Timeout;

  constructor(options: RouteMetricsOptions) {
    const environment = options.environment ?? process.env[PLAIN_VARIABLES.environment[0]] ?? 'local';
    // `logger`: Powertools warns on an empty flush; an idle interval is not worth a log line.
    this.metrics =
      options.metrics ??
      new Metrics({
        namespace: METRICS_NAMESPACE,
        serviceName: METRICS_SERVICE,
        defaultDimensions: { runtime: options.runtime, environment },
        logger: { debug() {}, info() {}, warn() {}, error: console.error },
      });
    const intervalMs = options.intervalMs ?? 60_000;
    if (intervalMs > 0) {
      this.timer = setInterval(() => this.flush(), intervalMs);
      this.timer.unref();
    }
  }

  private aggregate(route: string): RouteAggregate {
    let aggregate = this.routes.get(route);
    if (!aggregate) this.routes.set(route, (aggregate = emptyAggregate()));
    return aggregate;
  }

  /** Runs one request's dispatch and records it: its status, or 500 when it threw, and its latency. */
  async measure<R extends { readonly status: number }>(route: string, dispatch: () => Promise<R>): Promise<R> {
    const started = performance.now();
    let status = 500;
    try {
      const response = await dispatch();
      status = response.status;
      return response;
    } finally {
      this.record(route, status, performance.now() - started);
    }
  }

  /** One answered request. */
  record(route: string, status: number, latencyMs: number): void {
    const aggregate = this.aggregate(route);
    aggregate.requests++;
    if (status >= 500) aggregate.http5xx++;
    else if (status >= 400) aggregate.http4xx++;
    aggregate.latencies.push(latencyMs);
    if (aggregate.latencies.length >= MAX_SAMPLES) this.flushRoute(route, aggregate);
  }

  /** One shadow comparison of the route. */
  recordShadow(route: string, match: boolean): void {
    const aggregate = this.aggregate(route);
    if (match) aggregate.shadowMatch++;
    else aggregate.shadowMismatch++;
  }

  private flushRoute(route: string, a: RouteAggregate): void {
    this.routes.delete(route);
    if (a.requests + a.shadowMatch + a.shadowMismatch === 0) return;
    this.metrics.addDimension('route', route);
    if (a.requests) {
      this.metrics.addMetric('Requests', MetricUnit.Count, a.requests);
      this.metrics.addMetric('Http4xx', MetricUnit.Count, a.http4xx);
      this.metrics.addMetric('Http5xx', MetricUnit.Count, a.http5xx);
      for (const ms of a.latencies) this.metrics.addMetric('Latency', MetricUnit.Milliseconds, Math.round(ms * 100) / 100);
    }
    if (a.shadowMatch + a.shadowMismatch) {
      this.metrics.addMetric('ShadowMatch', MetricUnit.Count, a.shadowMatch);
      this.metrics.addMetric('ShadowMismatch', MetricUnit.Count, a.shadowMismatch);
    }
    this.metrics.publishStoredMetrics();
  }

  /** Writes one EMF line per route with data, and starts over. */
  flush(): void {
    for (const [route, aggregate] of [...this.routes]) this.flushRoute(route, aggregate);
  }

  close(): void {
    clearInterval(this.timer);
    this.flush();
  }
}

/** True in a real Lambda execution environment (not the local emulation, which runs handlers in-process). */
export const inLambda = (env: NodeJS.ProcessEnv = process.env) => (env.AWS_EXECUTION_ENV ?? '').startsWith('AWS_Lambda_');

const processMetrics = new Map<MetricsRuntime, RouteMetrics>();

/**
 * One aggregate per process and runtime: the Lambda handlers of all groups in a process share one (the
 * local gateway runs them all in-process, beside its `shadow` aggregate), as a service's routes do.
 */
export function routeMetrics(runtime: MetricsRuntime): RouteMetrics {
  let metrics = processMetrics.get(runtime);
  if (!metrics) processMetrics.set(runtime, (metrics = new RouteMetrics({ runtime, intervalMs: inLambda() ? 0 : undefined })));
  return metrics;
}
