/**
 * The client catalogue on both runtimes. Per call:
 * - route served, answer what the client reads → a passing test;
 * - route served, answer not (yet) what the client reads → `test.failing` with the reason: the suite stays green, and
 *   the day it starts passing jest fails it, so the mark must be removed (the gap closes visibly);
 * - route not served → `test.todo`: listed, not run. Wiring a route turns its calls on with no edit here.
 * The summary per client is printed by `npx tsx test/clients/summary.ts` and checked in summary.test.ts.
 */
import { useBothRuntimes, type RuntimeName } from './support/both-runtimes';
import { callName } from './support/catalogue';
import { CATALOGUE } from './calls';
import { isServed } from './support/served';
import { placeholderContext } from './support/placeholder';

const { runtimes } = useBothRuntimes();

for (const runtime of ['lambda', 'hono'] as RuntimeName[]) {
  describe(`${runtime} runtime`, () => {
    for (const call of CATALOGUE) {
      const name = callName(call);
      if (!isServed(call.request(placeholderContext))) {
        test.todo(`${name} (not served)`);
        continue;
      }
      const run = async () => {
        const c = runtimes()[runtime].context(call);
        await call.arrange?.(c);
        await call.reads(await c.send(call.request(c)), c);
      };
      if (call.knownFailing) test.failing(`${name} [known failing: ${call.knownFailing}]`, run);
      else test(name, run);
    }
  });
}
