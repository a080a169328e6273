/** Command-line flags of `npm run bench`, validated once here. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';

const BENCH_DIR = __dirname;

const Settings = z.object({
  smoke: z.boolean(),
  /** Concurrent connections of every load row, and requests in flight of the store and auth loops. */
  connections: z.number().int().min(1).max(512),
  durationSeconds: z.number().positive(),
  /** Measure a fixed number of requests per row instead of a duration (smoke: 20). */
  requests: z.number().int().positive().optional(),
  warmupSeconds: z.number().nonnegative(),
  /** Assets seeded in the benchmark tenant (the issue asks for 1,000). */
  assets: z.number().int().min(1).max(100_000),
  coldStartSamples: z.number().int().min(1).max(100),
  /** Assets seeded in row 12's second tenant (0: skip the row). */
  bigTenant: z.number().int().min(0).max(1_000_000),
  loadGenerator: z.enum(['child', 'in-process']),
  /** Only these row ids (`ceiling`, `hono`, ... `cold-start`); empty = all. For debugging one row. */
  only: z.array(z.string()),
  /** Where the servers under test write V8 CPU profiles (`--profile DIR`); none when absent. */
  profileDir: z.string().optional(),
  outJson: z.string(),
  outPng: z.string(),
});
export type BenchSettings = z.infer<typeof Settings>;

const HELP = `npm run bench [-- options]
  --smoke                 a few seconds in all: tiny durations, 50 assets, 1 cold-start sample
  --connections N         concurrent connections / requests in flight (default 16)
  --duration S            measured seconds per load row (default 10)
  --requests N            measure N requests per row instead of a duration (smoke: 20, so a busy machine cannot starve a row)
  --warmup S              unmeasured warm-up seconds before each row (default 2; smoke 0)
  --assets N              assets seeded in the tenant (default 1000; smoke 50)
  --samples N             cold starts per Lambda bundle, median reported (default 10; smoke 1)
  --big-tenant N          assets in row 12's second tenant (default 100000; smoke 300; 0 skips the row)
  --load-generator child|in-process   where autocannon runs (default child)
  --only id[,id]          run only these rows: ceiling,hono,lambda-gateway,gateway-hono,store,auth,
                          hono-put,hono-search,hono-graph,lambda-handler,big-tenant,cold-start
  --profile DIR           the servers under test write V8 CPU profiles into DIR/<server>/ (read them with bench/profile-summary.ts)
  --out FILE              results JSON (default bench/results.json)
  --png FILE              chart PNG (default: the JSON path with .png)`;

export function parseSettings(argv: string[]): BenchSettings | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      connections: { type: 'string' },
      duration: { type: 'string' },
      requests: { type: 'string' },
      warmup: { type: 'string' },
      assets: { type: 'string' },
      samples: { type: 'string' },
      'big-tenant': { type: 'string' },
      'load-generator': { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'string' },
      png: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const smoke = values.smoke ?? false;
  const number = (raw: string | undefined, fallback: number) => (raw === undefined ? fallback : Number(raw));
  const outJson = resolve(values.out ?? `${BENCH_DIR}/results.json`);
  return Settings.parse({
    smoke,
    connections: number(values.connections, smoke ? 4 : 16),
    durationSeconds: number(values.duration, smoke ? 0.5 : 10),
    requests: values.requests !== undefined ? Number(values.requests) : smoke ? 20 : undefined,
    warmupSeconds: number(values.warmup, smoke ? 0 : 2),
    assets: number(values.assets, smoke ? 50 : 1000),
    coldStartSamples: number(values.samples, smoke ? 1 : 10),
    bigTenant: number(values['big-tenant'], smoke ? 300 : 100_000),
    loadGenerator: values['load-generator'] ?? 'child',
    only: values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [],
    profileDir: values.profile === undefined ? undefined : resolve(values.profile),
    outJson,
    outPng: resolve(values.png ?? outJson.replace(/\.json$/, '') + '.png'),
  });
}

export { HELP };
