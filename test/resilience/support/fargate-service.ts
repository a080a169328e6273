/**
 * The Fargate side of the fault suite as `npm start` runs it: one real service process (its own Node
 * process, restarted by local/supervisor.ts) behind the local gateway, with the routes of its groups
 * flipped to Fargate. Killing the process is what an ECS task crash is; the gateway answers 502 meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../tooling/paths';
import { contextFromArgs, loadDeploymentConfig } from '../../../tooling/deploy-config/load';
import { DEFAULT_CORS } from '../../../local/gateway/cors';
import { startGateway } from '../../../local/gateway/gateway';
import { LambdaInvoker } from '../../../local/gateway/lambda-invoker';
import { createRequestAuthorizer } from '../../../local/gateway/request-authorizer';
import { freePort } from '../../../local/emulators/process';
import { startGraphServer } from '../../../local/graph-server/server';
import { ServiceSupervisor } from '../../../local/supervisor';
import type { ServiceName } from '../../../shared/routing/routes';

export interface FargateService {
  readonly url: string;
  readonly supervisor: ServiceSupervisor;
  /** Supervisor lines (crash, restart), for a failure message. */
  readonly log: readonly string[];
  close(): Promise<void>;
}

/** `env` is the runtime environment of the service (its table, pool, deadlines); `routes` go to Fargate. */
export async function startFargateService(service: ServiceName, routes: readonly string[], env: Record<string, string>): Promise<FargateService> {
  const log: string[] = [];
  const logDir = mkdtempSync(join(tmpdir(), 'fault-service-'));
  const graph = await startGraphServer();
  const serviceEnv = { ...(process.env as Record<string, string>), ...env, ...graph.env };
  const supervisor = new ServiceSupervisor({ repoRoot: REPO_ROOT, env: serviceEnv, log: (line) => log.push(line), logDir });
  const config = loadDeploymentConfig({ context: contextFromArgs(routes.flatMap((route) => ['-c', `migrate:${route}=fargate`])) });
  const [gatewayPort, servicePort] = await Promise.all([freePort(), freePort()]);
  const gateway = await startGateway({
    port: gatewayPort,
    routes: config.routes.filter((route) => routes.includes(route.id)),
    authorizer: createRequestAuthorizer(serviceEnv),
    lambdas: new LambdaInvoker(REPO_ROOT, (line) => log.push(line)),
    servicePort: (name) => supervisor.port(name),
    cors: DEFAULT_CORS,
  });
  await supervisor.start({ [service]: servicePort } as Record<ServiceName, number>);
  if (!supervisor.isUp(service)) throw new Error(`service ${service} did not start: ${log.join('\n')}`);
  return {
    url: gateway.url,
    supervisor,
    log,
    async close() {
      await supervisor.stop();
      await gateway.close();
      await graph.stop();
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}
