import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpAlbIntegration, HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { ResolvedRoute } from '../shared/routing/flags';
import { SERVICES, type HttpMethod, type ServiceName } from '../shared/routing/routes';
import { groupOf } from '../shared/routing/table';
import { writeLambdaEntry } from '../lambdas/runtime/entries';
import { ChariotFunction } from './chariot-function';
import type { FargateConfig } from '../tooling/deploy-config/schema';
import type { FargateBackend } from './fargate-backend';
import { apiBinding } from '../shared/config/binding';
import { serviceBinding } from '../shared/config/service-binding';
import { bindFunction, type RuntimeResources } from './runtime-binding';
import { HonoService } from './hono-service';
import type { ChariotHttpApi } from './http-api';

export interface ApiRoutesProps {
  /** Every route of the table, resolved. */
  readonly routes: readonly ResolvedRoute[];
  readonly api: ChariotHttpApi;
  readonly backend: FargateBackend;
  /** What backends are bound to (each gets what its binding names). */
  readonly resources: RuntimeResources;
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
  readonly functions = new Map<string, lambda.IFunction>();
  readonly services = new Map<ServiceName, HonoService>();

  constructor(scope: Construct, id: string, props: ApiRoutesProps) {
    super(scope, id);
    const lambdaRoutes = props.routes.filter((r) => r.target === 'lambda');
    const fargateRoutes = props.routes.filter((r) => r.target === 'fargate');

    // One function per group that still has a route on Lambda.
    for (const route of lambdaRoutes) {
      const group = groupOf(route.route);
      if (this.functions.has(group.name)) continue;
      const fn = new ChariotFunction(this, `${group.name}-function`, {
        entry: writeLambdaEntry(group),
        environment: { POWERTOOLS_SERVICE_NAME: group.name },
      }).function;
      bindFunction(fn, apiBinding(group.access), props.resources);
      this.functions.set(group.name, fn);
    }

    // One Fargate service per Hono service with a migrated route, bound to what the groups it serves need.
    for (const service of Object.keys(SERVICES) as ServiceName[]) {
      if (!fargateRoutes.some((r) => r.service === service)) continue;
      this.services.set(
        service,
        new HonoService(this, `${service}-service`, {
          service,
          cluster: props.backend.cluster,
          sizing: props.fargate,
          binding: serviceBinding(service),
          resources: props.resources,
        }),
      );
    }

    // One listener rule per migrated (path, service), its priority derived from the path and service
    // alone: adding, removing or flipping a route never renumbers another route's rule.
    // Checked over every route that could move, not only the migrated ones, so a clash shows before any flip.
    checkPriorities(props.routes.flatMap((r) => (r.service ? [{ path: r.route.path, service: r.service }] : [])));
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
        priority: rulePriority(rule.path, rule.service),
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

/** ALB listener-rule priorities run 1..50000. */
const MAX_PRIORITY = 50_000;

/**
 * The listener-rule priority of a (path, service): a hash (FNV-1a) of the two, so it depends on nothing
 * else in the table. Paths never overlap (API Gateway matched the route already), so order between rules
 * does not matter; two rules landing on the same number is caught at synth (`checkPriorities`).
 */
export function rulePriority(path: string, service: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(`${path} ${service}`, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return (hash % MAX_PRIORITY) + 1;
}

/** Every (path, service) of the table → its priority; throws on a clash, naming both. */
export function checkPriorities(rules: readonly { readonly path: string; readonly service: string }[]): Map<string, number> {
  const taken = new Map<number, string>();
  const priorities = new Map<string, number>();
  for (const { path, service } of rules) {
    const key = `${path} ${service}`;
    const priority = rulePriority(path, service);
    const other = taken.get(priority);
    if (other !== undefined && other !== key) throw new Error(`ALB rule priority ${priority} is shared by "${other}" and "${key}"`);
    taken.set(priority, key);
    priorities.set(key, priority);
  }
  return priorities;
}

/**
 * What the Hono service gets besides the original request (Authorization included, which it verifies
 * again): API Gateway's request id, for log correlation across both hops.
 */
const requestIdHeader = (): apigwv2.ParameterMapping =>
  new apigwv2.ParameterMapping().overwriteHeader('x-request-id', apigwv2.MappingValue.contextVariable('requestId'));
