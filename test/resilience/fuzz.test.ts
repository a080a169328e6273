/**
 * Property-based fuzzing of every route on both runtimes (fast-check): requests built from the fields
 * each route accepts with valid-looking and hostile values (wrong types, huge and deep values, unicode,
 * `#`, NUL, `__proto__`, out-of-range numbers, repeated parameters, BOMs). For every request:
 *   - no 5xx on either runtime (bar the 501 of a route declared `notAvailable`);
 *   - both runtimes answer the same status;
 *   - a rejected write (4xx) changed no row in either table.
 * Bounded by time (FUZZ_BUDGET_MS, default 45 s in `npm test`); `npm run fuzz -- --long` soaks it.
 */
import fc from 'fast-check';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { routeId } from '../../shared/routing/routes';
import { useEmulators } from '../support/emulators';
import { RUNTIMES, startBothRuntimes, type BothRuntimes, type RuntimeName } from './support/both-runtimes';
import { FUZZ_FIGURES, recordFigures } from './support/figures';
import { EVERY_ROUTE_DEFINITION, fieldsOf, requestFor, type FuzzRequest } from './support/request-arbitrary';
import { Bytes } from '../../shared/routing/schemas';

const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 45_000);
const PIN = '3f2c1d7e-8a9b-4c5d-9e0f-1a2b3c4d5e6f';

const stack = useEmulators();
let both: BothRuntimes;
const tried = new Map<string, number>();
let fiveHundreds = 0;

beforeAll(async () => {
  both = await startBothRuntimes(stack);
  // Rows for the generated keys to hit: an asset, a risk on it, a webhook (the hook route's PIN).
  for (const runtime of RUNTIMES) {
    const t = both.clients[runtime];
    expect((await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com' } })).status).toBe(200);
    expect((await t.call('POST', '/risk', { body: { key: '#asset#example.com#example.com', name: 'CVE-2026-1', status: 'TH' } })).status).toBe(201);
    expect((await t.call('POST', '/account/hook', { body: { value: PIN } })).status).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await both?.close();
  const cases = [...tried.values()].reduce((a, b) => a + b, 0);
  recordFigures(FUZZ_FIGURES, { budgetMs: BUDGET_MS, routes: tried.size, cases, requests: cases * 2, fiveHundreds, perRoute: Object.fromEntries(tried) });
});

async function snapshot(runtime: RuntimeName): Promise<string> {
  const rows: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await stack.doc.send(new ScanCommand({ TableName: both.tables[runtime], ExclusiveStartKey: start, ConsistentRead: true }));
    // Tenant data only: Powertools' idempotency records (TTL'd bookkeeping in `idempotency#…` partitions,
    // written and removed around a request) are not rows a rejected write could have changed.
    for (const item of page.Items ?? []) if (!String(item.username).startsWith('idempotency#')) rows.push(JSON.stringify(item));
    start = page.LastEvaluatedKey;
  } while (start);
  return rows.sort().join('\n');
}

const send = (runtime: RuntimeName, request: FuzzRequest) =>
  both.runtimes[runtime].send({ ...request, requestId: randomUUID() });

const perRouteMs = Math.max(500, Math.floor(BUDGET_MS / EVERY_ROUTE_DEFINITION.length));

/** A counterexample short enough to read: long strings cut, the token elided. */
const brief = (request: FuzzRequest, finding: string): string =>
  `${finding}\n  ${JSON.stringify({ ...request, headers: { ...request.headers, authorization: request.headers.authorization?.slice(0, 12) } }, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 120 ? `${v.slice(0, 120)}…(${v.length} chars)` : v,
  )}`;

/** What is wrong with one request's answers, or undefined. */
async function check(request: FuzzRequest, declared501 = false): Promise<string | undefined> {
  const write = request.method !== 'GET';
  const before = write ? await Promise.all(RUNTIMES.map(snapshot)) : [];
  const [lambda, hono] = await Promise.all(RUNTIMES.map((runtime) => send(runtime, request)));
  // A route whose machinery is absent (its declaration's `notAvailable`) answers 501 by design.
  const allowed = (status: number) => status < 500 || (declared501 && status === 501);
  if (!allowed(lambda.status) || !allowed(hono.status)) {
    fiveHundreds++;
    return `5xx: lambda ${lambda.status} ${JSON.stringify(lambda.body)}, hono ${hono.status} ${JSON.stringify(hono.body)}`;
  }
  if (lambda.status !== hono.status) return `statuses differ: lambda ${lambda.status} ${JSON.stringify(lambda.body)}, hono ${hono.status} ${JSON.stringify(hono.body)}`;
  if (write && lambda.status >= 400) {
    const after = await Promise.all(RUNTIMES.map(snapshot));
    if (after[0] !== before[0] || after[1] !== before[1]) return `a rejected write (${lambda.status}) changed rows`;
  }
  return undefined;
}

test('every request schema a route declares names the fields the fuzzer varies', () => {
  const blind = EVERY_ROUTE_DEFINITION.flatMap((route) =>
    // A raw-bytes body (`Bytes`: PUT /encrypted-file) has no fields: any bytes are its valid input.
    (['query', 'body'] as const).filter((part) => route.spec[part] && route.spec[part] !== Bytes && fieldsOf(route.spec[part]).length === 0).map((part) => `${routeId(route)} ${part}`),
  );
  expect(blind).toEqual([]);
});

describe.each(EVERY_ROUTE_DEFINITION.map((route) => [routeId(route), route] as const))('%s', (id, route) => {
  test('no 5xx, the same status on both runtimes, no row changed by a rejected write', async () => {
    let finding: string | undefined;
    let first: string | undefined;
    // fast-check's time limit *interrupts* a run: it stops awaiting the case in flight, which goes on sending
    // requests (and writing) after fc.check has returned. Left running, that case's write landed in the next
    // route's before/after snapshots ("a rejected write changed rows"): so the case in flight is drained here.
    let inFlight: Promise<unknown> = Promise.resolve();
    const property = fc.asyncProperty(requestFor(route, `Bearer ${both.users.ada.idToken}`), async (request) => {
      tried.set(id, (tried.get(id) ?? 0) + 1);
      const checked = check(request, route.spec.notAvailable !== undefined);
      inFlight = checked.catch(() => undefined);
      finding = await checked;
      first ??= finding && brief(request, finding);
      return finding === undefined;
    });
    const result = await fc.check(property, { numRuns: 100_000, interruptAfterTimeLimit: perRouteMs, markInterruptAsFailure: false, endOnFailure: true });
    await inFlight;
    if (!result.failed && first) throw new Error(`the case the time limit interrupted: ${first}`);
    if (result.failed) {
      const [request] = result.counterexample ?? [];
      if (request) finding = await check(request, route.spec.notAvailable !== undefined); // the shrunk example's own finding
      throw new Error(`${request ? brief(request, finding ?? 'shrunk example passed on a re-run') : String(result.errorInstance)}\nfirst seen: ${first}`);
    }
  }, perRouteMs + 60_000);
});
