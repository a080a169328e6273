/**
 * The image of a Hono service: one Dockerfile (containers/Dockerfile, `ARG SERVICE`), Node 22 on arm64, and a build
 * context that is an allow-list: the files the service's bundle imports (esbuild's metafile), the lock file, the
 * build script and the Dockerfile. The asset hash is computed over exactly those files, so changing cdk.json, the
 * docs, a test or another service's entry never rebuilds (or redeploys) this image.
 */
import { buildSync } from 'esbuild';
import { IgnoreMode } from 'aws-cdk-lib';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { SERVICES, type ServiceName } from '../shared/routing/routes';
import { serviceBuildOptions } from '../scripts/build-service';
import { REPO_ROOT } from '../tooling/paths';

export const SERVICE_DOCKERFILE = 'containers/Dockerfile';
/** The build command: it runs in the image too (tsx), so it and what it imports are in every context. */
const BUILD_SCRIPT = 'scripts/build-service.ts';
const BUILD_SCRIPT_OUTPUT = 'build-service';
/** What the build needs besides sources: `npm ci` inputs, the compiler options, the Dockerfile. */
const BUILD_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', SERVICE_DOCKERFILE];

let sourcesByService: Map<ServiceName, readonly string[]> | undefined;

/**
 * The repository files (not node_modules: the lock file stands for those) that `service`'s bundle is built from.
 * One esbuild pass over every service (no minify, no write) gives each output's inputs; cached per process.
 */
export function serviceSources(service: ServiceName): readonly string[] {
  if (!sourcesByService) {
    const services = Object.keys(SERVICES) as ServiceName[];
    const options = services.map((name) => serviceBuildOptions(name, REPO_ROOT));
    const { metafile } = buildSync({
      ...options[0],
      entryPoints: {
        ...Object.fromEntries(services.map((name, i) => [name, (options[i].entryPoints as string[])[0]])),
        [BUILD_SCRIPT_OUTPUT]: BUILD_SCRIPT,
      },
      outfile: undefined,
      outdir: 'dist',
      minify: false,
      sourcemap: false,
      write: false,
      metafile: true,
      // Packages come from the lock file; only the repository's own sources matter here (and resolving them is fast).
      packages: 'external',
      logLevel: 'silent',
    });
    const inputsOf = (output: string) =>
      Object.keys(metafile!.outputs[`dist/${output}.js`].inputs).filter((file) => !file.startsWith('node_modules/') && !file.includes(':'));
    const buildScript = inputsOf(BUILD_SCRIPT_OUTPUT);
    sourcesByService = new Map(services.map((name) => [name, [...new Set([...inputsOf(name), ...buildScript])].sort()]));
  }
  return sourcesByService.get(service)!;
}

/** Docker-ignore patterns: everything out, then each allowed file back in. */
export function imageContextExclude(service: ServiceName): string[] {
  return ['**', ...[...BUILD_FILES, ...serviceSources(service)].map((file) => `!${file}`)];
}

/** The asset options of `service`'s image (the test of the hash applies them to a copy of the repository). */
export function serviceImageOptions(service: ServiceName) {
  return {
    file: SERVICE_DOCKERFILE,
    buildArgs: { SERVICE: service },
    platform: Platform.LINUX_ARM64,
    ignoreMode: IgnoreMode.DOCKER,
    exclude: imageContextExclude(service),
  };
}

export function serviceImage(service: ServiceName): ecs.ContainerImage {
  return ecs.ContainerImage.fromAsset(REPO_ROOT, serviceImageOptions(service));
}
