/**
 * Row 6: auth alone. The shared `authenticate` as the dependencies wire it (JWT verified against the
 * pool's JWKS, then the tenant resolved), called over and over with the same token: the warm path
 * every request after the first takes.
 */
import type { Fixture } from '../fixture';
import { measureLoop, type LoopLoad } from '../load/closed-loop';
import type { LoadFigures } from '../results';

export async function measureAuth(
  fixture: Fixture,
  load: Omit<LoopLoad, 'call'>,
): Promise<LoadFigures> {
  const { createDependencies } = await import('../../shared/api/create-dependencies');
  const deps = await createDependencies(fixture.env);
  const headers = { ...fixture.authHeaders };
  const whoami = await deps.authenticate(headers); // fails loudly (and warms the JWKS cache) before the loop
  if (!whoami.tenant) throw new Error('authenticate returned no tenant');
  return measureLoop({ ...load, call: () => deps.authenticate(headers) });
}
