import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { dispatch, operationTable } from '../../shared/api/dispatch';
import type { ApiDependencies } from '../../shared/api/dependencies';
import { SERVED_GROUPS } from '../../shared/routes/served';
import type { ServiceName } from '../../shared/routing/routes';
import type { ApiRequest, ApiResponse } from '../../shared/http/types';
import { decodeRequest, encodeResponse } from '../../shared/http/codec';
import { routeMetrics } from '../../shared/observability/route-metrics';
import { traceRequests, tracingEnabled } from '../../shared/observability/xray';

/** `/account/{member}` → `/account/:member` */
const honoPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

async function requestFromContext(c: Context): Promise<ApiRequest> {
  const url = new URL(c.req.url);
  return decodeRequest({
    method: c.req.method,
    path: url.pathname,
    pathParameters: c.req.param() as Record<string, string>,
    rawQueryString: url.search.slice(1),
    headers: c.req.raw.headers,
    body: await c.req.arrayBuffer(),
    requestId: c.get('requestId'),
  });
}

function toResponse(response: ApiResponse): Response {
  const { status, headers, body } = encodeResponse(response);
  return new Response(body, { status, headers });
}

/**
 * A Hono app serving one service's routes through the same dispatcher as the Lambda handlers.
 * The correlation id is `x-request-id` (API Gateway maps its request id into it), else a new uuid.
 */
export interface ServiceAppOptions {
  /**
   * Test-only (`CHARIOT_TEST_PERTURB="GET /asset"`): that route's JSON object answers gain `"perturbed": true`,
   * so the shadow suite has a real difference between the runtimes to detect. Never set in a deployment.
   */
  readonly perturbRoute?: string;
}

const perturbed = (response: ApiResponse): ApiResponse =>
  response.body && typeof response.body === 'object' && !Array.isArray(response.body) ? { ...response, body: { ...response.body, perturbed: true } } : response;

export function createServiceApp(service: ServiceName, deps: ApiDependencies, options: ServiceAppOptions = {}): Hono {
  const app = new Hono();
  // X-Ray: a segment per request where the task traces (the daemon sidecar, lib/hono-service.ts); nothing loads otherwise.
  if (tracingEnabled()) app.use(traceRequests(service) as MiddlewareHandler);
  app.use(requestId({ headerName: 'x-request-id' }));
  // Liveness: the process is up and serving (ECS restarts a task that fails it). `/health` is its old name.
  const live = (c: Context) => c.json({ status: 'ok', service });
  app.get('/health', live);
  app.get('/health/live', live);
  // Readiness: its dependencies answer, from a cached probe (the ALB stops routing to a target that fails it).
  app.get('/health/ready', async (c) => {
    const readiness = (await deps.readiness?.()) ?? { ready: true, checks: {} };
    return c.json({ status: readiness.ready ? 'ok' : 'unavailable', service, checks: readiness.checks }, readiness.ready ? 200 : 503);
  });
  const table = operationTable(SERVED_GROUPS.filter(({ group }) => group.service === service));
  const metrics = routeMetrics('fargate');
  for (const { route } of table.values()) {
    app.on(route.method, honoPath(route.path), async (c) => {
      const response = await metrics.measure(route.id, async () => dispatch(route.id, await requestFromContext(c), deps, table));
      return toResponse(route.id === options.perturbRoute ? perturbed(response) : response);
    });
  }
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((_error, c) => c.json({ error: 'internal error' }, 500));
  return app;
}
