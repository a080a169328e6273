/**
 * The AWS live report against a stubbed CloudWatch (the one mock: there is no CloudWatch here). The routes and
 * their states come from the repository's cdk.json as `npm run routes -- -c env=prod --live` loads them.
 */
import type { GetMetricDataCommand, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { shadowGate } from '../../shared/migration/promotion';
import { contextFromArgs, loadDeploymentConfig } from '../deploy-config/load';
import { formatLiveTable } from '../route-report';
import { readLiveRoutes, type CloudWatchReader } from './cloudwatch';

const config = loadDeploymentConfig({ context: contextFromArgs(['-c', 'env=prod', '-c', 'migrate:GET /asset=shadow:5', '-c', 'migrate:GET /risk=canary:10']) });
const NOW = new Date('2026-12-03T12:00:00Z');

/** Answers every query from `figures` (by route, runtime and metric), in pages of 100 results to exercise NextToken. */
function stubCloudWatch(figures: Record<string, number[]>): CloudWatchReader & { calls: GetMetricDataCommand['input'][] } {
  const calls: GetMetricDataCommand['input'][] = [];
  return {
    calls,
    async send(command) {
      calls.push(command.input);
      const queries = command.input.MetricDataQueries as MetricDataQuery[];
      const offset = Number(command.input.NextToken ?? 0);
      const page = queries.slice(offset, offset + 100).map((query) => {
        const stat = query.MetricStat!;
        const dimension = (name: string) => stat.Metric!.Dimensions!.find((d) => d.Name === name)?.Value;
        return { Id: query.Id, Values: figures[`${dimension('route')} ${dimension('runtime')} ${stat.Metric!.MetricName}`] ?? [] };
      });
      return { MetricDataResults: page, NextToken: offset + 100 < queries.length ? String(offset + 100) : undefined };
    },
  };
}

test('reads each route per runtime over the window: sums, the worse p99, shadow counts; chunked and paged as GetMetricData allows', async () => {
  const cloudwatch = stubCloudWatch({
    'GET /asset lambda Requests': [600, 400],
    'GET /asset lambda Http5xx': [2],
    'GET /asset lambda Latency': [80.4, 120.6],
    'GET /asset shadow ShadowMatch': [60, 50],
    'GET /asset shadow ShadowMismatch': [1],
    'GET /risk fargate Requests': [90],
  });
  const rows = await readLiveRoutes(cloudwatch, { envName: 'prod', routes: config.routes, hours: 6, now: NOW });

  const asset = rows.find((row) => row.route === 'GET /asset')!;
  expect(asset).toEqual({
    route: 'GET /asset',
    state: 'shadow:5',
    configured: 'shadow:5',
    runtimes: { lambda: { requests: 1000, http4xx: 0, http5xx: 2, p99Ms: 121 }, fargate: { requests: 0, http4xx: 0, http5xx: 0, p99Ms: null } },
    shadow: { matches: 110, mismatches: 1, errors: 0 },
  });
  expect(rows.find((row) => row.route === 'GET /risk')).toMatchObject({ state: 'canary:10', runtimes: { fargate: { requests: 90 } } });

  const queries = cloudwatch.calls.flatMap((call) => (call.NextToken ? [] : (call.MetricDataQueries as MetricDataQuery[])));
  expect(queries).toHaveLength(config.routes.length * 10);
  expect(cloudwatch.calls.every((call) => (call.MetricDataQueries as MetricDataQuery[]).length <= 500)).toBe(true);
  expect(cloudwatch.calls[0]).toMatchObject({ StartTime: new Date('2026-12-03T06:00:00Z'), EndTime: NOW });
  expect(queries.find((query) => query.MetricStat!.Metric!.MetricName === 'Latency')!.MetricStat).toEqual({
    Metric: {
      Namespace: 'Chariot',
      MetricName: 'Latency',
      Dimensions: [
        { Name: 'service', Value: 'chariot' },
        { Name: 'runtime', Value: 'lambda' },
        { Name: 'environment', Value: 'prod' },
        { Name: 'route', Value: config.routes[0].id },
      ],
    },
    Period: 6 * 3600,
    Stat: 'p99',
  });

  // The gate column: open at the policy's 100 matches, closed at 200; only shadowed routes have one.
  const table = formatLiveTable(rows, 100);
  expect(table.split('\n')[0]).toContain('CANARY GATE');
  expect(table).toContain('open (110 matched, 1 mismatched)');
  expect(formatLiveTable(rows, 200)).toContain('closed: 110 of 200 matches (1 mismatched)');
  expect(table.split('\n').find((line) => line.startsWith('GET /risk '))!.trimEnd().endsWith('-')).toBe(true);
});

test('the shadow → canary gate opens at the policy\'s matches; mismatches are shown, not counted against it', () => {
  expect(shadowGate({ matches: 99, mismatches: 0 }, 100)).toEqual({ open: false, summary: 'closed: 99 of 100 matches (0 mismatched)' });
  expect(shadowGate({ matches: 100, mismatches: 3 }, 100)).toEqual({ open: true, summary: 'open (100 matched, 3 mismatched)' });
});
