import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpAlbIntegration, HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { ResolvedRoute } from '../shared/routing/flags';
import { SERVICES, type HttpMethod, type RouteGroup, type ServiceName } from '../shared/routing/routes';
import { ChariotFunction } from './chariot-function';
import type { FargateConfig } from '../tooling/deploy-config/schema';
import type { FargateBackend } from './fargate-backend';
import { combinedAccess, GROUP_ACCESS, grantAccess, type SharedResources } from './group-access';
import { HonoService } from './hono-service';
import type { ChariotHttpApi } from './http-api';

export interface ApiRoutesProps {
  /** Every route of the table, resolved (the resolver keeps table order, which keeps rule priorities stable). */
  readonly routes: readonly ResolvedRoute[];
  readonly api: ChariotHttpApi;
  readonly backend: FargateBackend;
  readonly resources: SharedResources;
  /** Env vars every backend gets (table, Cognito, bucket, secret, log level). */
  readonly runtimeEnvironment: Readonly<Record<string, string>>;
  readonly fargate: FargateConfig;
}

/** A construct id for a route: `POST /hook/{username}/{pin}` → `POST-hook-username-pin`. */
export const routeConstructId = (id: string) => id.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');

/**
 * Wires every route to its backend: a Lambda route to its group's function, a Fargate route through
 * the VPC link to the ALB rule of its path. Each route has its own integration, so flipping one route
 * replaces that route's integration and leaves every other route's resources as they were.
 */
export class ApiRoutes extends Construct {
  readonly functions = new Map<RouteGroup, lambda.IFunction>();
  readonly services = new Map<ServiceName, HonoService>();

  constructor(scope: Construct, id: string, props: ApiRoutesProps) {
    super(scope, id);
    const lambdaRoutes = props.routes.filter((r) => r.target === 'lambda');
    const fargateRoutes = props.routes.filter((r) => r.target === 'fargate');

    // One function per group that still has a route on Lambda.
    for (const route of lambdaRoutes) {
      const group = route.route.group;
      if (this.functions.has(group)) continue;
      const fn = new ChariotFunction(this, `${group}-function`, {
        entry: route.lambdaEntry,
        environment: { ...props.runtimeEnvironment, POWERTOOLS_SERVICE_NAME: group },
      }).function;
      grantAccess(fn.role!, GROUP_ACCESS[group], props.resources);
      this.functions.set(group, fn);
    }

    // One Fargate service per Hono service with a migrated route, granted only what its migrated groups need.
    for (const service of Object.keys(SERVICES) as ServiceName[]) {
      const groups = [...new Set(fargateRoutes.filter((r) => r.service === service).map((r) => r.route.group))];
      if (groups.length === 0) continue;
      this.services.set(
        service,
        new HonoService(this, `${service}-service`, {
          service,
          cluster: props.backend.cluster,
          sizing: props.fargate,
          environment: props.runtimeEnvironment,
          access: combinedAccess(groups),
          resources: props.resources,
        }),
      );
    }

    // One listener rule per migrated (path, service). Priority = the path's place in the route table,
    // so flipping one route never renumbers another route's rule.
    const paths = [...new Set(props.routes.map((r) => r.route.path))];
    const serviceNames = Object.keys(SERVICES) as ServiceName[];
    const rules = new Map<string, { path: string; service: ServiceName; methods: HttpMethod[] }>();
    for (const route of fargateRoutes) {
      const key = `${route.route.path} ${route.service}`;
      const rule = rules.get(key) ?? { path: route.route.path, service: route.service!, methods: [] };
      rule.methods.push(route.route.method);
      rules.set(key, rule);
    }
    for (const rule of rules.values()) {
      props.backend.addPathRule(`${routeConstructId(rule.path)}-${rule.service}-rule`, {
        path: rule.path,
        methods: rule.methods,
        priority: (paths.indexOf(rule.path) + 1) * 10 + serviceNames.indexOf(rule.service),
        targetGroup: this.services.get(rule.service)!.targetGroup,
      });
    }

    for (const route of props.routes) {
      const id = routeConstructId(route.id);
      const integration =
        route.target === 'lambda'
          ? new HttpLambdaIntegration(`${id}-lambda`, this.functions.get(route.route.group)!)
          : new HttpAlbIntegration(`${id}-alb`, props.backend.listener, {
              vpcLink: props.backend.vpcLink,
              parameterMapping: requestIdHeader(),
            });
      props.api.addRoute(id, route, integration);
    }
  }
}

/**
 * What the Hono service gets besides the original request (Authorization included, which it verifies
 * again): API Gateway's request id, for log correlation across both hops.
 */
const requestIdHeader = (): apigwv2.ParameterMapping =>
  new apigwv2.ParameterMapping().overwriteHeader('x-request-id', apigwv2.MappingValue.contextVariable('requestId'));
