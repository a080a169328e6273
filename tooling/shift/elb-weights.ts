/**
 * Live canary weights in AWS: a canary route's listener rule on the backend ALB forwards with weights
 * to the route group's Lambda target group and to its service's target group. Shifting is one
 * ModifyRule: no deploy, effective within seconds.
 *
 * The rule is found from the route table, not from names: on the environment's ALB (tag
 * `chariot:environment` = env, or `--listener-arn`), the route's own rule (lib/api-routes.ts gives each
 * canary route one): path pattern exactly the route's path with `{param}` → `*`, method condition exactly
 * the route's method, a forward action over two target groups. A rule that also matches other methods
 * is never touched, so a shift changes one route. The Lambda side is the target group of type `lambda`.
 */
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  type Action,
  type ElasticLoadBalancingV2Client,
  type Rule,
  type RuleCondition,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { HttpMethod } from '../../shared/routing/routes';
import { albPathPattern } from '../../shared/routing/alb-path';
import { ENVIRONMENT_TAG, setFargateWeight, type WeightedRule } from '../../shared/migration/weighted-rule';

/** The client as the shifter uses it; tests pass a stub (the one mock: there is no ELB API here). */
export type ElbClient = Pick<ElasticLoadBalancingV2Client, 'send'>;



export interface RouteRef {
  readonly method: HttpMethod;
  readonly path: string;
}

export interface LiveWeights extends WeightedRule {
  /** Percent of the rule's traffic on the service (ALB weights normalised to 0–100). */
  readonly fargatePercent: number;
}

/** Why a shift could not happen; one line saying what to check. */
export class ShiftError extends Error {}

const conditionValues = (conditions: RuleCondition[] | undefined, field: string): string[] =>
  (conditions ?? [])
    .filter((c) => c.Field === field)
    .flatMap((c) => c.Values ?? (field === 'path-pattern' ? c.PathPatternConfig?.Values : c.HttpRequestMethodConfig?.Values) ?? []);

const forwardOf = (rule: Rule): Action | undefined => rule.Actions?.find((a) => a.Type === 'forward' && (a.ForwardConfig?.TargetGroups?.length ?? 0) === 2);

/** The listener of the environment's backend ALB (found by its `chariot:environment` tag). */
export async function findListener(client: ElbClient, envName: string): Promise<string> {
  const arns: string[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(new DescribeLoadBalancersCommand({ Marker: marker }));
    arns.push(...(page.LoadBalancers ?? []).filter((lb) => lb.Type === 'application').map((lb) => lb.LoadBalancerArn!));
    marker = page.NextMarker;
  } while (marker);
  const tagged: string[] = [];
  for (let i = 0; i < arns.length; i += 20) {
    const { TagDescriptions } = await client.send(new DescribeTagsCommand({ ResourceArns: arns.slice(i, i + 20) }));
    for (const d of TagDescriptions ?? []) if (d.Tags?.some((t) => t.Key === ENVIRONMENT_TAG && t.Value === envName)) tagged.push(d.ResourceArn!);
  }
  if (tagged.length !== 1) {
    throw new ShiftError(`Expected one ALB tagged ${ENVIRONMENT_TAG}=${envName}, found ${tagged.length}: pass --listener-arn`);
  }
  const { Listeners } = await client.send(new DescribeListenersCommand({ LoadBalancerArn: tagged[0] }));
  if (!Listeners?.length) throw new ShiftError(`ALB ${tagged[0]} has no listener`);
  return Listeners[0].ListenerArn!;
}

export async function readWeights(client: ElbClient, listenerArn: string, route: RouteRef): Promise<LiveWeights> {
  const rules: Rule[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(new DescribeRulesCommand({ ListenerArn: listenerArn, Marker: marker }));
    rules.push(...(page.Rules ?? []));
    marker = page.NextMarker;
  } while (marker);
  const pattern = albPathPattern(route.path);
  const only = (values: string[], value: string) => values.length === 1 && values[0] === value;
  const rule = rules.find(
    (r) => only(conditionValues(r.Conditions, 'path-pattern'), pattern) && only(conditionValues(r.Conditions, 'http-request-method'), route.method) && forwardOf(r),
  );
  if (!rule) {
    throw new ShiftError(
      `No weighted listener rule for "${route.method} ${route.path}" (path ${pattern}) on ${listenerArn}: deploy the route as canary:<percent> first`,
    );
  }
  const groups = forwardOf(rule)!.ForwardConfig!.TargetGroups!;
  const { TargetGroups } = await client.send(new DescribeTargetGroupsCommand({ TargetGroupArns: groups.map((g) => g.TargetGroupArn!) }));
  const lambdaArn = TargetGroups?.find((tg) => tg.TargetType === 'lambda')?.TargetGroupArn;
  const lambda = groups.find((g) => g.TargetGroupArn === lambdaArn);
  const service = groups.find((g) => g.TargetGroupArn !== lambdaArn);
  if (!lambda || !service) throw new ShiftError(`Rule ${rule.RuleArn} does not forward to one Lambda and one service target group`);
  const total = (lambda.Weight ?? 0) + (service.Weight ?? 0);
  return {
    ruleArn: rule.RuleArn!,
    lambdaTargetGroupArn: lambda.TargetGroupArn!,
    serviceTargetGroupArn: service.TargetGroupArn!,
    fargatePercent: total === 0 ? 0 : Math.round(((service.Weight ?? 0) * 100) / total),
  };
}

/** Sets the rule's weights to `percent` on the service and the rest on Lambda; returns before and after. */
export async function shiftWeights(
  client: ElbClient,
  listenerArn: string,
  route: RouteRef,
  percent: number,
): Promise<{ before: LiveWeights; after: LiveWeights }> {
  const before = await readWeights(client, listenerArn, route);
  await client.send(setFargateWeight(before, percent));
  return { before, after: await readWeights(client, listenerArn, route) };
}
