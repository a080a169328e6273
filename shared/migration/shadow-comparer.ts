/**
 * The shadow comparer, the AWS half that runs in the VPC (lambdas/shadow-comparer/handler.ts is its edge):
 * repeats a shadowed GET on the route's service, with the caller's credentials, and compares the service's
 * answer with the fingerprint of what the caller got (shared/migration/compare.ts, the same normalisation
 * and path diff as the local gateway's shadow). A match or mismatch is counted per route (ShadowMatch /
 * ShadowMismatch, runtime `shadow`); a mismatch logs at most 5 paths with type#hash, never values.
 */
import * as z from 'zod';
import { SHADOW_VARIABLES } from '../config/binding';
import type { RouteMetrics } from '../observability/route-metrics';
import type { RequestLogger } from '../observability/logger';
import { compareFingerprints, fingerprint, type Comparison } from './compare';
import type { ShadowRequest } from './shadow-copy';

/** How long the comparer waits for the service: below its own timeout, so a slow service is logged, not killed. */
export const SERVICE_TIMEOUT_MS = 10_000;

const TargetsSchema = z.record(z.string(), z.url());

/** Service → base URL of its shadow listener (`SHADOW_TARGETS`). Throws when missing or malformed. */
export function shadowTargets(env: NodeJS.ProcessEnv): Readonly<Record<string, string>> {
  const raw = env[SHADOW_VARIABLES.targets];
  const parsed = raw ? TargetsSchema.safeParse(JSON.parse(raw)) : undefined;
  if (!parsed?.success) throw new Error(`${SHADOW_VARIABLES.targets} must be JSON {"<service>": "http://<internal ALB>:<port>"}`);
  return parsed.data;
}

export interface ComparerDependencies {
  readonly targets: Readonly<Record<string, string>>;
  readonly metrics: Pick<RouteMetrics, 'recordShadow'>;
  readonly logger: RequestLogger;
  readonly timeoutMs?: number;
}

/** One comparison; 'error' when the service could not be asked (logged, not counted as a mismatch). */
export async function compareShadowCopy(copy: ShadowRequest, deps: ComparerDependencies): Promise<Comparison | 'error'> {
  const target = deps.targets[copy.service];
  if (!target) {
    deps.logger.error({ message: 'shadow copy for a service without a target', route: copy.route, shadow_service: copy.service });
    return 'error';
  }
  let answer: { status: number; body: Buffer };
  try {
    const query = copy.rawQueryString ? `?${copy.rawQueryString}` : '';
    const response = await fetch(`${target}${copy.path}${query}`, {
      // Its own request id, so the service's log line of the copy is not mistaken for a second real call.
      headers: { ...copy.headers, 'x-request-id': `${copy.requestId}-shadow` },
      signal: AbortSignal.timeout(deps.timeoutMs ?? SERVICE_TIMEOUT_MS),
    });
    answer = { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  } catch (error) {
    deps.logger.warn({ message: 'shadow copy failed', route: copy.route, error: String(error) });
    return 'error';
  }
  const result = compareFingerprints(copy.primary, fingerprint(answer));
  deps.metrics.recordShadow(copy.route, result.match);
  if (!result.match) deps.logger.warn({ message: 'shadow mismatch', route: copy.route, diffs: result.diffs });
  return result;
}
