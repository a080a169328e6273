/** The one answer of a route whose machinery this deployment lacks (its declaration's `notAvailable`). */
import { notImplemented } from '../errors';
import type { Operation, RouteSpec } from '../routing/route-group';

/** 501 `{"error": "<machinery> is not available in this deployment"}`, after the dispatcher authenticated the caller. */
export const notAvailable =
  (spec: RouteSpec): Operation =>
  async () => {
    throw notImplemented(`${spec.notAvailable ?? 'this route'} is not available in this deployment`);
  };
