import type { Whoami } from '../auth/whoami';
import type { TenantRepository } from '../db/repository';
import type { GraphStore } from '../graph/store';
import type { CatchUpLedger } from '../graph/catch-up';
import type { FileStore } from '../files/file-store';
import type { Readiness } from './readiness';
import type { RunIdempotent } from './idempotency';

/**
 * What operations need from the outside world, built once per process (a Lambda container or a
 * Fargate task) by `createDependencies` and handed down. Tests build their own with other tables.
 */
export interface ApiDependencies {
  /** Verifies the caller's credential and the `account` header; throws Unauthenticated or Forbidden. */
  readonly authenticate: (headers: Readonly<Record<string, string>>) => Promise<Whoami>;
  /** `POST /hook/{username}/{pin}`: the tenant whose webhook PIN matches; throws Unauthenticated. */
  readonly authenticateWebhook: (encodedUsername: string, pin: string) => Promise<Whoami>;
  /** `GET /token`: the API key in the request's X-GUARD-API-KEY-* headers for an API token; throws HttpError 401. */
  readonly exchangeApiKey: (headers: Readonly<Record<string, string>>) => Promise<{ token: string; expiresIn: number }>;
  /** The only way to the table: a repository whose partition is the caller's tenant. */
  readonly repository: (whoami: Whoami) => TenantRepository;
  /**
   * The graph projection `POST /my` searches, opened on first use (so a Fargate service whose graph routes
   * are not migrated never needs the Neo4j secret); absent in processes that serve no graph route (503 there).
   */
  readonly graph?: () => Promise<GraphStore>;
  /** Graph reads answer 503 until the graph holds every change the request path could not write to it. */
  readonly graphCatchUp?: CatchUpLedger;
  /** The tenants whose Account rows grant this caller a role (`POST /my?allTenants=true`); absent = own tenant only. */
  readonly memberTenants?: (whoami: Whoami) => Promise<readonly string[]>;
  /** Presigned file URLs; absent when the process has no file store configured (file routes answer 503). */
  readonly files?: FileStore;
  /** Whether the table (and the other dependencies) answer, from a cached probe: the services' `/health/ready`. */
  readonly readiness?: () => Promise<Readiness>;
  /** Runs a creating route's operation at most once per identical request within a window (shared/api/idempotency.ts). */
  readonly idempotent?: RunIdempotent;
}
