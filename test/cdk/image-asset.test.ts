/**
 * A service image is rebuilt only when what it is built from changes: the asset hash covers the allow-listed build
 * context (lib/service-image.ts), so cdk.json, the docs, tests or another service's entry leave it alone.
 * Checked on a small copy of the repository, edited in place (the real tree is never touched).
 */
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { DockerImageAsset } from 'aws-cdk-lib/aws-ecr-assets';
import { serviceImageOptions, serviceSources } from '../../lib/service-image';
import type { ServiceName } from '../../shared/routing/routes';
import { REPO_ROOT } from '../../tooling/paths';

const SERVICES: readonly ServiceName[] = ['inventory', 'identity', 'operations'];
const EXTRA = ['package.json', 'package-lock.json', 'tsconfig.json', 'containers/Dockerfile', 'cdk.json', 'docs/cdk.md', 'README.md'];

let copy: string;
beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'image-context-'));
  for (const file of new Set([...EXTRA, ...SERVICES.flatMap((service) => serviceSources(service))])) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, file), path.join(copy, file));
  }
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const hashOf = (service: ServiceName) => {
  const stack = new Stack(new App({ outdir: path.join(copy, '.out', String(Math.random()).slice(2)) }), 'Images');
  return new DockerImageAsset(stack, 'Image', { directory: copy, ...serviceImageOptions(service) }).assetHash;
};

test('the image hash ignores cdk.json, docs, tests and other services, and follows the service\'s own sources', () => {
  const before = Object.fromEntries(SERVICES.map((service) => [service, hashOf(service)]));
  expect(new Set(Object.values(before)).size).toBe(3); // SERVICE is a build arg, and each context holds its own entry

  appendFileSync(path.join(copy, 'cdk.json'), '\n');
  appendFileSync(path.join(copy, 'docs/cdk.md'), '\nA flip, made permanent.\n');
  mkdirSync(path.join(copy, 'test'), { recursive: true });
  writeFileSync(path.join(copy, 'test/new.test.ts'), 'test("x", () => {});\n');
  appendFileSync(path.join(copy, 'containers/identity/server.ts'), '\n// identity only\n');
  expect(hashOf('inventory')).toBe(before.inventory);
  expect(hashOf('operations')).toBe(before.operations);
  expect(hashOf('identity')).not.toBe(before.identity);

  appendFileSync(path.join(copy, 'shared/routing/routes.ts'), '\n// shared by every service\n');
  for (const service of SERVICES) expect(hashOf(service)).not.toBe(before[service]);
});
