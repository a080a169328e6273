/**
 * A service bundle built the way its image builds it: the same esbuild command as the Dockerfile's build
 * stage (containers/<service>/Dockerfile), written to `outDir/server.js`.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SERVICES, type ServiceName } from '../../../shared/routing/routes';
import { REPO_ROOT } from '../../../tooling/paths';

/** The Dockerfile's command, with /out replaced by `outDir`. */
export function buildServiceBundle(service: ServiceName, outDir: string): string {
  const outfile = join(outDir, 'server.js');
  // `npx esbuild` runs this same executable (node_modules/.bin/esbuild → esbuild/bin/esbuild).
  execFileSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'esbuild'),
    [
      `${SERVICES[service].directory}/server.ts`,
      '--bundle',
      '--platform=node',
      '--target=node20',
      '--minify',
      '--sourcemap',
      '--log-level=warning',
      `--outfile=${outfile}`,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return outfile;
}
