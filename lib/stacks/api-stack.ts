import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ServiceName } from '../../shared/routing/routes';
import type { EnvironmentConfig } from '../../tooling/deploy-config/schema';
import { ApiRoutes } from '../api-routes';
import { AUTHORIZER_BINDING } from '../../shared/config/binding';
import { lambdaEnvironment } from '../backend-environment';
import { ChariotFunction } from '../chariot-function';
import type { FargateBackend } from '../fargate-backend';
import { bindFunction, type RuntimeResources } from '../runtime-binding';
import { GraphProjector } from '../graph-projector';
import type { HonoService } from '../hono-service';
import { ChariotHttpApi } from '../http-api';
import { CanaryRollback } from '../migration/canary-rollback';
import { MigrationDashboard } from '../migration/migration-dashboard';
import type { ShadowCopyWiring } from '../migration/shadow-wiring';
import type { RouteTable } from '../route-table';

export interface ApiStackProps extends StackProps {
  readonly environment: EnvironmentConfig;
  readonly table: RouteTable;
  readonly backend: FargateBackend;
  /** The services with a migrated route (their stacks deploy, and become stable, before this one). */
  readonly services: ReadonlyMap<ServiceName, HonoService>;
  readonly resources: RuntimeResources;
  /**
   * Wires the AWS shadow copy of the routes in state `shadow` (a comparer function, lib/migration/shadow-comparer.ts).
   * Without it a shadow route is served by its Lambda alone, and its service runs idle.
   */
  readonly shadowCopy?: ShadowCopyWiring;
}

/**
 * The API and its functions: the HTTP API, the request authorizer, one Lambda per group with a route on Lambda, the
 * routes with their integrations and (for migrated routes) listener rules, and the graph projector. This is what a
 * flip changes; a route and what it needs to answer live in the same stack, so CloudFormation orders them.
 */
export class ApiStack extends Stack {
  readonly routes: ApiRoutes;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { environment, resources } = props;
    // The request authorizer: the backend's own credential check (shared/auth/authorizer.ts), with the same
    // environment, so it accepts exactly the tokens `GET /token` issues (same issuer, audience and key).
    // Bound to what it needs (table reads, Cognito, the API token key), like every backend.
    const authorizer = new ChariotFunction(this, 'Authorizer', {
      entry: 'lambdas/authorizer/handler.ts',
      environment: lambdaEnvironment('authorizer'),
      timeout: Duration.seconds(10),
    }).function;
    bindFunction(authorizer, AUTHORIZER_BINDING, resources);
    const api = new ChariotHttpApi(this, 'Http', { authorizerFunction: authorizer, corsOrigins: environment.corsOrigins });
    this.routes = new ApiRoutes(this, 'Routes', {
      table: props.table,
      api,
      backend: props.backend,
      services: props.services,
      resources,
    });

    new GraphProjector(this, 'Graph', { table: resources.table, resources });

    // Progressive migration (docs/migration.md "In AWS"): one rollback function for every canary route's alarms,
    // one dashboard with every route that is not plain Lambda, and the shadow copy where it is wired.
    const { envName } = resources;
    if (this.routes.canaries.size > 0) {
      new CanaryRollback(this, 'CanaryRollback', { envName, policy: environment.migrationPolicy, canaries: this.routes.canaries });
    }
    new MigrationDashboard(this, 'MigrationDashboard', {
      envName,
      routes: props.table.routes.filter((r) => r.state.kind !== 'lambda').map((r) => r.id),
    });
    const shadowRoutes = props.table.routes.filter((r) => r.state.kind === 'shadow');
    if (props.shadowCopy && shadowRoutes.length > 0) {
      props.shadowCopy(this, {
        envName,
        routes: shadowRoutes.map((r) => ({ resolved: r, function: this.routes.functions.get(r.route.group)! })),
        backend: props.backend,
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: api.api.apiEndpoint });
  }
}
