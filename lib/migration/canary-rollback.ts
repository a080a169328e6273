/**
 * Automatic rollback of canary routes: per route, two alarms on the route's Fargate side (its 5xx share
 * and its p99 latency, from the per-route EMF metrics both runtimes emit, so other routes sharing the
 * service's target group do not blur them), each invoking one small function that sets the route's rule
 * back to 100 % Lambda (lambdas/canary-rollback/handler.ts).
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, routeMetricDimensions, type MetricsRuntime } from '../../shared/observability/route-metrics';
import type { MigrationPolicy } from '../../tooling/deploy-config/schema';
import { alarmRoutePrefix, type CanaryRule } from '../../lambdas/canary-rollback/handler';
import { lambdaEnvironment } from '../backend-environment';
import { ChariotFunction } from '../chariot-function';
import type { WeightedRouteRule } from './weighted-route-rule';

/** A per-route metric as route-metrics.ts emits it (the full dimension set, as CloudWatch keys metrics by it). */
export function routeMetric(envName: string, route: string, runtime: MetricsRuntime, metricName: string, statistic: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: routeMetricDimensions(envName, route, runtime),
    statistic,
    period: Duration.minutes(1),
  });
}

const slug = (route: string) => route.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Canary routes one environment may have at once: the function's CANARY_RULES holds ~470 bytes per route (three
 * ARNs) and Lambda env is capped at 4 KB. Canaries are short-lived steps, so synth refuses more rather than
 * deploying a function CloudFormation would reject.
 */
export const MAX_CANARY_ROUTES = 8;

export interface CanaryRollbackProps {
  readonly envName: string;
  readonly policy: Pick<MigrationPolicy, 'maxFargate5xxPercent' | 'maxFargateP99Ms'>;
  /** Route id → its weighted rule. */
  readonly canaries: ReadonlyMap<string, WeightedRouteRule>;
}

export class CanaryRollback extends Construct {
  readonly function: lambda.Function;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: CanaryRollbackProps) {
    super(scope, id);
    if (props.canaries.size > MAX_CANARY_ROUTES) {
      throw new Error(
        `${props.canaries.size} routes are in canary in ${props.envName} (${[...props.canaries.keys()].join(', ')}); at most ${MAX_CANARY_ROUTES} at once: move some to fargate or back to lambda first`,
      );
    }
    const rules: Record<string, CanaryRule> = {};
    const alarmsToAdd: cloudwatch.Alarm[] = [];
    for (const [route, weighted] of props.canaries) {
      const name = `chariot-${props.envName}-canary-${slug(route)}`;
      const requests = routeMetric(props.envName, route, 'fargate', 'Requests', 'Sum');
      const errors = routeMetric(props.envName, route, 'fargate', 'Http5xx', 'Sum');
      const errorRate = new cloudwatch.MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { requests, errors },
        period: Duration.minutes(1),
        label: `${route} Fargate 5xx %`,
      });
      const p99 = routeMetric(props.envName, route, 'fargate', 'Latency', 'p99');
      for (const [suffix, metric, threshold, what] of [
        ['5xx', errorRate, props.policy.maxFargate5xxPercent, `5xx share above ${props.policy.maxFargate5xxPercent} %`],
        ['p99', p99, props.policy.maxFargateP99Ms, `p99 above ${props.policy.maxFargateP99Ms} ms`],
      ] as const) {
        const alarmName = `${name}-${suffix}`;
        if (alarmRoutePrefix(alarmName) !== name) throw new Error(`Alarm ${alarmName} would not find its rule`);
        const alarm = new cloudwatch.Alarm(this, `${slug(route)}-${suffix}`, {
          alarmName,
          alarmDescription: `Rolls ${route} back to Lambda: Fargate ${what} for 3 of 5 minutes`,
          metric,
          threshold,
          evaluationPeriods: 5,
          datapointsToAlarm: 3,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        });
        rules[name] = {
          route,
          ruleArn: weighted.rule.listenerRuleArn,
          lambdaTargetGroupArn: weighted.lambdaTargetGroup.targetGroupArn,
          serviceTargetGroupArn: weighted.serviceTargetGroup.targetGroupArn,
        };
        alarmsToAdd.push(alarm);
        this.alarms.push(alarm);
      }
    }
    // The project's function defaults (Node 22 arm64, log retention, X-Ray), one per environment.
    this.function = new ChariotFunction(this, 'Function', {
      entry: 'lambdas/canary-rollback/handler.ts',
      environment: { ...lambdaEnvironment('canary-rollback'), CANARY_RULES: JSON.stringify(rules) },
      timeout: Duration.seconds(30),
      memorySize: 256,
    }).function;
    this.function.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['elasticloadbalancing:ModifyRule'], resources: [...props.canaries.values()].map((w) => w.rule.listenerRuleArn) }),
    );
    for (const alarm of alarmsToAdd) alarm.addAlarmAction(new actions.LambdaAction(this.function, { useUniquePermissionId: true }));
  }
}
