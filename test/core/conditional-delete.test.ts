/**
 * Hard deletes are conditional (shared/db/repository.ts `remove`): the DeleteItem removes only the row as
 * it was read. A delete applied late (a hung store, an SDK retry of a timed-out attempt) cannot remove a row
 * re-created or changed meanwhile; a row changed between the read and the delete is re-read and deleted.
 */
import { DeleteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_AWS } from '../../local/emulators';
import type { Whoami } from '../../shared/auth/whoami';
import { newAccount, newAttribute, type Account, type Attribute } from '../../shared/model';
import { repositoryFor, type RepositoryDeps } from '../../shared/db/repository';
import { useEmulators } from '../support/emulators';

const stack = useEmulators();
const A: Whoami = { username: 'del@example.com', tenant: 'del@example.com', role: 'admin', credential: 'jwt' };
const PARENT = '#asset#del.example.com#del.example.com';

/** A repository whose client calls `beforeDelete` before each DeleteItem goes out, and keeps every DeleteItem sent. */
function interceptedRepository(beforeDelete: (attempt: number) => Promise<void> = async () => {}) {
  const sent: DeleteItemCommand[] = [];
  const base = (client ??= new DynamoDBClient({ endpoint: stack.dynamoEndpoint, ...LOCAL_AWS }));
  const dynamodb = {
    send: async (command: unknown) => {
      if (command instanceof DeleteItemCommand) {
        sent.push(command);
        await beforeDelete(sent.length);
      }
      return base.send(command as never);
    },
  } as unknown as DynamoDBClient;
  const deps: RepositoryDeps = { dynamodb, tableName: stack.tableName, offsetSecret: 'test-offset-secret-0123456789abcdef' };
  return { repo: repositoryFor(deps, A), sent, base };
}

let client: DynamoDBClient | undefined;
afterAll(() => client?.destroy());

test('a missing row: nothing to delete (the route answers 404)', async () => {
  const { repo, sent } = interceptedRepository();
  expect(await repo.remove('#attribute#nothing#here')).toBeUndefined();
  expect(sent).toHaveLength(0);
});

test('a delete applied late does not remove the row re-created meanwhile', async () => {
  const { repo, sent, base } = interceptedRepository();
  const original = newAttribute(A.tenant, PARENT, { name: 'port', value: '443' }, new Date('2026-01-01T00:00:00Z'));
  await repo.create(original);
  expect(await repo.remove(original.key)).toMatchObject({ key: original.key, value: '443' });
  // Re-created later (a client retrying after a 503, another analyst), then the first DeleteItem lands again.
  await repo.create(newAttribute(A.tenant, PARENT, { name: 'port', value: '443' }, new Date('2026-01-01T00:00:05Z')));
  await expect(base.send(sent[0])).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
  expect(await repo.get<Attribute>(original.key)).toMatchObject({ created: '2026-01-01T00:00:05Z', version: 1 });
});

test('a row changed between the read and the delete is re-read and deleted as it now is', async () => {
  const { repo: writer } = interceptedRepository();
  const account = newAccount(A.tenant, 'bob@example.com', { role: 'analyst' });
  await writer.create(account);
  const { repo, sent } = interceptedRepository(async (attempt) => {
    if (attempt === 1) await writer.upsert(newAccount(A.tenant, 'bob@example.com', { role: 'admin' }), 'merge');
  });
  const removed = await repo.remove<Account>(account.key);
  expect(removed).toMatchObject({ role: 'admin', version: 2 });
  expect(sent).toHaveLength(2);
  expect(await repo.get(account.key)).toBeUndefined();
});
