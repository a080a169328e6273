/**
 * Builds one Hono service's bundle: `npm run build:service -- <service> [--outdir DIR]` (default dist/<service>).
 * The image build (containers/Dockerfile) runs exactly this command, and so can a test that wants the
 * bundle the image ships. The CDK reads `serviceBuildOptions` too, to allow-list the image's build context
 * (lib/service-image.ts): the files this bundle imports, and nothing else.
 */
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { SERVICES, type ServiceName } from '../shared/routing/routes';

/** The Node major the images run (containers/Dockerfile) and Lambda runs (nodejs22.x). */
export const SERVICE_NODE_TARGET = 'node22';

export const isServiceName = (name: string): name is ServiceName => Object.hasOwn(SERVICES, name);

/** esbuild options of a service bundle, relative to `root` (the repository, or the image's build context). */
export function serviceBuildOptions(service: ServiceName, root: string, outdir = path.join(root, 'dist', service)): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [`${SERVICES[service].directory}/server.ts`],
    bundle: true,
    platform: 'node',
    target: SERVICE_NODE_TARGET,
    format: 'cjs',
    minify: true,
    sourcemap: true,
    outfile: path.join(outdir, 'server.js'),
    logLevel: 'warning',
  };
}

async function main(argv: readonly string[]) {
  const [service, ...rest] = argv;
  if (!service || !isServiceName(service)) {
    console.error(`usage: npm run build:service -- <${Object.keys(SERVICES).join('|')}> [--outdir DIR]`);
    process.exit(2);
  }
  const at = rest.indexOf('--outdir');
  const root = path.resolve(__dirname, '..');
  const outdir = at >= 0 && rest[at + 1] ? path.resolve(rest[at + 1]) : undefined;
  await build(serviceBuildOptions(service, root, outdir));
}

if (require.main === module) void main(process.argv.slice(2));
