/**
 * X-Ray on both runtimes, switched on only where the process traces: a Lambda with active tracing, or a
 * Fargate task with the X-Ray daemon sidecar (lib/hono-service.ts); both set AWS_XRAY_DAEMON_ADDRESS, and
 * POWERTOOLS_TRACE_ENABLED=false turns it off. Elsewhere (local stack, tests) nothing here loads the X-Ray
 * SDK (a `require` at the first traced call, as shared/graph/config.ts does for the Neo4j driver), so a process
 * that does not trace pays nothing for it at start.
 */
import type { MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type * as XRay from 'aws-xray-sdk-core';

export const tracingEnabled = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.POWERTOOLS_TRACE_ENABLED !== 'false' && Boolean(env.AWS_XRAY_DAEMON_ADDRESS);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const xray = () => require('aws-xray-sdk-core') as typeof XRay;

/** An AWS SDK v3 client whose calls become subsegments of the request's trace; the client itself when not tracing. */
export function traceClient<T extends object>(client: T): T {
  return tracingEnabled() ? (xray().captureAWSv3Client(client as never) as T) : client;
}

/**
 * Hono middleware for a service on Fargate: one segment per request, continuing the ALB's X-Amzn-Trace-Id,
 * sampled by the X-Ray rules (the SDK's own middleware logic), closed when the response ends, and current
 * while the handler runs, so the SDK clients' calls (traceClient) land under it. Needs @hono/node-server.
 */
export function traceRequests(name: string): MiddlewareHandler<{ Bindings: HttpBindings }> {
  const sdk = xray();
  sdk.middleware.setDefaultName(name);
  return async (c, next) => {
    const segment = sdk.middleware.traceRequestResponseCycle(c.env.incoming, c.env.outgoing);
    await sdk.getNamespace().runPromise(async () => {
      sdk.setSegment(segment);
      await next();
    });
  };
}
