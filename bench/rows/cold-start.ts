/**
 * Row 7: a Lambda cold-start proxy per route group. Each group's handler is bundled the way the CDK
 * NodejsFunction bundles it, then a fresh `node` process loads the bundle and answers one invocation
 * of the group's first route (a real HTTP API v2 event with the bench user's token), `samples` times.
 */
import { exec, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { routeId, type RouteDefinition } from '../../shared/routing/routes';
import { ROUTE_GROUP_NAMES, ROUTES, routeGroup, type RouteGroup } from '../../shared/routing/table';
import { writeLambdaEntry } from '../../lambdas/runtime/entries';
import { REPO_ROOT } from '../../tooling/paths';
import { LAMBDA_BUNDLING, LAMBDA_EXTERNALS, LAZY_MODULES, lazyChunkCommands } from '../../lib/lambda-bundling';
import { httpApiEvent } from '../../tooling/http-api-emulator/event';
import type { Fixture } from '../fixture';
import type { ColdStartGroup } from '../results';
import { lastErrorLine } from '../servers/spawn';

/**
 * The esbuild call the CDK NodejsFunction makes with `LAMBDA_BUNDLING` (aws-cdk-lib 2.276, CommonJS).
 * The source map is a separate file and is not counted in the bundle size. Its `afterBundling` hook then
 * writes the lazy chunks (`lazyChunkCommands`), which `bundleGroup` runs too.
 */
export const NODEJS_FUNCTION_BUNDLING: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: LAMBDA_BUNDLING.target,
  format: 'cjs',
  minify: LAMBDA_BUNDLING.minify,
  sourcemap: LAMBDA_BUNDLING.sourceMap,
  sourcesContent: LAMBDA_BUNDLING.sourcesContent,
  external: [...LAMBDA_EXTERNALS],
  logLevel: 'silent',
};

interface ChildTiming {
  status?: number;
  loadMs: number;
  firstInvokeMs: number;
  totalMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value: number) => Math.round(value * 10) / 10;

/** The route a cold start answers: the group's first GET (a read, so repeated runs change nothing). */
function firstRoute(group: RouteGroup): RouteDefinition {
  const routes = ROUTES.filter((route) => route.group === group);
  return routes.find((route) => route.method === 'GET') ?? routes[0];
}

/** The event the local gateway would build for the route: one builder for the gateway, the tests and the bench. */
export function coldStartEvent(route: RouteDefinition, headers: Record<string, string>, requestId: string): APIGatewayProxyEventV2 {
  const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => `bench-${name}`);
  // The authorizer has let the request through; the handler verifies the credential again itself.
  return httpApiEvent({
    method: route.method,
    path,
    headers: { host: '127.0.0.1', 'user-agent': 'chariot-bench', ...headers },
    requestId,
  }).event;
}

/** What fills a bundle: output bytes per npm package (or `app` for our own code), largest first. */
function largestInputs(metafile: Metafile): { name: string; bytes: number }[] {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'app';
      bytes.set(name, (bytes.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return [...bytes].map(([name, size]) => ({ name, bytes: size })).sort((a, b) => b.bytes - a.bytes).slice(0, 6);
}

function coldStartOnce(bundle: string, eventFile: string, env: NodeJS.ProcessEnv): Promise<ChildTiming & { wallMs: number }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(__dirname, '..', 'cold-start', 'invoke-child.cjs'), bundle, eventFile], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timing: (ChildTiming & { wallMs: number }) | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // The handler's own log lines come first; ours is the one carrying totalMs.
      for (const line of stdout.split('\n')) {
        if (timing || !line.includes('"totalMs"')) continue;
        timing = { ...(JSON.parse(line) as ChildTiming), wallMs: performance.now() - started };
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (timing) resolvePromise(timing);
      else reject(new Error(`cold start exited ${code}: ${lastErrorLine(stderr)}`));
    });
  });
}

type Sized = { name: string; bytes: number };

