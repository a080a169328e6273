import { ROUTE_GROUP_LIST } from '../routes';
import type { ServiceName } from '../routing/routes';
import { apiBinding, combinedAccess, type Binding } from './binding';

/**
 * A Fargate service's binding: the union of every group it serves. The process mounts all of them
 * (the ALB forwards only the migrated ones), so that is what it needs at start; the CDK derives the
 * task definition's env, secrets and grants from this same function.
 */
export function serviceBinding(service: ServiceName): Binding {
  return apiBinding(combinedAccess(ROUTE_GROUP_LIST.filter((group) => group.service === service).map((group) => group.access)));
}
