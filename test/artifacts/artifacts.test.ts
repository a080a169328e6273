/**
 * What deploys is what is tested: the contract cases against the artifacts a deploy ships (see
 * support/deployed.ts): dev's Lambda bundles as `cdk synth` stages them, and the three service bundles
 * built as their images build them, one group of each service migrated so every service has a task
 * definition. Each request goes where the synthesized routes send it, every token resolved to the emulators.
 *
 * Subset: every case except those that need the file bucket, which is S3 in the template and has no stand-in
 * here: the `file` group's (its cases check the local store's URLs; presigning needs no S3, but the URL shape
 * differs) and the risk export (it writes the CSV to the bucket). In file order, once. A test of its own shows
 * the staged S3 SDK loads and signs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useEmulators } from '../support/emulators';
import { withPrerequisites, type ContractCase } from '../contract/support/case';
import { ContractClient, type Caller } from '../contract/support/client';
import { captureStdout, type CapturedLines } from '../contract/support/stdout';
import { startDeployedArtifacts, type DeployedArtifacts } from './support/deployed';

/** One small group per service, so each service bundle serves traffic; the other groups stay on their Lambda bundles. */
const MIGRATED = { 'migrate:attribute': 'fargate', 'migrate:capabilities': 'fargate', 'migrate:token': 'fargate' } as const;
const SKIPPED_GROUPS = new Set(['file']);
const SKIPPED_ROUTES = new Set(['GET /risk/export']);

const CASES: readonly ContractCase[] = readdirSync(join(__dirname, '../contract/cases'))
  .filter((file) => file.endsWith('.ts') && !SKIPPED_GROUPS.has(file.replace(/\.ts$/, '')))
  .sort()
  .flatMap((file) => Object.values(require(join(__dirname, '../contract/cases', file)) as Record<string, ContractCase>))
  .filter((contractCase) => !SKIPPED_ROUTES.has(contractCase.route));

const stack = useEmulators();
const signedUp = new Map<string, Promise<Caller>>();
const user = (email: string): Promise<Caller> => {
  if (!signedUp.has(email)) signedUp.set(email, stack.user(email));
  return signedUp.get(email)!;
};

let artifacts: DeployedArtifacts | undefined;
let client: ContractClient;
let stdout: CapturedLines;

beforeAll(async () => {
  stdout = captureStdout();
  artifacts = await startDeployedArtifacts(stack, { env: 'dev', ...MIGRATED });
  client = new ContractClient(artifacts.runtime, user);
  stdout.restore();
  process.stdout.write(`artifact suite setup (ms): ${JSON.stringify(artifacts.timings)}\n`);
  // Synth with real bundling, three service bundles and a dozen processes: minutes on a busy 2-core machine.
}, 600_000);

afterAll(async () => {
  stdout?.restore();
  await artifacts?.close();
});

test('every route group is served by a deployed artifact: Lambda bundles and each service bundle', () => {
  const served = new Set(Object.values(artifacts!.backends));
  expect([...served].sort()).toEqual(['identity', 'inventory', 'lambda', 'operations']);
});

test('no staged Lambda file imports a package with import(): the runtime SDK is on NODE_PATH, which only require() searches', () => {
  const files = artifacts!.lambdaAssets.flatMap((dir) =>
    (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.js')).map((file) => join(dir, file)),
  );
  expect(files.length).toBeGreaterThan(artifacts!.lambdaAssets.length);
  const bareImports = files.flatMap((file) => (readFileSync(file, 'utf8').match(/\bimport\(\s*["'](?!node:)[^."'/][^"']*["']\s*\)/g) ?? []).map((found) => `${file}: ${found}`));
  expect(bareImports).toEqual([]);
});

test('the staged file bundles load the S3 SDK: a presigned upload URL, and a 503 where S3 itself is needed (none runs here)', async () => {
  client.startCase('PUT /file', 'the S3 SDK in the staged bundle', 1);
  expect(await client.call('PUT', '/file', { query: { name: 'proofs/staged.txt' } })).toMatchObject({ status: 200, body: { url: expect.stringContaining('proofs/staged.txt') } });
  client.startCase('GET /risk/export', 'the S3 SDK in the staged bundle', 1);
  expect(await client.call('GET', '/risk/export')).toMatchObject({ status: 503, body: { error: 'file storage is unavailable' } });
});

test('the staged authorizer bundle allows a signed-in user and denies a forged token', async () => {
  const ada = await user('authorizer-ada@alpha.test');
  expect(await artifacts!.authorize({ authorization: `Bearer ${ada.idToken}` })).toMatchObject({ isAuthorized: true, context: { credential: expect.any(String) } });
  expect(await artifacts!.authorize({ authorization: `Bearer ${ada.idToken.slice(0, -4)}AAAA` })).toMatchObject({ isAuthorized: false });
});

describe('contract cases on the deployed artifacts', () => {
  CASES.forEach((contractCase, index) => {
    test(`${contractCase.route}: ${contractCase.name}`, async () => {
      client.startCase(contractCase.route, contractCase.name, index + 1);
      for (const step of withPrerequisites(contractCase)) await step.run(client);
    });
  });
});
