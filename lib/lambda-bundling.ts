import { join } from 'node:path';

/**
 * How every Lambda is bundled (esbuild, CommonJS). The CDK `NodejsFunction`s and the bench's cold-start
 * row both read this, so the bundle the bench measures is the one a deploy ships. The AWS SDK v3 comes
 * with the nodejs22.x runtime, so it stays out of the bundle (bundled, even tree-shaken from its ESM
 * build, it adds about 700 KB; docs/bench.md).
 */
export const LAMBDA_BUNDLING = {
  target: 'node22',
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  externalModules: ['@aws-sdk/*'],
} as const;

/**
 * Packages only some invocations need, each required on first use: kept out of the entry bundle and shipped
 * beside it as one minified file, `node_modules/<name>/index.js` in the same asset, which Node's `require`
 * finds from the entry. A cold start then neither parses nor pays for them (issue 16: every bundle < 500 KB).
 */
export const LAZY_MODULES = {
  /** The Neo4j graph store, on the first graph query (shared/graph/config.ts). */
  'neo4j-driver': { alias: { rxjs: 'lib/bundling/no-rxjs' } },
  /** Public-suffix lookups, on the first asset whose dns is classified (shared/model/asset.ts). */
  tldts: { alias: {} },
} as const satisfies Record<string, { alias: Record<string, string> }>;

export type LazyModule = keyof typeof LAZY_MODULES;

/** The entry bundle's externals: the runtime's SDK and the lazily loaded chunks. */
export const LAMBDA_EXTERNALS: readonly string[] = [...LAMBDA_BUNDLING.externalModules, ...Object.keys(LAZY_MODULES)];

/**
 * Shell commands (CDK `afterBundling`, run after the entry is bundled into `outputDir/index.js`) that write each
 * lazy chunk the entry requires. The bench runs the same commands, so it measures the asset a deploy ships.
 * `rxjs` is aliased to a stub: only neo4j-driver's reactive sessions use it, and none is opened here (162 KB).
 */
export function lazyChunkCommands(repoRoot: string, outputDir: string): string[] {
  const esbuild = join(repoRoot, 'node_modules', '.bin', 'esbuild');
  return Object.entries(LAZY_MODULES).map(([name, { alias }]) => {
    const args = [
      `"${esbuild}"`,
      name,
      '--bundle',
      '--platform=node',
      `--target=${LAMBDA_BUNDLING.target}`,
      '--format=cjs',
      '--minify',
      '--log-level=warning',
      ...LAMBDA_BUNDLING.externalModules.map((external) => `"--external:${external}"`),
      ...Object.entries(alias).map(([from, to]) => `"--alias:${from}=${join(repoRoot, to)}"`),
      `"--outfile=${join(outputDir, 'node_modules', name, 'index.js')}"`,
    ];
    return `if grep -q 'require("${name}")' "${join(outputDir, 'index.js')}"; then cd "${repoRoot}" && ${args.join(' ')}; fi`;
  });
}
