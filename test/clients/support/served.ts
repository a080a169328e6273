/**
 * Is a client's request served by the route table today? The one place that asks, so that when the route
 * table moves (route-group modules) only this file changes. Exact API Gateway semantics: no trailing-slash
 * folding (chariot-ui's `POST /job/` is its own route), `{param}` matches one segment.
 */
import { matchPath } from '../../../shared/routing/routes';
import { ROUTES } from '../../../shared/routing/table';
import type { ClientRequest } from './catalogue';

export const isServed = (request: Pick<ClientRequest, 'method' | 'path'>): boolean =>
  ROUTES.some((route) => route.method === request.method && matchPath(route.path, request.path.split('?')[0]) !== undefined);
