/**
 * `npm run bench`: every row of issue 7 in one run on one machine, so the ratios between rows hold
 * even when absolute speed drifts. Prints a table, writes `bench/results.json` and `bench/results.png`.
 *
 * A row whose pieces are missing or broken reports `unavailable: <reason>` and the run goes on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { writeChartPng } from './chart';
import { startFixture, type Fixture } from './fixture';
import { measureHttp } from './load/http-load';
import { assess, renderReport, TARGETS } from './report';
import { BenchResults, type ColdStartGroup, type LoadFigures, type LoadRow } from './results';
import { measureAuth } from './rows/auth';
import { measureColdStarts, NODEJS_FUNCTION_BUNDLING } from './rows/cold-start';
import { probe, requireOk, type Probe } from './probe';
import { assumedAssetQuery, captureRouteStoreCalls, measureStore, type StoreCall } from './rows/store';
import { assetOf, seedAssets } from './seed';
import { findPid } from './cpu';
import { bigTenant } from './rows/big-tenant';
import { measureLambdaHandler } from './rows/lambda-handler';
import { startGraphServer } from '../local/graph-server/server';
import { HELP, parseSettings, type BenchSettings } from './settings';
import { lastErrorLine, spawnServer, type ServerProcess } from './servers/spawn';
import { REPO_ROOT } from '../tooling/paths';
import { freePort } from '../local/emulators';

const ROWS = [
  { id: 'ceiling', number: 1, title: 'Ceiling: bare node:http, same JSON' },
  { id: 'hono', number: 2, title: 'Hono service, GET /asset' },
  { id: 'lambda-gateway', number: 3, title: 'Lambda handler via local gateway' },
  { id: 'gateway-hono', number: 4, title: 'Local gateway → Hono service' },
  { id: 'store', number: 5, title: 'DynamoDB Local alone (route\u2019s calls)' },
  { id: 'auth', number: 6, title: 'Auth alone (warm authenticate)' },
  { id: 'hono-put', number: 8, title: 'Hono service, PUT /asset (merge)' },
  { id: 'hono-search', number: 9, title: 'Hono service, GET /my (grouped)' },
  { id: 'hono-graph', number: 10, title: 'Hono service, POST /my (graph, read-your-writes on)' },
  { id: 'lambda-handler', number: 11, title: 'Lambda handler alone, GET /asset' },
  { id: 'big-tenant', number: 12, title: 'Hono service, GET /asset, big tenant' },
] as const;
type RowId = (typeof ROWS)[number]['id'];

const benchStarted = performance.now();
/** Progress on stderr (stdout is the report), stamped with seconds since start. */
const progress = (text: string) => process.stderr.write(`[${((performance.now() - benchStarted) / 1000).toFixed(1)}s] ${text}`);

const round2 = (value: number) => Math.round(value * 100) / 100;
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** A TypeScript server through `local/service-main.ts`, which exits when the bench's stdin pipe closes. */
async function startTsServer(name: string, script: string, port: number, fixture: Fixture, env: NodeJS.ProcessEnv, profileDir?: string): Promise<ServerProcess> {
  // --profile: each server writes V8 CPU profiles (Chrome DevTools) into `<profileDir>/<name>/` when it stops, one
  // per thread: the main thread's is the largest (tsx's loader thread writes a small one).
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, name)}`] : [];
  return spawnServer({
    name,
    command: process.execPath,
    args: [...profile, '--import', 'tsx', join(REPO_ROOT, 'local', 'service-main.ts'), join(REPO_ROOT, script)],
    env: { ...fixture.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    port,
    readyPath: '/health',
    logDir: fixture.workDir,
    // Four servers load their TypeScript at once; on 2 shared cores that can take a minute.
    timeoutMs: 120_000,
  });
}

/** A started server, or why it did not start. */
type Started = { server: ServerProcess; error?: undefined } | { server?: undefined; error: string };
const started = (promise: Promise<ServerProcess>, servers: ServerProcess[]): Promise<Started> =>
  promise.then(
    (server) => {
      servers.push(server);
      return { server };
    },
    (error: unknown) => ({ error: reasonOf(error) }),
  );

/** The `GET /asset` body when the route cannot answer yet: the seeded assets, so the ceiling still sends a realistic size. */
const syntheticAssetBody = (count: number) =>
  Buffer.from(JSON.stringify({ assets: Array.from({ length: count }, (_, i) => ({ key: `#asset#host-${i}.bench.example.com#10.0.0.${i % 256}`, status: 'A' })) }));

