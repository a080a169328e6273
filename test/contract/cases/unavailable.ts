/** Contract cases of the 'unavailable' route group: each answers 501 saying what this deployment lacks, after authentication. */
import type { RouteId } from '../../../shared/routing/routes';
import { splitRouteId } from '../../../shared/routing/route-group';
import { c } from '../support/case';

const notAvailable = (id: RouteId, body?: unknown) =>
  c(id, 'not available here: 501 {error} saying so; no credentials 401', [], async (t) => {
    const { method, path } = splitRouteId(id);
    const answer = await t.call(method, path, { body });
    expect(answer).toEqual({ status: 501, body: { error: expect.stringMatching(/ is not available in this deployment$/) } });
    expect((await t.call(method, path, { as: null, body })).status).toBe(401);
  });

export const planner = notAvailable('POST /planner', { message: 'hi', mode: 'query' });
export const enhancedAgents = notAvailable('GET /agent/enhanced');
export const brokerGet = notAvailable('POST /broker', { Operation: 'get', CredentialID: 'c1', Category: 'integration', Type: 'aws', Format: 'token' });
export const brokerDelete = notAvailable('DELETE /broker', { CredentialID: 'c1', ResourceKey: '#account#a#b#c', Type: 'aws' });
export const upgrade = notAvailable('POST /upgrade');
