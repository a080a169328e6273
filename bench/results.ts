/**
 * The shape of `bench/results.json`, defined once: the bench validates what it writes against it, and
 * the smoke test validates what the bench wrote.
 */
import * as z from 'zod';

export const TargetCheck = z.object({
  /** e.g. `req/s >= 1000` */
  name: z.string(),
  met: z.boolean(),
  /** The measured value, as printed. */
  actual: z.string(),
});
export type TargetCheck = z.infer<typeof TargetCheck>;

/** Throughput and latency of one load row; latency in milliseconds. */
export const LoadFigures = z.object({
  requestsPerSecond: z.number().nonnegative(),
  p50Ms: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  /** Requests completed in the measured window (successful ones only). */
  requests: z.number().int().nonnegative(),
  /** Connection errors, timeouts, non-2xx answers or thrown calls. */
  errors: z.number().int().nonnegative(),
  durationSeconds: z.number().positive(),
  /**
   * CPU time (user + system, every thread) the serving process used over the measured window, per
   * successful request: the robust measure on a shared machine. Absent where it cannot be read (no /proc).
   */
  cpuMsPerRequest: z.number().nonnegative().optional(),
  /** 1000 / cpuMsPerRequest: what one fully busy vCPU would serve of this row. */
  requestsPerSecondPerVcpu: z.number().nonnegative().optional(),
  /** DynamoDB Local's CPU per request over the same window (its cost, not ours; Java and in-memory). */
  storeCpuMsPerRequest: z.number().nonnegative().optional(),
});
export type LoadFigures = z.infer<typeof LoadFigures>;

/** `skipped`: not asked for (`--only`, or a row behind a flag that is off); `unavailable`: asked for but could not run. */
export const RowStatus = z.enum(['ok', 'unavailable', 'skipped']);

export const LoadRow = z.object({
  id: z.string(),
  /** 1..6 are issue 7's rows (7 is the cold-start proxy); 8.. were added by issue 16. */
  number: z.number().int().min(1).max(20),
  title: z.string(),
  status: RowStatus,
  /** Why the row could not run (status `unavailable`) or was skipped. */
  reason: z.string().optional(),
  figures: LoadFigures.optional(),
  /** Throughput relative to row 1 (ceiling) and to row 5 (the store alone), when both ran. */
  ratioToCeiling: z.number().nonnegative().optional(),
  ratioToStore: z.number().nonnegative().optional(),
  targets: z.array(TargetCheck),
  notes: z.array(z.string()),
});
export type LoadRow = z.infer<typeof LoadRow>;

export const ColdStartGroup = z.object({
  group: z.string(),
  status: RowStatus,
  reason: z.string().optional(),
  bundleBytes: z.number().int().nonnegative().optional(),
  /** The biggest contributors to the bundle: npm packages by name, our own code as `app`. */
  largestInputs: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative() })).optional(),
  /** The lazily required packages shipped beside the entry (lib/lambda-bundling.ts LAZY_MODULES), loaded on first use, not at cold start. */
  lazyChunks: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative() })).optional(),
  /** Route invoked first (`GET /asset`) and the status it answered. */
  route: z.string().optional(),
  answerStatus: z.number().int().optional(),
  /** Median over `samples` fresh `node` processes: spawn → first answer, as seen by the parent. */
  medianMs: z.number().nonnegative().optional(),
  /** The same, inside the child: node bootstrap → bundle loaded, and the first invocation alone. */
  medianLoadMs: z.number().nonnegative().optional(),
  medianFirstInvokeMs: z.number().nonnegative().optional(),
  samples: z.number().int().nonnegative(),
  targets: z.array(TargetCheck),
});
export type ColdStartGroup = z.infer<typeof ColdStartGroup>;

export const BenchResults = z.object({
  schemaVersion: z.literal(2),
  startedAt: z.string(),
  wallSeconds: z.number().nonnegative(),
  smoke: z.boolean(),
  machine: z.object({
    cpus: z.number().int().positive(),
    cpuModel: z.string(),
    memoryGiB: z.number().positive(),
    node: z.string(),
    platform: z.string(),
    /** 1-minute load average: figures taken on a busy machine (above ~0.5 per core) are not comparable. */
    loadAverage: z.object({ atStart: z.number().nonnegative(), atEnd: z.number().nonnegative() }),
  }),
  settings: z.object({
    connections: z.number().int().positive(),
    durationSeconds: z.number().positive(),
    warmupSeconds: z.number().nonnegative(),
    assets: z.number().int().nonnegative(),
    coldStartSamples: z.number().int().positive(),
    bigTenantAssets: z.number().int().nonnegative(),
    loadGenerator: z.enum(['child', 'in-process']),
  }),
  /** How the fixture was prepared (seeding path, the store calls captured from the route, ...). */
  fixture: z.record(z.string(), z.unknown()),
  rows: z.array(LoadRow),
  coldStart: z.object({
    number: z.literal(7),
    title: z.string(),
    status: RowStatus,
    reason: z.string().optional(),
    bundling: z.record(z.string(), z.unknown()),
    groups: z.array(ColdStartGroup),
  }),
});
export type BenchResults = z.infer<typeof BenchResults>;
