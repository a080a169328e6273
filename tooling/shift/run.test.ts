/**
 * `npm run shift` against AWS, with a stubbed Elastic Load Balancing client (the one mock: no ELB API
 * exists here). The stub holds one ALB tagged for prod with a listener whose rules look like what the
 * stack deploys: a weighted canary rule for GET /asset, a plain forward rule for another path, and (listed
 * first) a weighted rule on the same path that also holds PUT, which a shift must never touch.
 */
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  ModifyRuleCommand,
  type Rule,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { readCdkJsonContext } from '../deploy-config/load';
import type { ElbClient } from './elb-weights';
import { runShift } from './run';

const LB = 'arn:aws:elasticloadbalancing:us-east-2:333333333333:loadbalancer/app/backend/1';
const LISTENER = 'arn:aws:elasticloadbalancing:us-east-2:333333333333:listener/app/backend/1/2';
const LAMBDA_TG = 'arn:aws:elasticloadbalancing:us-east-2:333333333333:targetgroup/asset-fn/3';
const SERVICE_TG = 'arn:aws:elasticloadbalancing:us-east-2:333333333333:targetgroup/inventory/4';

function stubElb(initialFargateWeight: number) {
  const weighted = (fargate: number): Rule['Actions'] => [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: SERVICE_TG, Weight: fargate }, { TargetGroupArn: LAMBDA_TG, Weight: 100 - fargate }] } }];
  const rules: Rule[] = [
    {
      RuleArn: `${LISTENER}/rule/asset-get-put`,
      Priority: '5',
      Conditions: [
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/asset'] } },
        { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET', 'PUT'] } },
      ],
      Actions: weighted(50),
    },
    {
      RuleArn: `${LISTENER}/rule/canary-asset`,
      Priority: '17',
      Conditions: [
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/asset'] } },
        { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } },
      ],
      Actions: weighted(initialFargateWeight),
    },
    {
      RuleArn: `${LISTENER}/rule/capabilities`,
      Priority: '9',
      Conditions: [{ Field: 'path-pattern', Values: ['/capabilities'] }],
      Actions: [{ Type: 'forward', TargetGroupArn: SERVICE_TG }],
    },
  ];
  const calls: string[] = [];
  const client: ElbClient = {
    send: (async (command: object) => {
      calls.push(command.constructor.name);
      const input = (command as { input: Record<string, unknown> }).input;
      if (command instanceof DescribeLoadBalancersCommand) return { LoadBalancers: [{ LoadBalancerArn: 'arn:other', Type: 'application' }, { LoadBalancerArn: LB, Type: 'application' }] };
      if (command instanceof DescribeTagsCommand) {
        return { TagDescriptions: (input.ResourceArns as string[]).map((arn) => ({ ResourceArn: arn, Tags: arn === LB ? [{ Key: 'chariot:environment', Value: 'prod' }] : [] })) };
      }
      if (command instanceof DescribeListenersCommand) return { Listeners: input.LoadBalancerArn === LB ? [{ ListenerArn: LISTENER }] : [] };
      if (command instanceof DescribeRulesCommand) return { Rules: structuredClone(rules) };
      if (command instanceof DescribeTargetGroupsCommand) {
        return { TargetGroups: (input.TargetGroupArns as string[]).map((arn) => ({ TargetGroupArn: arn, TargetType: arn === LAMBDA_TG ? 'lambda' : 'ip' })) };
      }
      if (command instanceof ModifyRuleCommand) {
        const rule = rules.find((r) => r.RuleArn === input.RuleArn)!;
        rule.Actions = input.Actions as Rule['Actions'];
        return {};
      }
      throw new Error(`unexpected ${command.constructor.name}`);
    }) as ElbClient['send'],
  };
  return { client, rules, calls };
}

const canaryOf = (elb: ReturnType<typeof stubElb>) => elb.rules.find((r) => r.RuleArn!.endsWith('/canary-asset'))!;

/** prod with GET /asset deployed as canary:10 (cdk.json + a -c override, as an operator would have deployed it). */
const CANARY_10 = ['-c', 'env=prod', '-c', 'migrate:GET /asset=canary:10'];

async function shift(args: string[], elb = stubElb(10)) {
  const lines: string[] = [];
  const code = await runShift(args, { print: (line) => lines.push(line), elb: () => elb.client, localGatewayUrl: () => undefined, cdkJsonContext: readCdkJsonContext() });
  return { code, out: lines.join('\n'), elb };
}

describe('npm run shift (AWS, stubbed ELB)', () => {
  test('finds the canary rule from the route table, changes its weights in place and prints before/after', async () => {
    const { code, out, elb } = await shift([...CANARY_10, 'GET /asset', '25']);
    expect(code).toBe(0);
    expect(out).toContain('before  lambda 90%  fargate 10%');
    expect(out).toContain('after   lambda 75%  fargate 25%');
    expect(canaryOf(elb).Actions![0].ForwardConfig!.TargetGroups).toEqual([
      { TargetGroupArn: LAMBDA_TG, Weight: 75 },
      { TargetGroupArn: SERVICE_TG, Weight: 25 },
    ]);
    expect(elb.calls.filter((c) => c === 'ModifyRuleCommand')).toHaveLength(1);
    // The rule that also matches PUT /asset is another route's business: untouched.
    expect(elb.rules[0].Actions![0].ForwardConfig!.TargetGroups!.map((g) => g.Weight)).toEqual([50, 50]);
    // cdk.json (+ -c) says canary:10: the operator is told the next deploy resets it, and how to keep it.
    expect(out).toMatch(/warning: cdk.json deploys "GET \/asset" as canary:10 in prod, live is now canary:25.*migrations\["GET \/asset"\] = "canary:25"/);
  });

  test('rollback sends everything to Lambda; no warning when the result is what cdk.json deploys', async () => {
    const rolledBack = await shift([...CANARY_10, 'GET /asset', 'rollback'], stubElb(60));
    expect(rolledBack.out).toContain('after   lambda 100%  fargate 0%');
    expect(canaryOf(rolledBack.elb).Actions![0].ForwardConfig!.TargetGroups!.map((g) => g.Weight)).toEqual([100, 0]);
    const same = await shift(['-c', 'env=prod', '-c', 'migrate:GET /asset=canary:0', 'GET /asset', 'rollback']);
    expect(same.out).not.toContain('warning');
  });

  test('refuses, in one line, what has no weighted rule or is malformed', async () => {
    const notCanary = await shift(['-c', 'env=prod', 'GET /asset', '25']);
    expect(notCanary).toMatchObject({ code: 1 });
    expect(notCanary.out).toBe('error: "GET /asset" deploys as lambda in prod; only canary routes have a weighted rule: deploy it with -c "migrate:GET /asset=canary:0" first');
    const noRule = await shift(['-c', 'env=prod', '-c', 'migrate:GET /risk=canary:5', 'GET /risk', '25']);
    expect(noRule.out).toMatch(/^error: No weighted listener rule for "GET \/risk" \(path \/risk\)/);
    expect((await shift([...CANARY_10, 'GET /asset', '101'])).out).toMatch(/^error: Weight must be a whole percentage 0-100/);
    expect((await shift([...CANARY_10, 'GET /nope', '5'])).out).toBe('error: Unknown route "GET /nope": use a route id such as "GET /asset" (npm run routes)');
    expect(notCanary.elb.calls).not.toContain('ModifyRuleCommand');
  });
});