/** A group's Lambda asset, as a deploy ships it: the entry `outDir/<group>/index.js` and its lazy chunks beside it. */
export async function bundleGroup(group: RouteGroup, outDir: string): Promise<{ outfile: string; bytes: number; largestInputs: Sized[]; lazyChunks: Sized[] }> {
  const outfile = join(outDir, group, 'index.js');
  const { metafile } = await build({
    ...NODEJS_FUNCTION_BUNDLING,
    entryPoints: [resolve(REPO_ROOT, writeLambdaEntry(routeGroup(group)))],
    outfile,
    metafile: true,
  });
  // Asynchronously, so the groups' bundles and chunks build side by side (a synchronous call would serialise them).
  await Promise.all(lazyChunkCommands(REPO_ROOT, join(outDir, group)).map((command) => promisify(exec)(command, { shell: '/bin/sh' })));
  const lazyChunks = Object.keys(LAZY_MODULES)
    .map((name) => join(outDir, group, 'node_modules', name, 'index.js'))
    .flatMap((file, i) => (existsSync(file) ? [{ name: Object.keys(LAZY_MODULES)[i], bytes: statSync(file).size }] : []));
  return { outfile, bytes: statSync(outfile).size, largestInputs: largestInputs(metafile), lazyChunks };
}

/** The env of a process standing in for a Lambda: the runtime env, and no TS loader inherited from the bench (Lambda loads plain JS). */
export const lambdaEnv = (fixture: Fixture): NodeJS.ProcessEnv => ({ ...fixture.env, NODE_OPTIONS: '', NODE_PATH: join(REPO_ROOT, 'node_modules') });

export async function measureColdStarts(
  fixture: Fixture,
  samples: number,
  targets: { maxBundleBytes: number; maxColdStartMs: number },
): Promise<ColdStartGroup[]> {
  const outDir = join(fixture.workDir, 'bundles');
  mkdirSync(outDir, { recursive: true });
  const groups = ROUTE_GROUP_NAMES;
  // Bundling is independent per group: do it all at once; the cold starts then run one at a time.
  const bundles = await Promise.all(
    groups.map((group) =>
      bundleGroup(group, outDir).then(
        (bundle) => ({ group, ...bundle }),
        (error: Error) => ({ group, error: error.message.split('\n')[0] }),
      ),
    ),
  );
  const env = lambdaEnv(fixture);

  const results: ColdStartGroup[] = [];
  for (const bundle of bundles) {
    const route = firstRoute(bundle.group);
    if ('error' in bundle) {
      results.push({ group: bundle.group, status: 'unavailable', reason: `bundling failed: ${bundle.error}`, samples: 0, targets: [] });
      continue;
    }
    const eventFile = join(outDir, bundle.group, 'event.json');
    // Each file of the asset counts: the entry and every lazy chunk beside it.
    const largestFile = Math.max(bundle.bytes, ...bundle.lazyChunks.map((chunk) => chunk.bytes));
    const chunks = bundle.lazyChunks.map((chunk) => ` + ${chunk.name} ${round(chunk.bytes / 1000)} KB on first use`).join('');
    const sizeTarget = { name: `every file < ${targets.maxBundleBytes / 1000} KB`, met: largestFile < targets.maxBundleBytes, actual: `${round(bundle.bytes / 1000)} KB${chunks}` };
    try {
      writeFileSync(eventFile, JSON.stringify(coldStartEvent(route, { ...fixture.authHeaders }, `bench-${bundle.group}`)));
      const timings = [];
      for (let i = 0; i < samples; i++) timings.push(await coldStartOnce(bundle.outfile, eventFile, env));
      const medianMs = round(median(timings.map((t) => t.wallMs)));
      results.push({
        group: bundle.group,
        status: 'ok',
        bundleBytes: bundle.bytes,
        largestInputs: bundle.largestInputs,
        lazyChunks: bundle.lazyChunks,
        route: routeId(route),
        answerStatus: timings[0].status,
        medianMs,
        medianLoadMs: round(median(timings.map((t) => t.loadMs))),
        medianFirstInvokeMs: round(median(timings.map((t) => t.firstInvokeMs))),
        samples,
        targets: [sizeTarget, { name: `cold start < ${targets.maxColdStartMs} ms`, met: medianMs < targets.maxColdStartMs, actual: `${medianMs} ms` }],
      });
    } catch (error) {
      results.push({
        group: bundle.group,
        status: 'unavailable',
        reason: (error as Error).message,
        bundleBytes: bundle.bytes,
        route: routeId(route),
        samples: 0,
        targets: [sizeTarget],
      });
    }
  }
  return results;
}
