import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpAlbIntegration, HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Annotations, type CfnResource } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { ServiceName } from '../shared/routing/routes';
import { apiBinding } from '../shared/config/binding';
import { lambdaEnvironment } from './backend-environment';
import { ChariotFunction } from './chariot-function';
import { FargateBackend } from './fargate-backend';
import { bindFunction, type RuntimeResources } from './runtime-binding';
import type { HonoService } from './hono-service';
import type { ChariotHttpApi } from './http-api';
import { canaryRule, listenerRules } from './listener-rules';
import { WeightedRouteRule } from './migration/weighted-route-rule';
import { groupOfRoute, inServiceRule, integratesAlb, needsFunction, type RouteTable } from './route-table';

export interface ApiRoutesProps {
  readonly table: RouteTable;
  readonly api: ChariotHttpApi;
  readonly backend: FargateBackend;
  /** The ECS services of the migrated routes (in their own stacks). */
  readonly services: ReadonlyMap<ServiceName, HonoService>;
  /** What backends are bound to (each gets what its binding names). */
  readonly resources: RuntimeResources;
}

/** A construct id for a route: `POST /hook/{username}/{pin}` → `POST-hook-username-pin`. */
export const routeConstructId = (id: string) => id.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');

/**
 * Wires every route to its backend (lib/route-table.ts says which state goes where): a Lambda or shadow route to
 * its group's function, a Fargate route through the VPC link to the ALB rule of its path, a canary route through
 * the VPC link to its own weighted rule (its group's function and its service). Each route has its own integration,
 * so flipping one route replaces that route's integration and leaves every other route's resources as they were.
 *
 * Ordering (docs/cdk.md, "How a flip reaches production"): a route on the ALB depends on its listener rules and its
 * ECS service (another stack: CloudFormation finishes that stack, service stable, before this one starts); a route
 * on Lambda depends on its invoke permission. The old backend's resources go in the cleanup phase, after the route
 * has moved.
 */
export class ApiRoutes extends Construct {
  readonly functions = new Map<string, lambda.Function>();
  /** Rule key (lib/listener-rules.ts) → its path and construct. */
  readonly rules = new Map<string, { path: string; construct: elbv2.ApplicationListenerRule }>();
  /** Canary route id → its weighted rule (for the rollback alarms). */
  readonly canaries = new Map<string, WeightedRouteRule>();

