/** The tenant repository on DynamoDB Local: merge vs visit, pagination, conflicts, isolation. */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Whoami } from '../../shared/auth/whoami';
import { domainErrorResponse } from '../../shared/api/respond';
import { Conflict } from '../../shared/errors';
import { deleteAsset, newAsset, newJob, type Asset, type Job } from '../../shared/model';
import { repositoryFor } from '../../shared/db/repository';
import { useEmulators } from '../support/emulators';

const stack = useEmulators();
const A: Whoami = { username: 'a@example.com', tenant: 'a@example.com', role: 'admin', credential: 'jwt' };
const B: Whoami = { username: 'b@example.com', tenant: 'b@example.com', role: 'admin', credential: 'jwt' };

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    const mapped = domainErrorResponse(error); // the status the edge answers for this domain error
    if (mapped) return mapped.status;
    throw error;
  }
}

test('upsert: insert, merge writes history, visit refreshes without history; tenant forced from Whoami', async () => {
  const repo = stack.core().repository(A);
  const first = await repo.upsert({ ...newAsset(A.tenant, { dns: 'example.com', tags: ['x'] }), username: 'b@example.com' }, 'visit');
  expect(first.created).toBe(true);
  expect(first.row.username).toBe(A.tenant);
  expect(await stack.core().repository(B).get(first.row.key)).toBeUndefined();

  const merged = await repo.upsert({ ...newAsset(A.tenant, { dns: 'example.com', status: 'F' }), comment: 'out of scope' } as Asset, 'merge');
  expect(merged.row).toMatchObject({ status: 'F', ttl: 0, version: 2 });
  expect((merged.row as Asset).history).toEqual([expect.objectContaining({ from: 'A', to: 'F', by: A.username, comment: 'out of scope' })]);

  const visited = await repo.upsert(newAsset(A.tenant, { dns: 'example.com', tags: ['y'] }, new Date(Date.now() + 5000)), 'visit');
  expect(visited.row).toMatchObject({ status: 'F', tags: ['x', 'y'], version: 3 });
  expect((visited.row as Asset).history).toHaveLength(1);

  const deleted = await repo.update<Asset>(first.row.key, (a) => deleteAsset(a, A.username));
  expect(deleted.status).toBe('D');
  expect(await status(repo.update('#asset#missing#missing', (a) => a))).toBe(404);
  expect(await status(repo.create(first.row))).toBe(409);
});

test('pagination over 3+ pages with opaque offsets, exact match, field search through a GSI', async () => {
  const repo = stack.core().repository(A);
  const target = newAsset(A.tenant, { dns: 'page.example.com' });
  for (let i = 0; i < 7; i++) await repo.create(newJob(A.tenant, target, { capability: `cap${i}` }));
  const seen: string[] = [];
  let offset: string | undefined;
  let pages = 0;
  do {
    const page: { items: Job[]; offset?: string } = await repo.query<Job>({ key: '#job#page.example.com#', limit: 3, offset });
    seen.push(...page.items.map((j) => j.key));
    offset = page.offset;
    pages++;
    if (offset) expect(offset).not.toContain('page.example.com');
  } while (offset);
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(new Set(seen).size).toBe(7);

  const exact = await repo.query({ key: '#job#page.example.com#page.example.com#cap3', exact: true });
  expect(exact.items).toHaveLength(1);
  const queued = await repo.query({ key: 'status:JQ', label: 'job' });
  expect(queued.items.length).toBe(7);
  const bySource = await repo.query({ key: 'source:cap1', label: 'job' });
  expect(bySource.items.map((j) => j.key)).toEqual(['#job#page.example.com#page.example.com#cap1']);
  expect(await status(repo.query({ key: 'secret:x' }))).toBe(400);
});

test('offset tokens: tampered, or replayed by another tenant or on another query → 400, never data', async () => {
  const repoA = stack.core().repository(A);
  const repoB = stack.core().repository(B);
  for (let i = 0; i < 3; i++) await repoB.create(newJob(B.tenant, newAsset(B.tenant, { dns: 'b.example.com' }), { capability: `c${i}` }));
  const pageB = await repoB.query({ key: '#job#', limit: 1 });
  expect(pageB.offset).toBeDefined();
  expect(await status(repoA.query({ key: '#job#', limit: 1, offset: pageB.offset }))).toBe(400);
  expect(await status(repoB.query({ key: '#job#b', limit: 1, offset: pageB.offset }))).toBe(400);
  const [payload, mac] = pageB.offset!.split('.');
  const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('b@example.com', 'a@example.com')).toString('base64url');
  expect(await status(repoB.query({ key: '#job#', limit: 1, offset: `${forged}.${mac}` }))).toBe(400);
  expect(await status(repoB.query({ key: '#job#', limit: 1, offset: 'garbage' }))).toBe(400);
  // Deterministic: the same page gives the same token (both runtimes must agree).
  expect((await repoB.query({ key: '#job#', limit: 1 })).offset).toBe(pageB.offset);
  // A's key strings never reach B's rows.
  expect(await repoA.get(pageB.items[0].key)).toBeUndefined();
});

test('two concurrent writers: neither update is lost', async () => {
  const core = stack.core();
  const repo = core.repository(A);
  const asset = (await repo.create(newAsset(A.tenant, { dns: 'race.example.com' }))) as Asset;
  const writers = Array.from({ length: 4 }, (_, i) =>
    core.repository(A).update<Asset>(asset.key, (a) => ({ ...a, tags: [...(a.tags ?? []), `w${i}`] })),
  );
  const results = await Promise.allSettled(writers);
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  const final = (await repo.get<Asset>(asset.key))!;
  // Every successful writer's tag is there; a writer that gave up got a 409, never silence.
  expect(final.tags?.length).toBe(ok);
  for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(Conflict);
  expect(final.version).toBe(1 + ok);
});

test('a write landing between our read and our write makes ours retry and re-merge', async () => {
  const core = stack.core();
  const asset = (await core.repository(A).create(newAsset(A.tenant, { dns: 'sneaky.example.com' }))) as Asset;
  let injected = false;
  // A client whose first conditional Put is preceded by another writer's update.
  const racingClient = {
    send: async (command: unknown) => {
      if (!injected && command instanceof PutItemCommand) {
        injected = true;
        await stack.doc.send(new PutCommand({ TableName: stack.tableName, Item: { ...asset, tags: ['other'], version: 2 } }));
      }
      return core.repositoryDeps.dynamodb.send(command as PutItemCommand);
    },
  } as unknown as typeof core.repositoryDeps.dynamodb;
  const repo = repositoryFor({ ...core.repositoryDeps, dynamodb: racingClient }, A);
  let calls = 0;
  const result = await repo.update<Asset>(asset.key, (a) => {
    calls++;
    return { ...a, tags: [...(a.tags ?? []), 'mine'] };
  });
  expect(calls).toBe(2);
  expect(result.tags).toEqual(['other', 'mine']);
  expect((await core.repository(A).get<Asset>(asset.key))!.tags).toEqual(['other', 'mine']);
});

test('global partition is readable, not writable', async () => {
  await stack.doc.send(new PutCommand({ TableName: stack.tableName, Item: { username: 'global', key: '#setting#banner', name: 'banner', value: 'hi' } }));
  const repo = stack.core().repository(A);
  expect((await repo.query({ key: '#setting#', global: true })).items).toEqual([expect.objectContaining({ value: 'hi' })]);
  expect(await repo.get('#setting#banner')).toBeUndefined();
  expect(() => stack.core().repository({ ...A, tenant: 'global' })).toThrow();
});
