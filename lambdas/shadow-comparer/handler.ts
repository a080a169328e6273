/**
 * The shadow comparer (docs/migration.md, "Where the shadow copy is made in AWS"): a group's Lambda invokes
 * it asynchronously for a sampled GET of a route in `shadow`; it asks the route's service the same thing
 * through the internal ALB's shadow listener (`SHADOW_TARGETS`, set by lib/migration/shadow-comparer.ts)
 * and counts the match or mismatch (shared/migration/shadow-comparer.ts). Metrics flush per invocation.
 */
import { compareShadowCopy, shadowTargets } from '../../shared/migration/shadow-comparer';
import { ShadowRequestSchema, type ShadowRequest } from '../../shared/migration/shadow-copy';
import { requestLogger, rootLogger } from '../../shared/observability/logger';
import { routeMetrics } from '../../shared/observability/route-metrics';

const targets = shadowTargets(process.env);
const metrics = routeMetrics('shadow');

export async function handler(event: unknown): Promise<{ readonly result: 'match' | 'mismatch' | 'error' | 'invalid' }> {
  const copy = ShadowRequestSchema.safeParse(event);
  if (!copy.success) {
    rootLogger().error({ message: 'not a shadow copy', issues: copy.error.issues.map((issue) => issue.message) });
    return { result: 'invalid' }; // an async invoke would retry a throw twice, for nothing
  }
  try {
    const result = await compareShadowCopy(copy.data as ShadowRequest, { targets, metrics, logger: requestLogger(`${copy.data.requestId}-shadow`) });
    return { result: result === 'error' ? 'error' : result.match ? 'match' : 'mismatch' };
  } finally {
    metrics.flush();
  }
}
