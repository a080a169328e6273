import { Validations, type App, type StackProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SERVICES, type ServiceName } from '../shared/routing/routes';
import { ConfigError, loadDeploymentConfig, type DeploymentConfig } from '../tooling/deploy-config/load';
import { ALLOW_PLACEHOLDERS, findPlaceholders, placeholdersAllowed } from '../tooling/deploy-config/placeholders';
import type { HonoService } from '../lib/hono-service';
import { ANCHOR_PATH, checkPriorities } from '../lib/listener-rules';
import { migratedServices, repositoryRouteTable, type RouteTable } from '../lib/route-table';
import { wireShadowComparer, type ShadowCopyWiring } from '../lib/migration/shadow-wiring';
import { ApiStack } from '../lib/stacks/api-stack';
import { DataStack } from '../lib/stacks/data-stack';
import { NetworkStack } from '../lib/stacks/network-stack';
import { ServiceStack } from '../lib/stacks/service-stack';

export interface ChariotStacks {
  readonly data: DataStack;
  readonly network: NetworkStack;
  readonly api: ApiStack;
  /** One per Hono service, empty (and deleted by `cdk deploy`) while none of its routes is migrated. */
  readonly services: ReadonlyMap<ServiceName, ServiceStack>;
}

export interface BuildOptions {
  /** Another route table than the repository's (the 80-route scaling test); defaults to the config's. */
  readonly table?: (config: DeploymentConfig) => RouteTable;
  /** The AWS shadow copy (lib/migration/shadow-wiring.ts); default `wireShadowComparer`. */
  readonly shadowCopy?: ShadowCopyWiring;
}

/**
 * Builds the app for the environment selected by context (`-c env=NAME`): the config is read from the app's context
 * and validated here, once; constructs only get typed props. Stacks, split by what changes together:
 * `Chariot-<env>-Data` (table, pool, buckets, secrets) · `-Network` (VPC, cluster, ALB, VPC link) ·
 * `-Service-<service>` (one per Hono service) · `-Api` (HTTP API, functions, routes, listener rules).
 */
export function buildApp(app: App, options: BuildOptions = {}): { stacks: ChariotStacks; config: DeploymentConfig } {
  const context = app.node.getAllContext();
  const config = loadDeploymentConfig({ context });
  const placeholders = findPlaceholders(config.environment);
  if (placeholders.length > 0 && !placeholdersAllowed(context)) {
    throw new ConfigError(
      `Environment "${config.envName}" still uses cdk.json's example values (${placeholders.join(', ')}): replace them before deploying, or pass -c ${ALLOW_PLACEHOLDERS}=true to synthesize anyway`,
    );
  }
  const table = options.table?.(config) ?? repositoryRouteTable(config.routes);
  // Priorities over every rule the table could ever need (every route that could move, and each service's anchor),
  // so a clash shows before any flip.
  checkPriorities([
    ...table.routes.flatMap((r) => (r.service ? [{ path: r.route.path, service: r.service }, { path: r.route.path, service: r.service, method: r.route.method }] : [])),
    ...Object.keys(SERVICES).map((service) => ({ path: ANCHOR_PATH, service })),
  ]);

  const { environment, envName } = config;
  const name = (part: string) => `Chariot-${envName}-${part}`;
  const stackProps = (description: string): StackProps => ({
    env: { account: environment.account, region: environment.region },
    description: `Chariot ${description} (${envName})`,
  });
  const data = new DataStack(app, name('Data'), { ...stackProps('data and identity'), envName, environment });
  const network = new NetworkStack(app, name('Network'), {
    ...stackProps('network, cluster and internal ALB'),
    envName,
    network: environment.network,
    accessLogs: data.accessLogs,
  });

  const migrated = migratedServices(table);
  const services = new Map<ServiceName, ServiceStack>();
  const running = new Map<ServiceName, HonoService>();
  for (const service of Object.keys(SERVICES) as ServiceName[]) {
    const stack = new ServiceStack(app, name(`Service-${service}`), {
      ...stackProps(`service ${service}`),
      service,
      access: migrated.get(service)?.access,
      backend: network.backend,
      sizing: environment.fargate,
      resources: data.resources,
    });
    services.set(service, stack);
    if (stack.service) running.set(service, stack.service);
  }

  const api = new ApiStack(app, name('Api'), {
    ...stackProps('API and functions'),
    environment,
    table,
    backend: network.backend,
    services: running,
    resources: data.resources,
    shadowCopy: options.shadowCopy ?? wireShadowComparer,
  });
  // A service stack with no migrated route is emptied (so deleted) only after the API stack has moved its last
  // route back to Lambda and dropped its imports; one with routes deploys before the API stack (its exports).
  for (const stack of services.values()) if (!stack.service) stack.addStackDependency(api, 'its routes moved back to Lambda first');

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stacks: { data, network, api, services }, config };
}
