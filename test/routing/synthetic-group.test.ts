/**
 * Adding a route group is adding one folder: a synthetic group, written into a temporary copy of the
 * repository, reaches the route table, a Lambda (CDK template), IAM, the local gateway and OpenAPI.
 * Removing the folder removes it again. The real tree is never touched (other test files run alongside).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeRouteIndex } from '../../scripts/route-index';

const ROOT = resolve(__dirname, '../..');
const COPIED = ['bin', 'lib', 'lambdas', 'containers', 'shared', 'local', 'scripts', 'tooling', 'test/cdk', 'test/routing', 'package.json', 'package-lock.json', 'cdk.json', 'cdk.context.json', 'tsconfig.json'];

let copy: string;
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'synthetic-group-'));
  for (const path of COPIED) cpSync(join(ROOT, path), join(copy, path), { recursive: true, filter: (source) => !source.endsWith('.test.ts') });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
}, 300_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

test('one folder reaches the route table, a Lambda, IAM, the local gateway and OpenAPI; removing it removes it', () => {
  const folder = join(copy, 'shared/routes/probe');
  mkdirSync(folder);
  cpSync(join(__dirname, 'synthetic-group/probe-routes.ts.txt'), join(folder, 'routes.ts'));
  cpSync(join(__dirname, 'synthetic-group/probe-operations.ts.txt'), join(folder, 'operations.ts'));
  expect(writeRouteIndex(copy)).toEqual(['shared/routes/index.ts', 'shared/routes/served.ts']);

  const output = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['test/routing/synthetic-group/check.ts'], { cwd: copy, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  expect(JSON.parse(output.trim().split('\n').pop()!)).toEqual({
    routeTable: ['GET /probe/{id}'],
    lambda: { handler: 'index.handler', hasFilesBucket: true },
    iam: { tableRead: true, tableWrite: false, files: true },
    apiGatewayRoute: true,
    gateway: { status: 200, body: { probe: 'hello' } },
    openapi: 'Echo a path parameter',
  });

  rmSync(folder, { recursive: true });
  writeRouteIndex(copy);
  expect(readFileSync(join(copy, 'shared/routes/index.ts'), 'utf8')).not.toContain('probe');
  expect(readFileSync(join(copy, 'shared/routes/index.ts'), 'utf8')).toBe(readFileSync(join(ROOT, 'shared/routes/index.ts'), 'utf8'));
}, 300_000);
