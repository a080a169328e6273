/**
 * The env a backend gets besides its binding (lib/runtime-binding.ts derives that part from
 * shared/config/binding.ts): its Powertools name, and for a service's task the listener port.
 */

/** The port the services listen on inside the task (the target group's port). */
export const CONTAINER_PORT = 8080;

/** A Lambda's own env: named for Powertools. */
export function lambdaEnvironment(name: string): Record<string, string> {
  return { POWERTOOLS_SERVICE_NAME: name };
}

/** A Fargate task's own env: named for Powertools, plus the listener port. */
export function containerEnvironment(service: string): Record<string, string> {
  return {
    POWERTOOLS_SERVICE_NAME: service,
    PORT: String(CONTAINER_PORT),
  };
}
