/**
 * Row 12: a second tenant holding `count` assets (100,000 by default), seeded straight into the table
 * in parallel batches, read through the same service as row 2. A page is one `Query` with `Limit`, so
 * its cost should not depend on the tenant's size: compare the row's CPU per request with row 2's.
 */
import { createUser, signIn } from '../../local/emulators';
import type { Fixture } from '../fixture';
import { seedTable } from '../seed';

export const BIG_TENANT_USER = { email: 'bench-big@chariot.local', password: 'Bench-Passw0rd!' } as const;

export async function bigTenant(fixture: Fixture, count: number): Promise<{ headers: Record<string, string>; seedSeconds: number }> {
  await createUser(fixture.cognito.endpoint, fixture.pool, BIG_TENANT_USER);
  const { idToken } = await signIn(fixture.cognito.endpoint, fixture.pool, BIG_TENANT_USER.email, BIG_TENANT_USER.password);
  const started = performance.now();
  await seedTable(fixture.dynamoDbClient, fixture.tableName, count, BIG_TENANT_USER.email, 8);
  return { headers: { authorization: `Bearer ${idToken}` }, seedSeconds: Math.round(performance.now() - started) / 1000 };
}
