/**
 * A service bundle built the way its image builds it: the image's build stage (containers/Dockerfile) runs
 * `npm run build:service -- <service> --outdir /out`; this runs the same command with `outDir` instead.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ServiceName } from '../../../shared/routing/routes';
import { REPO_ROOT } from '../../../tooling/paths';

export function buildServiceBundle(service: ServiceName, outDir: string): string {
  execFileSync('npm', ['run', '--silent', 'build:service', '--', service, '--outdir', outDir], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(outDir, 'server.js');
}
