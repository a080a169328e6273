/**
 * The catalogue itself: names unique and honest, and the counts docs/client-compat.md quotes are today's
 * (regenerate them with `npx tsx test/clients/summary.ts` when a wired route turns calls on).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from './calls';
import { callName, CLIENTS } from './support/catalogue';
import { stateOf, summaryTable } from './summary';

describe('the client-call catalogue', () => {
  test('one entry per call: unique names, each naming its client source', () => {
    const names = CATALOGUE.map(callName);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    for (const call of CATALOGUE) {
      expect(CLIENTS).toContain(call.client);
      expect(call.source).toMatch(/\.(py|ts|tsx)\b/);
    }
  });

  test('known-failing marks sit only on served calls (an unserved call is listed, not failed)', () => {
    const marked = CATALOGUE.filter((call) => call.knownFailing && stateOf(call) === 'not served').map(callName);
    expect(marked).toEqual([]);
  });

  test('docs/client-compat.md quotes the current counts', () => {
    const doc = readFileSync(join(__dirname, '../../docs/client-compat.md'), 'utf8');
    expect(doc).toContain(summaryTable());
  });
});
