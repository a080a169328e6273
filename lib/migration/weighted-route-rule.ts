/**
 * A canary route on the backend ALB: one listener rule (the route's path pattern and method) that
 * forwards with weights to a Lambda target group (the route group's function) and to the service's
 * target group. The weight in cdk.json is the deployed default; `npm run shift` moves it live.
 */
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { HttpMethod } from '../../shared/routing/routes';
import { albPathPattern } from '../../shared/routing/alb-path';

export interface WeightedRouteRuleProps {
  readonly listener: elbv2.IApplicationListener;
  readonly route: { readonly method: HttpMethod; readonly path: string };
  readonly priority: number;
  /** The route group's function; it must answer ALB events (docs/migration.md). */
  readonly function: lambda.IFunction;
  readonly serviceTargetGroup: elbv2.IApplicationTargetGroup;
  /** 0–100: the service's share. */
  readonly fargatePercent: number;
}

export class WeightedRouteRule extends Construct {
  readonly rule: elbv2.ApplicationListenerRule;
  readonly lambdaTargetGroup: elbv2.ApplicationTargetGroup;
  readonly serviceTargetGroup: elbv2.IApplicationTargetGroup;

  constructor(scope: Construct, id: string, props: WeightedRouteRuleProps) {
    super(scope, id);
    this.serviceTargetGroup = props.serviceTargetGroup;
    // A Lambda target group holds one function; LambdaTarget adds the elasticloadbalancing.amazonaws.com invoke permission.
    this.lambdaTargetGroup = new elbv2.ApplicationTargetGroup(this, 'LambdaTargets', {
      targetType: elbv2.TargetType.LAMBDA,
      targets: [new targets.LambdaTarget(props.function)],
    });
    this.rule = new elbv2.ApplicationListenerRule(this, 'Rule', {
      listener: props.listener,
      priority: props.priority,
      conditions: [
        elbv2.ListenerCondition.pathPatterns([albPathPattern(props.route.path)]),
        elbv2.ListenerCondition.httpRequestMethods([props.route.method]),
      ],
      action: elbv2.ListenerAction.weightedForward([
        { targetGroup: this.lambdaTargetGroup, weight: 100 - props.fargatePercent },
        { targetGroup: props.serviceTargetGroup, weight: props.fargatePercent },
      ]),
    });
  }
}