  constructor(scope: Construct, id: string, props: ApiRoutesProps) {
    super(scope, id);
    const { table } = props;

    // One function per group with a route it still serves (lambda, shadow, or the Lambda side of a canary).
    for (const route of table.routes.filter(needsFunction)) {
      const group = groupOfRoute(table, route);
      if (this.functions.has(group.name)) continue;
      const fn = new ChariotFunction(this, `${group.name}-function`, {
        entry: table.lambdaEntry(group),
        environment: lambdaEnvironment(group.name),
      }).function;
      bindFunction(fn, apiBinding(group.access), props.resources);
      this.functions.set(group.name, fn);
    }

    // Listener rules live here, with the routes: a rule exists before its route moves to the ALB, and goes only
    // after the route has moved back. They reach the listener and the target group through imports, so neither
    // the network stack nor the service stack refers back to this one.
    const listener = props.backend.listenerFor(this);
    const targetGroups = new Map<ServiceName, elbv2.IApplicationTargetGroup>();
    for (const [service, hono] of props.services) {
      const imported = elbv2.ApplicationTargetGroup.fromTargetGroupAttributes(this, `${service}-targets`, {
        targetGroupArn: hono.targetGroup.targetGroupArn,
      });
      Annotations.of(imported).acknowledgeWarning(
        '@aws-cdk/aws-elbv2:albTargetGroupCannotRegisterListener',
        'The service stack opens its security group to the ALB itself (lib/hono-service.ts).',
      );
      targetGroups.set(service, imported);
    }
    const rulesByRoute = new Map<string, elbv2.ApplicationListenerRule[]>();
    for (const rule of listenerRules(table.routes.filter(inServiceRule).map((r) => ({ path: r.route.path, method: r.route.method, service: r.service! })))) {
      const construct = FargateBackend.addPathRule(this, `${routeConstructId(rule.key)}-rule`, {
        listener,
        rule,
        targetGroup: targetGroups.get(rule.service as ServiceName)!,
      });
      this.rules.set(rule.key, { path: rule.path, construct });
      for (const method of rule.methods) {
        const key = `${method} ${rule.path} ${rule.service}`;
        rulesByRoute.set(key, [...(rulesByRoute.get(key) ?? []), construct]);
      }
    }
    // A canary route has a rule of its own (path + method), so `npm run shift` and the rollback change that route alone.
    for (const route of table.routes.filter((r) => r.state.kind === 'canary')) {
      const rule = canaryRule({ path: route.route.path, method: route.route.method, service: route.service! });
      const weighted = new WeightedRouteRule(this, `${routeConstructId(route.id)}-canary`, {
        listener,
        route: route.route,
        priority: rule.priority,
        function: this.functions.get(route.route.group)!,
        serviceTargetGroup: targetGroups.get(route.service!)!,
        fargatePercent: route.state.kind === 'canary' ? route.state.percent : 0,
      });
      this.canaries.set(route.id, weighted);
      this.rules.set(rule.key, { path: rule.path, construct: weighted.rule });
      rulesByRoute.set(`${route.route.method} ${route.route.path} ${route.service}`, [weighted.rule]);
    }

    const lambdaRoutesByPath = new Map<string, CfnResource[]>();
    for (const route of table.routes) {
      const id = routeConstructId(route.id);
      if (!integratesAlb(route)) {
        const httpRoute = props.api.addRoute(id, route, new HttpLambdaIntegration(`${id}-lambda`, this.functions.get(route.route.group)!));
        // The invoke permission is in place before the route points at the function (a flip back to Lambda).
        const permission = httpRoute.node.findAll().find((c): c is lambda.CfnPermission => c instanceof lambda.CfnPermission)!;
        cfn(httpRoute).addResourceDependency(permission);
        lambdaRoutesByPath.set(route.route.path, [...(lambdaRoutesByPath.get(route.route.path) ?? []), cfn(httpRoute)]);
      } else {
        const integration = new HttpAlbIntegration(`${id}-alb`, props.backend.listener, {
          vpcLink: props.backend.vpcLink,
          parameterMapping: requestIdHeader(),
        });
        const httpRoute = props.api.addRoute(id, route, integration);
        for (const rule of rulesByRoute.get(`${route.route.method} ${route.route.path} ${route.service}`)!) cfn(httpRoute).addResourceDependency(cfn(rule));
        // Cross-stack: this stack waits for the service's stack, which CloudFormation completes only once the
        // service is stable (or rolled back by the deployment circuit breaker, failing this deploy before any flip).
        httpRoute.node.addDependency(props.services.get(route.service!)!.service);
      }
    }
    // A rule that loses a method (that route rolled back, the path's other methods still on Fargate) changes only
    // after the path's Lambda routes are in place, so the rolled-back method never meets the ALB's default 404.
    for (const { path, construct } of this.rules.values()) {
      for (const lambdaRoute of lambdaRoutesByPath.get(path) ?? []) cfn(construct).addResourceDependency(lambdaRoute);
    }
  }
}

const cfn = (construct: Construct) => construct.node.defaultChild as CfnResource;

/**
 * What the Hono service gets besides the original request (Authorization included, which it verifies
 * again): API Gateway's request id, for log correlation across both hops.
 */
const requestIdHeader = (): apigwv2.ParameterMapping =>
  new apigwv2.ParameterMapping().overwriteHeader('x-request-id', apigwv2.MappingValue.contextVariable('requestId'));
