/**
 * Tenant isolation over every client call: each served call of the catalogue, arranged in ada's tenant as usual and
 * then sent exactly as its client sends it but by an outsider (cy, no member of ada's tenant), on both runtimes.
 * - ada's rows are exactly as before the call (nothing changed, nothing added, nothing removed);
 * - a 2xx answer shows none of ada's rows: no key of ada's that is neither in the request nor one of cy's own rows.
 * New routes join by joining the catalogue. Left out: calls authenticated by a secret of the tenant rather than by
 * the caller (the webhook's pin, an API key's secret), which act in that tenant by design.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { useBothRuntimes, type RuntimeName } from './support/both-runtimes';
import { callName, OUTSIDER, TENANT } from './support/catalogue';
import { CATALOGUE } from './calls';
import { isServed } from './support/served';
import { placeholderContext } from './support/placeholder';

const { stack, runtimes } = useBothRuntimes();

/** Every row of a tenant's partition, in key order. */
async function rowsOf(tenant: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await stack.doc.send(
      new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'username = :t', ExpressionAttributeValues: { ':t': tenant }, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    rows.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return rows;
}

const BY_SECRET = (request: { as?: unknown }) => request.as === null;

for (const runtime of ['lambda', 'hono'] as RuntimeName[]) {
  describe(`${runtime} runtime: an outsider's call leaves the tenant's rows alone and shows none of them`, () => {
    for (const call of CATALOGUE) {
      const placeholder = call.request(placeholderContext);
      if (!isServed(placeholder) || BY_SECRET(placeholder)) continue;
      test(callName(call), async () => {
        const c = runtimes()[runtime].context(call);
        await call.arrange?.(c);
        const request = { ...call.request(c), as: 'cy' as const };
        const before = await rowsOf(TENANT);
        const answer = await c.send(request);
        expect(await rowsOf(TENANT)).toEqual(before);
        if (answer.status >= 200 && answer.status < 300) {
          const shown = JSON.stringify(answer.body ?? '');
          const own = new Set((await rowsOf(OUTSIDER)).map((row) => row.key));
          const asked = JSON.stringify(request);
          const leaked = before.map((row) => String(row.key)).filter((key) => !own.has(key) && !asked.includes(key) && shown.includes(JSON.stringify(key)));
          expect(leaked).toEqual([]);
          expect(shown).not.toContain(TENANT);
        }
      });
    }
  });
}
