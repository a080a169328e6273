/**
 * The env every backend gets, built in one place per runtime: `lambdaEnvironment` for a group's function (and the
 * authorizer), `containerEnvironment` for a service's task. Both start from the same `RuntimeEnvironment` (names
 * and ARNs of the shared resources) and keep only what the backend's declared `access` needs.
 */
import type { GroupAccess } from './group-access';
import { backendEnvironment } from './group-access';

/** Names and ARNs of the shared resources, and the log level: what any backend may be handed. */
export type RuntimeEnvironment = Readonly<Record<string, string>>;

/** The port the services listen on inside the task (the target group's port). */
export const CONTAINER_PORT = 8080;

/** A Lambda's env: its group's share of the runtime env, named for Powertools. */
export function lambdaEnvironment(name: string, access: GroupAccess, runtime: RuntimeEnvironment): Record<string, string> {
  return { ...backendEnvironment(access, runtime), POWERTOOLS_SERVICE_NAME: name };
}

/** A Fargate task's env: the union of its migrated groups' share, plus the listener port. */
export function containerEnvironment(service: string, access: GroupAccess, runtime: RuntimeEnvironment): Record<string, string> {
  return {
    ...backendEnvironment(access, runtime),
    POWERTOOLS_SERVICE_NAME: service,
    PORT: String(CONTAINER_PORT),
    // The Powertools tracer has no Lambda segment to attach to on Fargate.
    POWERTOOLS_TRACE_ENABLED: 'false',
  };
}
