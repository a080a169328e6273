/**
 * A contract case: one route, one behaviour, run on both runtimes. Cases live per route group
 * (test/contract/cases/<group>.ts). Each runs in tenants of its own (fresh users), and names the cases
 * it builds on (`needs`): those run first, in the same tenants, so any single case can run on its own
 * (`npx jest test/contract -t 'GET /risk: list risks'`).
 */
import type { RouteId } from '../../../shared/routing/routes';
import type { ContractClient } from './client';

export interface ContractCase {
  readonly route: RouteId;
  readonly name: string;
  readonly needs: readonly ContractCase[];
  run(t: ContractClient): Promise<void>;
}

export const c = (route: RouteId, name: string, needs: readonly ContractCase[], run: ContractCase['run']): ContractCase => ({ route, name, needs, run });

/** The case and everything it needs, each once, prerequisites first. */
export function withPrerequisites(contractCase: ContractCase, seen = new Set<ContractCase>()): ContractCase[] {
  if (seen.has(contractCase)) return [];
  seen.add(contractCase);
  return [...contractCase.needs.flatMap((need) => withPrerequisites(need, seen)), contractCase];
}

export const PIN = '3f2c1d7e-8a9b-4c5d-9e0f-1a2b3c4d5e6f';
export const EXAMPLE = '#asset#example.com#example.com';
export const member = (email: string) => `/account/${encodeURIComponent(email)}`;
export const hookPath = (tenant: string, pin: string) => `/hook/${Buffer.from(tenant).toString('base64').replace(/=+$/, '')}/${pin}`;

/** The offset token of the first 2-asset page of the caller's assets. */
export const firstPageOffset = async (t: ContractClient): Promise<string> => (await t.call('GET', '/asset', { query: { limit: 2 } })).body.offset;
