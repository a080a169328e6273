/**
 * `npm run routes -- -c env=prod --live`: each route's live figures in AWS, read from the per-route EMF metrics both
 * runtimes and the shadow comparer emit (shared/observability/route-metrics.ts), over the last `hours`: requests,
 * 4xx, 5xx and p99 per runtime, and shadow matches and mismatches. The same rows as the local gateway's report.
 */
import { GetMetricDataCommand, type GetMetricDataCommandOutput, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { formatRouteState, type ResolvedRoute } from '../../shared/routing/flags';
import { METRICS_NAMESPACE, routeMetricDimensions, type MetricsRuntime } from '../../shared/observability/route-metrics';
import type { LiveRouteRow } from '../route-report';

/** The one CloudWatch call used (the real client, or a stub in tests: there is no CloudWatch here). */
export interface CloudWatchReader {
  send(command: GetMetricDataCommand): Promise<Pick<GetMetricDataCommandOutput, 'MetricDataResults' | 'NextToken'>>;
}

export interface LiveMetricsOptions {
  readonly envName: string;
  readonly routes: readonly ResolvedRoute[];
  readonly hours: number;
  readonly now?: Date;
}

/** GetMetricData takes at most 500 queries per call. */
const QUERIES_PER_CALL = 500;

const FIGURES = [
  { runtime: 'lambda', metric: 'Requests', stat: 'Sum' },
  { runtime: 'lambda', metric: 'Http4xx', stat: 'Sum' },
  { runtime: 'lambda', metric: 'Http5xx', stat: 'Sum' },
  { runtime: 'lambda', metric: 'Latency', stat: 'p99' },
  { runtime: 'fargate', metric: 'Requests', stat: 'Sum' },
  { runtime: 'fargate', metric: 'Http4xx', stat: 'Sum' },
  { runtime: 'fargate', metric: 'Http5xx', stat: 'Sum' },
  { runtime: 'fargate', metric: 'Latency', stat: 'p99' },
  { runtime: 'shadow', metric: 'ShadowMatch', stat: 'Sum' },
  { runtime: 'shadow', metric: 'ShadowMismatch', stat: 'Sum' },
] as const satisfies readonly { runtime: MetricsRuntime; metric: string; stat: string }[];

type Figure = (typeof FIGURES)[number];
/** A query's id names its figure (ids start with a lower-case letter; letters, digits and `_` only). */
const queryId = (routeIndex: number, runtime: Figure['runtime'], metric: Figure['metric']) => `r${routeIndex}_${runtime}_${metric}`;

export async function readLiveRoutes(cloudwatch: CloudWatchReader, options: LiveMetricsOptions): Promise<LiveRouteRow[]> {
  const end = options.now ?? new Date();
  const start = new Date(end.getTime() - options.hours * 3_600_000);
  // One period over the whole window (a multiple of 60 s): one value per query, or two where it straddles a boundary.
  const period = Math.max(60, Math.ceil((options.hours * 3600) / 60) * 60);
  const queries: MetricDataQuery[] = options.routes.flatMap((route, index) =>
    FIGURES.map((figure) => ({
      Id: queryId(index, figure.runtime, figure.metric),
      MetricStat: {
        Metric: {
          Namespace: METRICS_NAMESPACE,
          MetricName: figure.metric,
          Dimensions: Object.entries(routeMetricDimensions(options.envName, route.id, figure.runtime)).map(([Name, Value]) => ({ Name, Value })),
        },
        Period: period,
        Stat: figure.stat,
      },
      ReturnData: true,
    })),
  );

  const values = new Map<string, number[]>();
  for (let from = 0; from < queries.length; from += QUERIES_PER_CALL) {
    let nextToken: string | undefined;
    do {
      const page = await cloudwatch.send(
        new GetMetricDataCommand({ MetricDataQueries: queries.slice(from, from + QUERIES_PER_CALL), StartTime: start, EndTime: end, NextToken: nextToken }),
      );
      for (const result of page.MetricDataResults ?? []) values.set(result.Id!, [...(values.get(result.Id!) ?? []), ...(result.Values ?? [])]);
      nextToken = page.NextToken;
    } while (nextToken);
  }

  const sum = (id: string) => (values.get(id) ?? []).reduce((total, value) => total + value, 0);
  // p99 over two partial periods is not derivable; the worse of them is the honest bound.
  const worst = (id: string) => (values.get(id)?.length ? Math.round(Math.max(...values.get(id)!)) : null);
  return options.routes.map((route, index) => {
    const side = (runtime: 'lambda' | 'fargate') => ({
      requests: sum(queryId(index, runtime, 'Requests')),
      http4xx: sum(queryId(index, runtime, 'Http4xx')),
      http5xx: sum(queryId(index, runtime, 'Http5xx')),
      p99Ms: worst(queryId(index, runtime, 'Latency')),
    });
    const state = formatRouteState(route.state);
    return {
      route: route.id,
      state,
      configured: state,
      runtimes: { lambda: side('lambda'), fargate: side('fargate') },
      // The comparer counts a copy it could not deliver neither way, so AWS has no error count.
      shadow: { matches: sum(queryId(index, 'shadow', 'ShadowMatch')), mismatches: sum(queryId(index, 'shadow', 'ShadowMismatch')), errors: 0 },
    };
  });
}
