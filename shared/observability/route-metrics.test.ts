import { Metrics } from '@aws-lambda-powertools/metrics';
import { RouteMetrics } from './route-metrics';

/** Powertools Metrics printing into an array instead of stdout: the EMF documents as CloudWatch would read them. */
function capture(runtime: 'lambda' | 'fargate') {
  process.env.POWERTOOLS_METRICS_DISABLED = 'false'; // the suite turns EMF off (global-setup); this test reads it
  const lines: Record<string, unknown>[] = [];
  const metrics = new Metrics({ namespace: 'Chariot', serviceName: 'chariot', defaultDimensions: { runtime, environment: 'test' } });
  (metrics as unknown as { console: { log(line: string): void } }).console = { log: (line) => lines.push(JSON.parse(line)) };
  return { lines, routeMetrics: new RouteMetrics({ runtime, metrics, intervalMs: 0 }) };
}

describe('route metrics (EMF)', () => {
  test('one EMF document per route with requests, 4xx, 5xx, latency and the route/runtime/environment dimensions', () => {
    const { lines, routeMetrics } = capture('fargate');
    routeMetrics.record('GET /asset', 200, 3.2);
    routeMetrics.record('GET /asset', 404, 1);
    routeMetrics.record('GET /asset', 503, 9);
    routeMetrics.record('PUT /asset', 200, 5);
    routeMetrics.recordShadow('GET /asset', false);
    expect(lines).toHaveLength(0); // nothing on the hot path
    routeMetrics.flush();
    expect(lines).toHaveLength(2);
    const asset = lines.find((l) => l.route === 'GET /asset')!;
    expect(asset).toMatchObject({ runtime: 'fargate', environment: 'test', service: 'chariot', Requests: 3, Http4xx: 1, Http5xx: 1, Latency: [3.2, 1, 9], ShadowMismatch: 1, ShadowMatch: 0 });
    const directive = (asset._aws as { CloudWatchMetrics: { Dimensions: string[][]; Namespace: string }[] }).CloudWatchMetrics[0];
    expect(directive.Namespace).toBe('Chariot');
    expect(directive.Dimensions[0]).toEqual(expect.arrayContaining(['route', 'runtime', 'environment']));
    routeMetrics.flush();
    expect(lines).toHaveLength(2); // started over
  });

  test('a full sample buffer flushes that route alone, keeping its dimension', () => {
    const { lines, routeMetrics } = capture('lambda');
    for (let i = 0; i < 99; i++) routeMetrics.record('GET /risk', 200, i);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ route: 'GET /risk', runtime: 'lambda', Requests: 99 });
    expect((lines[0].Latency as number[]).length).toBe(99);
  });
});
