import { serve } from '@hono/node-server';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDependencies } from '../../shared/api/create-dependencies';
import { sharedGraphStore } from '../../shared/graph/config';
import { rootLogger } from '../../shared/observability/logger';
import { routeMetrics } from '../../shared/observability/route-metrics';
import type { ServiceName } from '../../shared/routing/routes';
import { ROUTE_GROUP_LIST } from '../../shared/routes';
import { createServiceApp } from './service-app';

export interface RunningService {
  readonly port: number;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

/**
 * Starts a service on `HOST:PORT` (127.0.0.1:8080 unless set; the container sets HOST=0.0.0.0) and
 * drains it on SIGTERM/SIGINT: ECS sends SIGTERM, then SIGKILL after the stop timeout.
 */
export async function startService(service: ServiceName, env: NodeJS.ProcessEnv = process.env): Promise<RunningService> {
  // Only a service that serves a graph-reading group may open the graph, and only on the first graph request:
  // its task role can read the Neo4j secret only once such a route is migrated to it.
  const servesGraph = ROUTE_GROUP_LIST.some((group) => group.service === service && group.access.graph === true);
  const deps = await createDependencies(env, { graph: servesGraph ? () => sharedGraphStore(env) : undefined });
  const app = createServiceApp(service, deps, { perturbRoute: env.CHARIOT_TEST_PERTURB });
  const hostname = env.HOST ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname, port: Number(env.PORT ?? 8080) }, () => resolve(s as Server));
  });
  const port = (server.address() as AddressInfo).port;

  // Responses still in flight when draining starts say `Connection: close`, so their keep-alive
  // sockets end with them instead of holding the drain open until the idle timeout.
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_request, response: ServerResponse) => {
    if (draining) response.setHeader('connection', 'close');
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });
  rootLogger().info('service listening', { service_name: service, hostname, port });

  const close = () =>
    new Promise<void>((resolve) => {
      draining = true;
      for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  const shutdown = async (signal: string) => {
    rootLogger().info('draining', { service_name: service, signal });
    await close();
    routeMetrics('fargate').close(); // the last minute's metrics, before the task goes
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return { port, close };
}

/** A container's entry point: start, or log why not (one line) and exit 1 so ECS restarts the task. */
export function runService(service: ServiceName): void {
  startService(service).catch((error: unknown) => {
    rootLogger().error('service failed to start', { service_name: service, error: (error as Error)?.message ?? String(error) });
    process.exit(1);
  });
}
