/**
 * `npx tsx bench/micro.ts > /dev/null`: the in-process CPU cost of the hot-path pieces issue 16 replaced,
 * old and new side by side (stderr), so each optimisation's share can be re-measured without a store.
 */
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { fromItem, toItem } from '../shared/db/attribute-values';
import { newAsset } from '../shared/model';
import { requestLogger, rootLogger } from '../shared/observability/logger';
import { RouteMetrics } from '../shared/observability/route-metrics';

process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
const rows = Array.from({ length: 100 }, (_, i) => ({ ...newAsset('bench@chariot.local', { dns: `host-${i}.bench.example.com`, name: `10.0.0.${i}` }), version: 3 }));
const items = rows.map((row) => marshall(row, { removeUndefinedValues: true }));

function time(name: string, task: () => void, iterations = 2000) {
  for (let i = 0; i < iterations / 4; i++) task(); // warm-up: JIT
  const before = process.cpuUsage();
  for (let i = 0; i < iterations; i++) task();
  const used = process.cpuUsage(before);
  process.stderr.write(`${name.padEnd(58)} ${((used.user + used.system) / iterations).toFixed(1).padStart(7)} µs\n`);
}

const access = { route: 'GET /asset', method: 'GET', path: '/asset', status: 200, duration_ms: 1.23 };
time('read a 100-item page: util-dynamodb unmarshall (old)', () => items.map((item) => unmarshall(item)));
time('read a 100-item page: fromItem (new)', () => items.map(fromItem));
time('write 100 rows: util-dynamodb marshall (old)', () => rows.map((row) => marshall(row, { removeUndefinedValues: true })));
time('write 100 rows: toItem (new)', () => rows.map(toItem));
time('access line via a per-request child logger (old)', () => rootLogger().createChild({ persistentKeys: { correlation_id: 'x' } }).info('request', access), 20000);
time('access line via requestLogger (new)', () => requestLogger('x').info('request', access), 20000);

// Issue 15: per-route EMF metrics. Aggregated (the runtimes' way: one EMF line per 99 requests of a route)
// vs a flush per request (the Powertools default on Lambda), both writing to stdout (> /dev/null).
const aggregated = new RouteMetrics({ runtime: 'fargate', environment: 'bench', intervalMs: 0 });
const perRequest = new RouteMetrics({ runtime: 'lambda', environment: 'bench', intervalMs: 0 });
time('route metrics: record, one EMF line per 99 requests (new)', () => aggregated.record('GET /asset', 200, 1.23), 20000);
time('route metrics: record + flush per request', () => {
  perRequest.record('GET /asset', 200, 1.23);
  perRequest.flush();
}, 20000);