async function runRows(settings: BenchSettings, fixture: Fixture, fixtureNotes: Record<string, unknown>) {
  const wanted = (id: string) => settings.only.length === 0 || settings.only.includes(id);
  const window = { durationSeconds: settings.durationSeconds, warmupSeconds: settings.warmupSeconds, requests: settings.requests };
  const load = { ...window, connections: settings.connections, generator: settings.loadGenerator };
  const loop = { ...window, concurrency: settings.connections };
  const assetUrl = (base: string) => `${base}/asset`;
  const servers: ServerProcess[] = [];
  const results = new Map<RowId, LoadRow>();
  const storePid = findPid(['-port', String(fixture.dynamoDb.port)]);
  /** The CPU a row reports: its serving processes', and DynamoDB Local's alongside. */
  const cpuOf = (...serving: (number | 'self')[]) => ({ serving, store: storePid });

  const row = async (id: RowId, measure: (notes: string[]) => Promise<LoadFigures>, skipped?: string) => {
    const meta = ROWS.find((r) => r.id === id)!;
    const notes: string[] = [];
    const base = { id, number: meta.number, title: meta.title, targets: [], notes };
    if (!wanted(id) || skipped) {
      results.set(id, { ...base, status: 'skipped', reason: skipped ?? 'skipped (--only)' });
      return;
    }
    progress(`row ${meta.number}: ${meta.title} ... `);
    try {
      const figures = await measure(notes);
      results.set(id, { ...base, status: 'ok', figures });
      const cpu = figures.cpuMsPerRequest === undefined ? '' : `, ${figures.cpuMsPerRequest.toFixed(2)} ms CPU/req`;
      process.stderr.write(`${Math.round(figures.requestsPerSecond)}/s, p99 ${figures.p99Ms.toFixed(2)} ms${cpu}\n`);
    } catch (error) {
      results.set(id, { ...base, status: 'unavailable', reason: reasonOf(error) });
      process.stderr.write(`unavailable: ${reasonOf(error)}\n`);
    }
  };

  try {
    // Every server under test starts now, side by side (each loads its code through tsx for a few
    // seconds); they idle until their row. The gateways only need the service's port, not the service.
    const inventoryPort = await freePort();
    const gatewayFor = async (id: RowId, target: 'lambda' | 'fargate'): Promise<Started> =>
      wanted(id)
        ? started(
            startTsServer(
              `gateway-${target}`,
              'bench/servers/gateway-server.ts',
              await freePort(),
              fixture,
              { BENCH_ASSET_TARGET: target, BENCH_INVENTORY_PORT: String(inventoryPort) },
              settings.profileDir,
            ),
            servers,
          )
        : { error: 'skipped (--only)' };
    // POST /my reads the graph: one local Bolt graph server shared by both inventory services, as in `npm start`.
    // Seeding writes every asset to it on the request path (read-your-writes), so no projection runs during the rows.
    const graph = await startGraphServer();
    servers.push({ stop: graph.stop } as (typeof servers)[number]);
    const graphService = async (): Promise<Started> =>
      wanted('hono-graph')
        ? started(
            startTsServer('inventory-graph', 'containers/inventory/server.ts', await freePort(), fixture, { POWERTOOLS_SERVICE_NAME: 'inventory', ...graph.env }),
            servers,
          )
        : { error: 'skipped (--only)' };
    const [inventory, lambdaGateway, fargateGateway, graphInventory] = await Promise.all([
      started(
        startTsServer('inventory-service', 'containers/inventory/server.ts', inventoryPort, fixture, { POWERTOOLS_SERVICE_NAME: 'inventory', ...graph.env }, settings.profileDir),
        servers,
      ),
      gatewayFor('lambda-gateway', 'lambda'),
      gatewayFor('gateway-hono', 'fargate'),
      graphService(),
    ]);
    const service = inventory.server;
    const serviceError = inventory.error;
    progress(`servers up${serviceError ? ` (inventory service: ${serviceError})` : ''}\n`);

    // Seeding goes through the service when it can, and its answer is the ceiling's body.
    const seed = await seedAssets({
      serviceUrl: service?.url,
      serviceUnavailable: serviceError,
      headers: fixture.authHeaders,
      client: fixture.dynamoDbClient,
      tableName: fixture.tableName,
      count: settings.assets,
    });
    fixtureNotes.seed = seed;
    progress(`seeded ${seed.assets} assets via ${seed.method} in ${seed.seconds} s${seed.reason ? ` (${seed.reason})` : ''}\n`);
    const serviceAnswer: Probe | undefined = service ? await probe(assetUrl(service.url), fixture.authHeaders) : undefined;
    const assetBody = serviceAnswer?.status === 200 ? serviceAnswer.body : undefined;
    fixtureNotes.assetResponseBytes = assetBody?.length;
    const requireService = () => {
      if (!service) throw new Error(`service did not start: ${serviceError}`);
      return service;
    };

    await row('ceiling', async (notes) => {
      const bodyFile = join(fixture.workDir, 'ceiling-body.json');
      writeFileSync(bodyFile, assetBody ?? syntheticAssetBody(settings.assets));
      if (!assetBody) notes.push('GET /asset could not answer: the ceiling serves a synthetic body of the seeded assets');
      notes.push(`body ${(assetBody ?? syntheticAssetBody(settings.assets)).length} bytes`);
      const port = await freePort();
      const ceiling = await spawnServer({
        name: 'ceiling',
        command: process.execPath,
        args: [join(__dirname, 'servers', 'ceiling-server.cjs'), bodyFile],
        env: { PATH: process.env.PATH, PORT: String(port) },
        port,
        readyPath: '/',
        logDir: fixture.workDir,
      });
      try {
        return await measureHttp({ ...load, url: assetUrl(ceiling.url), cpu: { serving: [ceiling.pid] } });
      } finally {
        await ceiling.stop();
      }
    });

    await row('hono', async () => {
      const { url, pid } = requireService();
      requireOk('GET /asset', serviceAnswer!);
      return measureHttp({ ...load, url: assetUrl(url), headers: { ...fixture.authHeaders }, cpu: cpuOf(pid) });
    });

    for (const [id, gateway, target] of [
      ['lambda-gateway', lambdaGateway, 'lambda'],
      ['gateway-hono', fargateGateway, 'fargate'],
    ] as const) {
      await row(id, async (notes) => {
        if (!gateway.server) throw new Error(`gateway did not start: ${gateway.error}`);
        const serving = target === 'fargate' ? [gateway.server.pid, requireService().pid] : [gateway.server.pid];
        notes.push(target === 'fargate' ? 'CPU: the gateway and the service together' : 'CPU: the gateway process, which runs the handler in-process (row 11 has the handler alone)');
        try {
          requireOk(`GET /asset via the gateway (${target})`, await probe(assetUrl(gateway.server.url), fixture.authHeaders));
          return await measureHttp({ ...load, url: assetUrl(gateway.server.url), headers: { ...fixture.authHeaders }, cpu: cpuOf(...serving) });
        } catch (error) {
          const logged = lastErrorLine(gateway.server.tail(40));
          throw new Error(`${reasonOf(error)}${logged.startsWith('{') ? '' : ` (gateway log: ${logged})`}`);
        } finally {
          await gateway.server.stop();
        }
      });
    }

    await row('store', async (notes) => {
      let calls: StoreCall[];
      try {
        calls = await captureRouteStoreCalls(fixture);
        notes.push(`replays the ${calls.length} DynamoDB call(s) one GET /asset makes: ${calls.map((c) => c.operation).join(', ')}`);
      } catch (error) {
        calls = assumedAssetQuery(fixture.tableName);
        notes.push(`route not capturable (${reasonOf(error)}): replays an assumed Query begins_with(key, '#asset#')`);
      }
      fixtureNotes.storeCalls = calls;
      notes.push('CPU: the bench process making the SDK calls');
      return measureStore(fixture.dynamoDbClient, calls, { ...loop, cpu: cpuOf('self') });
    });

    await row('auth', (notes) => {
      notes.push('CPU: the bench process');
      return measureAuth(fixture, { ...loop, cpu: cpuOf('self') });
    });

    await row('hono-put', async (notes) => {
      const { url, pid } = requireService();
      // Each request merges a different seeded asset (no status change, so no history grows): a read and a conditional write.
      const bodies = Array.from({ length: Math.min(settings.assets, 1000) }, (_, i) => JSON.stringify(assetOf(i)));
      notes.push(`merges ${bodies.length} seeded assets round-robin: GetItem + conditional PutItem each`);
      const put = await fetch(assetUrl(url), { method: 'PUT', headers: { ...fixture.authHeaders, 'content-type': 'application/json' }, body: bodies[0] });
      requireOk('PUT /asset', { status: put.status, body: Buffer.from(await put.arrayBuffer()) });
      return measureHttp({ ...load, url: assetUrl(url), method: 'PUT', headers: { ...fixture.authHeaders, 'content-type': 'application/json' }, bodies, cpu: cpuOf(pid) });
    });

    await row('hono-search', async (notes) => {
      const { url, pid } = requireService();
      const searchUrl = `${url}/my?key=${encodeURIComponent('#asset#')}`;
      notes.push('key #asset#: a 100-row page grouped by type');
      requireOk('GET /my', await probe(searchUrl, fixture.authHeaders));
      return measureHttp({ ...load, url: searchUrl, headers: { ...fixture.authHeaders }, cpu: cpuOf(pid) });
    });

    await row('hono-graph', async (notes) => {
      if (!graphInventory.server) throw new Error(`service did not start: ${graphInventory.error}`);
      const graphUrl = `${graphInventory.server.url}/my`;
      const body = JSON.stringify({ node: { labels: ['Asset'] }, limit: 100 });
      const headers = { ...fixture.authHeaders, 'content-type': 'application/json' };
      const nodes = await waitForGraph(graphUrl, headers, body, Math.min(100, settings.assets));
      notes.push(`local Bolt graph server (no Neo4j here), filled by read-your-writes while seeding (no stream projection); ${nodes} Asset nodes per page; each request also checks the graph catch-up ledger`);
      return measureHttp({ ...load, url: graphUrl, method: 'POST', headers, bodies: [body], cpu: cpuOf(graphInventory.server.pid) });
    });

    await row('lambda-handler', (notes) => measureLambdaHandler(fixture, load, notes));

    await row(
      'big-tenant',
      async (notes) => {
        const { url, pid } = requireService();
        const tenant = await bigTenant(fixture, settings.bigTenant);
        fixtureNotes.bigTenant = { assets: settings.bigTenant, seconds: tenant.seedSeconds, method: 'BatchWriteItem, 8 in flight' };
        progress(`seeded ${settings.bigTenant} assets in ${tenant.seedSeconds} s ... `);
        notes.push(`${settings.bigTenant.toLocaleString('en-US')} assets in the tenant (seeded in ${tenant.seedSeconds} s); compare with row 2`);
        requireOk('GET /asset (big tenant)', await probe(assetUrl(url), tenant.headers));
        return measureHttp({ ...load, url: assetUrl(url), headers: { ...tenant.headers }, cpu: cpuOf(pid) });
      },
      settings.bigTenant === 0 ? 'skipped (--big-tenant 0)' : undefined,
    );
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
  return assess(ROWS.map((r) => results.get(r.id)!));
}

/** POST /my until the graph holds the seed (read-your-writes: at once, unless a graph write was missed); returns the page size. */
async function waitForGraph(url: string, headers: Record<string, string>, body: string, expected: number): Promise<number> {
  const deadline = performance.now() + 60_000;
  for (;;) {
    const response = await fetch(url, { method: 'POST', headers, body });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`POST /my answered ${response.status}: ${text.slice(0, 120)}`);
    const nodes = Object.values(JSON.parse(text) as Record<string, unknown>).find(Array.isArray)?.length ?? 0;
    if (nodes >= expected) return nodes;
    if (performance.now() > deadline) throw new Error(`the graph holds ${nodes} assets after 60 s; expected ${expected}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function runColdStarts(settings: BenchSettings, fixture: Fixture): Promise<BenchResults['coldStart']> {
  const base = { number: 7 as const, title: 'Lambda cold-start proxy', bundling: { ...NODEJS_FUNCTION_BUNDLING } as Record<string, unknown> };
  if (settings.only.length > 0 && !settings.only.includes('cold-start')) return { ...base, status: 'unavailable', reason: 'skipped (--only)', groups: [] };
  progress('row 7: Lambda cold-start proxy ...\n');
  try {
    const groups: ColdStartGroup[] = await measureColdStarts(fixture, settings.coldStartSamples, TARGETS);
    return { ...base, status: 'ok', groups };
  } catch (error) {
    return { ...base, status: 'unavailable', reason: reasonOf(error), groups: [] };
  }
}

function unavailableEverywhere(settings: BenchSettings, reason: string): Pick<BenchResults, 'rows' | 'coldStart'> {
  return {
    rows: ROWS.map((r) => ({ ...r, status: 'unavailable' as const, reason, targets: [], notes: [] })),
    coldStart: { number: 7, title: 'Lambda cold-start proxy', status: 'unavailable', reason, bundling: {}, groups: [] },
  };
}

async function main(): Promise<number> {
  const settings = parseSettings(process.argv.slice(2));
  if (settings === 'help') {
    console.log(HELP);
    return 0;
  }
  // The bench process only serves one capture request and the auth loop: keep their access lines quiet.
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const loadAverageAtStart = loadavg()[0];
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const fixtureNotes: Record<string, unknown> = {};
  let measured: Pick<BenchResults, 'rows' | 'coldStart'>;
  let fixture: Fixture | undefined;
  try {
    progress('starting DynamoDB Local and cognito-local ...\n');
    fixture = await startFixture();
    const rows = await runRows(settings, fixture, fixtureNotes);
    const coldStart = await runColdStarts(settings, fixture);
    measured = { rows, coldStart };
  } catch (error) {
    // Only the emulators themselves (or a bug here) end up here; still write what we know.
    measured = unavailableEverywhere(settings, `bench fixture failed: ${reasonOf(error)}`);
  } finally {
    await fixture?.stop();
  }

  const results = BenchResults.parse({
    schemaVersion: 2,
    startedAt,
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    smoke: settings.smoke,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.versions.node,
      platform: `${process.platform}-${process.arch}`,
      loadAverage: { atStart: round2(loadAverageAtStart), atEnd: round2(loadavg()[0]) },
    },
    settings: {
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      warmupSeconds: settings.warmupSeconds,
      assets: settings.assets,
      coldStartSamples: settings.coldStartSamples,
      bigTenantAssets: settings.bigTenant,
      loadGenerator: settings.loadGenerator,
    },
    fixture: fixtureNotes,
    ...measured,
  });
  mkdirSync(dirname(settings.outJson), { recursive: true });
  writeFileSync(settings.outJson, JSON.stringify(results, null, 2) + '\n');
  mkdirSync(dirname(settings.outPng), { recursive: true });
  writeChartPng(results, settings.outPng);
  console.log(renderReport(results));
  console.log(`\nwrote ${settings.outJson} and ${settings.outPng}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`bench failed: ${error.message}`);
    process.exit(1);
  },
);
