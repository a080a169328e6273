/**
 * How every Lambda is bundled (esbuild, CommonJS). The CDK `NodejsFunction`s and the bench's cold-start
 * row both read this, so the bundle the bench measures is the one a deploy ships. The AWS SDK v3 comes
 * with the nodejs22.x runtime, so it stays out of the bundle.
 */
export const LAMBDA_BUNDLING = {
  target: 'node22',
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  externalModules: ['@aws-sdk/*'],
} as const;
