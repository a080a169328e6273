/**
 * The catalogue's counts per client: served and passing / served and known failing / not served.
 *   npx tsx test/clients/summary.ts          the table (docs/client-compat.md quotes it; summary.test.ts keeps it true)
 *   npx tsx test/clients/summary.ts --list   plus every call that is not passing, with its reason
 */
import { CATALOGUE } from './calls';
import { callName, CLIENTS, type ClientCall, type ClientName } from './support/catalogue';
import { isServed } from './support/served';
import { placeholderContext } from './support/placeholder';

export type CallState = 'passing' | 'failing' | 'not served';

export const stateOf = (call: ClientCall): CallState => (!isServed(call.request(placeholderContext)) ? 'not served' : call.knownFailing ? 'failing' : 'passing');

export function summary(calls: readonly ClientCall[] = CATALOGUE): Record<ClientName | 'all', Record<CallState, number>> {
  const empty = () => ({ passing: 0, failing: 0, 'not served': 0 });
  const counts = Object.fromEntries([...CLIENTS, 'all'].map((client) => [client, empty()])) as Record<ClientName | 'all', Record<CallState, number>>;
  for (const call of calls) {
    const state = stateOf(call);
    counts[call.client][state]++;
    counts.all[state]++;
  }
  return counts;
}

/** The markdown table docs/client-compat.md carries. */
export function summaryTable(calls: readonly ClientCall[] = CATALOGUE): string {
  const rows = Object.entries(summary(calls)).map(
    ([client, c]) => `| ${client} | ${c.passing + c.failing + c['not served']} | ${c.passing} | ${c.failing} | ${c['not served']} |`,
  );
  return ['| client | calls | served, passing | served, known failing | not served |', '|---|---|---|---|---|', ...rows].join('\n');
}

if (require.main === module) {
  console.log(summaryTable());
  if (process.argv.includes('--list')) {
    for (const call of CATALOGUE) {
      const state = stateOf(call);
      if (state !== 'passing') console.log(`${state === 'failing' ? 'FAILING   ' : 'NOT SERVED'} ${callName(call)}${call.knownFailing ? ` — ${call.knownFailing}` : ''}`);
    }
  }
}
