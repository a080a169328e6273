import type { RequestLogger } from '../observability/logger';
import type { Whoami } from '../auth/whoami';
import type { ApiRequest, ApiResponse } from '../http/types';
import type { ApiDependencies } from './dependencies';

export interface OperationContext {
  readonly request: ApiRequest;
  /** The authenticated caller; undefined only on public routes, which authenticate themselves (webhook PIN). */
  readonly whoami: Whoami | undefined;
  readonly deps: ApiDependencies;
  readonly logger: RequestLogger;
}

/** What a route does, once, for both runtimes: validated input in, a status and JSON body out. */
export type Operation = (context: OperationContext) => Promise<ApiResponse>;
