/**
 * Both runtimes for the resilience suites (writes, fuzz, faults): the pair every comparing suite uses
 * (test/contract/support/both-runtimes.ts), with one set of users in one tenant numbering for every test
 * and a `ContractClient` per runtime.
 */
import type { TestStack } from '../../support/emulators';
import { ContractClient, emailOf, type Caller, type UserName } from '../../contract/support/client';
import { RUNTIMES, startRuntimePair, type RuntimeName } from '../../contract/support/both-runtimes';
import type { Runtime } from '../../contract/support/runtimes';

export { RUNTIMES, type RuntimeName };

/** The suites share one tenant numbering: their rows are checked across tests (and by key in the tables). */
const TENANTS = 0;
const USER_NAMES: readonly UserName[] = ['ada', 'bob', 'cy', 'dee'];
export const EMAILS = Object.fromEntries(USER_NAMES.map((name) => [name, emailOf(name, TENANTS)])) as Readonly<Record<UserName, string>>;

export interface BothRuntimes {
  readonly users: Readonly<Record<UserName, Caller>>;
  readonly clients: Readonly<Record<RuntimeName, ContractClient>>;
  readonly tables: Readonly<Record<RuntimeName, string>>;
  readonly runtimes: Readonly<Record<RuntimeName, Runtime>>;
  close(): Promise<void>;
}

/** `env` is added to both runtimes' environment (e.g. short DynamoDB deadlines for the fault suite). */
export async function startBothRuntimes(stack: TestStack, env: Record<string, string> = {}): Promise<BothRuntimes> {
  const callers = await Promise.all(USER_NAMES.map(async (name) => [EMAILS[name], await stack.user(EMAILS[name])] as const));
  const byEmail = new Map<string, Caller>(callers);
  const users = Object.fromEntries(USER_NAMES.map((name) => [name, byEmail.get(EMAILS[name])!])) as Record<UserName, Caller>;
  const directory = async (email: string): Promise<Caller> => {
    const caller = byEmail.get(email);
    if (!caller) throw new Error(`the resilience suites sign up only ${Object.values(EMAILS).join(', ')}, not ${email}`);
    return caller;
  };
  const pair = await startRuntimePair(stack, { POWERTOOLS_LOG_LEVEL: 'ERROR', LOG_LEVEL: 'ERROR', ...env });
  const client = (runtime: RuntimeName): ContractClient => {
    const c = new ContractClient(pair.runtimes[runtime], directory);
    c.startCase('GET /my', 'resilience', TENANTS);
    return c;
  };
  return {
    users,
    clients: { lambda: client('lambda'), hono: client('hono') },
    tables: pair.tables,
    runtimes: pair.runtimes,
    close: () => pair.close(),
  };
}
