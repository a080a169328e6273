import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ServiceName } from '../../shared/routing/routes';
import type { EnvironmentConfig } from '../../tooling/deploy-config/schema';
import { ApiRoutes } from '../api-routes';
import { lambdaEnvironment, type RuntimeEnvironment } from '../backend-environment';
import { ChariotFunction } from '../chariot-function';
import type { FargateBackend } from '../fargate-backend';
import { grantAccess, type SharedResources } from '../group-access';
import { GraphProjector } from '../graph-projector';
import type { HonoService } from '../hono-service';
import { ChariotHttpApi } from '../http-api';
import type { RouteTable } from '../route-table';

export interface ApiStackProps extends StackProps {
  readonly environment: EnvironmentConfig;
  readonly table: RouteTable;
  readonly backend: FargateBackend;
  /** The services with a migrated route (their stacks deploy, and become stable, before this one). */
  readonly services: ReadonlyMap<ServiceName, HonoService>;
  readonly resources: SharedResources;
  readonly runtimeEnvironment: RuntimeEnvironment;
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
    // It is handed every name (as before the split) but granted only table reads and the API token key.
    const authorizerAccess = { table: 'read' } as const;
    const authorizer = new ChariotFunction(this, 'Authorizer', {
      entry: 'lambdas/authorizer/handler.ts',
      environment: lambdaEnvironment('authorizer', { table: 'read', files: true, graph: true }, props.runtimeEnvironment),
      timeout: Duration.seconds(10),
    }).function;
    grantAccess(authorizer.role!, authorizerAccess, resources);
    const api = new ChariotHttpApi(this, 'Http', { authorizerFunction: authorizer, corsOrigins: environment.corsOrigins });
    this.routes = new ApiRoutes(this, 'Routes', {
      table: props.table,
      api,
      backend: props.backend,
      services: props.services,
      resources,
      runtimeEnvironment: props.runtimeEnvironment,
    });

    new GraphProjector(this, 'Graph', {
      table: resources.table,
      neo4jSecret: resources.neo4jSecret,
      environment: {
        TABLE_NAME: props.runtimeEnvironment.TABLE_NAME,
        NEO4J_SECRET_ARN: props.runtimeEnvironment.NEO4J_SECRET_ARN,
        LOG_LEVEL: props.runtimeEnvironment.LOG_LEVEL,
      },
    });

    new CfnOutput(this, 'ApiUrl', { value: api.api.apiEndpoint });
  }
}
