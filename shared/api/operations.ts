import type { RouteId } from '../routing/routes';
import type { Operation } from './operation';
import { HttpError } from '../http/errors';

/** Every route id in the route table → its operation. Filled in per route group (issue 4). */
export const OPERATIONS: Record<RouteId, Operation> = new Proxy({} as Record<RouteId, Operation>, {
  get: () => async () => {
    throw new HttpError(501, 'not implemented');
  },
});
