import type { Whoami } from '../auth/whoami';

/**
 * What operations need from the outside world, built once per process (a Lambda container or a
 * Fargate task) and handed down. Filled in as the core lands: auth, the table, files, the graph.
 */
export interface ApiDependencies {
  /** Verifies the caller's credential and the `account` header; throws HttpError 401/403. */
  readonly authenticate: (headers: Readonly<Record<string, string>>) => Promise<Whoami>;
}
