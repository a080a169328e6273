/**
 * Progressive migration as it deploys (docs/migration.md "In AWS"): `-c "migrate:GET /asset=canary:10"` in prod gives
 * the route a weighted ALB rule between its group's function and its service, rollback alarms and the dashboard;
 * a `shadow` route stays on Lambda while its service runs; the ALB carries the tag `npm run shift` looks for;
 * the services trace through an X-Ray daemon sidecar.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../bin/build-app';
import type { ShadowCopyProps } from '../../lib/migration/shadow-wiring';
import { canaryRule } from '../../lib/listener-rules';
import { XRAY_DAEMON_IMAGE } from '../../lib/hono-service';
import { ENVIRONMENT_TAG } from '../../shared/migration/weighted-rule';
import { cliContext, integrationOf, resourcesOfType, routeLogicalId, synth } from './support';

const CANARY = 'GET /asset';
const SHADOW = 'GET /risk';
const built = synth({ env: 'prod', [`migrate:${CANARY}`]: 'canary:10', [`migrate:${SHADOW}`]: 'shadow' });
const api = built.templates.get(built.stacks.api)!;
const network = built.templates.get(built.stacks.network)!;
const inventory = built.templates.get(built.stacks.services.get('inventory')!)!;
const resourcesOf = (template: Template) => template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any>; DependsOn?: string[] }>;
const canaryRuleOf = () => {
  const priority = canaryRule({ path: '/asset', method: 'GET', service: 'inventory' }).priority;
  return Object.entries(resourcesOfType(api, 'AWS::ElasticLoadBalancingV2::ListenerRule')).find(([, rule]) => rule.Properties!.Priority === priority)!;
};

describe('a canary route', () => {
  it('reaches the ALB through the VPC link, after its weighted rule exists', () => {
    expect(integrationOf(api, CANARY).properties).toMatchObject({ IntegrationType: 'HTTP_PROXY', ConnectionType: 'VPC_LINK' });
    expect(resourcesOf(api)[routeLogicalId(api, CANARY)].DependsOn).toContain(canaryRuleOf()[0]);
    // The path's other methods stay on their Lambda.
    expect(integrationOf(api, 'PUT /asset').properties.IntegrationType).toBe('AWS_PROXY');
  });

  it('has a rule of its own (its path, its method alone) forwarding 90/10 to its group\'s Lambda target group and its service', () => {
    const [, rule] = canaryRuleOf();
    expect(rule.Properties).toMatchObject({
      Conditions: [
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/asset'] } },
        { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } },
      ],
      Actions: [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: { Ref: expect.stringMatching(/GETassetcanaryLambdaTargets/) }, Weight: 90 },
              { TargetGroupArn: { 'Fn::ImportValue': expect.stringMatching(/^Chariot-prod-Service-inventory:ExportsOutputRefinventoryserviceTargets/) }, Weight: 10 },
            ],
          },
        },
      ],
    });
  });

  it('invokes the asset group\'s function through a Lambda target group, which the ELB service may invoke', () => {
    const assetFunction = Object.entries(resourcesOfType(api, 'AWS::Lambda::Function')).find(([, fn]) => fn.Properties!.Environment.Variables.POWERTOOLS_SERVICE_NAME === 'asset')![0];
    api.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { TargetType: 'lambda', Targets: [{ Id: { 'Fn::GetAtt': [assetFunction, 'Arn'] } }] });
    api.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'elasticloadbalancing.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [assetFunction, 'Arn'] },
    });
    // The target group registers the function only once the permission exists.
    const [targetGroupId, targetGroup] = Object.entries(resourcesOf(api)).find(([, r]) => r.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup')!;
    expect(targetGroupId).toMatch(/LambdaTargets/);
    expect(targetGroup.DependsOn?.some((id) => resourcesOf(api)[id].Type === 'AWS::Lambda::Permission')).toBe(true);
  });

  it('has two alarms on its Fargate side (5xx share, p99) that invoke the one rollback function, which may modify only its rule', () => {
    const rollback = Object.entries(resourcesOfType(api, 'AWS::Lambda::Function')).filter(([, fn]) => fn.Properties!.Environment.Variables.CANARY_RULES);
    expect(rollback).toHaveLength(1);
    const [rollbackId] = rollback[0];
    for (const [suffix, threshold] of [['5xx', 1], ['p99', 1000]] as const) {
      api.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `chariot-prod-canary-get-asset-${suffix}`,
        Threshold: threshold,
        AlarmActions: [{ 'Fn::GetAtt': [rollbackId, 'Arn'] }],
      });
    }
    api.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    api.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: 'elasticloadbalancing:ModifyRule', Effect: 'Allow', Resource: { Ref: canaryRuleOf()[0] } }]) },
    });
    api.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'lambda.alarms.cloudwatch.amazonaws.com', FunctionName: { 'Fn::GetAtt': [rollbackId, 'Arn'] } });
  });
});

describe('a shadow route', () => {
  it('reaches the shadow copy wiring, when one is given, with its function and the backend (once per app)', () => {
    const calls: { stack: string; props: ShadowCopyProps }[] = [];
    const app = new App({ context: cliContext({ env: 'prod', [`migrate:${SHADOW}`]: 'shadow:5' }) });
    const { stacks } = buildApp(app, { shadowCopy: (scope, props) => void calls.push({ stack: Stack.of(scope).stackName, props }) });
    expect(calls).toHaveLength(1);
    expect(calls[0].stack).toBe('Chariot-prod-Api');
    expect(calls[0].props.routes.map((r) => [r.resolved.id, r.resolved.state, r.function.node.path])).toEqual([
      [SHADOW, { kind: 'shadow', samplePercent: 5 }, expect.stringContaining('risk-function')],
    ]);
    expect(calls[0].props.backend).toBe(stacks.network.backend);
  });

  it('by default wires the shadow comparer: in the VPC, calling the internal listener, invoked by the route\'s function', () => {
    api.hasResourceProperties('AWS::Lambda::Function', {
      VpcConfig: Match.anyValue(),
      Environment: { Variables: Match.objectLike({ SHADOW_TARGETS: Match.anyValue() }) },
    });
    api.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SHADOW_ROUTES: JSON.stringify({ [SHADOW]: 100 }), SHADOW_COMPARER_ARN: Match.anyValue() }) },
    });
    api.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 80, ToPort: 80, SourceSecurityGroupId: Match.anyValue() });
  });

  it('is served by its Lambda; its service runs and the ALB reaches it for the GET (where the shadow copy goes)', () => {
    expect(integrationOf(api, SHADOW).properties.IntegrationType).toBe('AWS_PROXY');
    inventory.resourceCountIs('AWS::ECS::Service', 1);
    api.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/risk'] } },
        { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } },
      ],
      Actions: [{ Type: 'forward', TargetGroupArn: Match.anyValue() }],
    });
  });
});

test('one migration dashboard for the environment, with every route that is not plain Lambda', () => {
  const [dashboard] = Object.values(resourcesOfType(api, 'AWS::CloudWatch::Dashboard'));
  expect(dashboard.Properties!.DashboardName).toBe('chariot-prod-migration');
  const body = JSON.stringify(dashboard.Properties!.DashboardBody);
  for (const route of [CANARY, SHADOW, 'GET /capabilities']) expect(body).toContain(`${route} p99 (ms)`);
  expect(body).not.toContain('PUT /asset');
});

test(`the ALB carries ${ENVIRONMENT_TAG}=<env>, which npm run shift finds it by`, () => {
  network.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Tags: Match.arrayWith([{ Key: ENVIRONMENT_TAG, Value: 'prod' }]) });
});

test('a service traces through an X-Ray daemon sidecar it may write to', () => {
  const [task] = Object.values(resourcesOfType(inventory, 'AWS::ECS::TaskDefinition'));
  const [app, daemon] = task.Properties!.ContainerDefinitions;
  expect(daemon).toMatchObject({ Image: XRAY_DAEMON_IMAGE, Essential: false, PortMappings: [{ ContainerPort: 2000, Protocol: 'udp' }] });
  expect(app.Environment).toEqual(expect.arrayContaining([{ Name: 'AWS_XRAY_DAEMON_ADDRESS', Value: '127.0.0.1:2000' }]));
  inventory.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['xray:PutTraceSegments']), Resource: '*' })]) },
    Roles: [{ Ref: Match.stringLikeRegexp('TaskTaskRole') }],
  });
});

test('without canary routes there is no rollback function and no alarm', () => {
  const prod = synth({ env: 'prod' });
  const plain = prod.templates.get(prod.stacks.api)!;
  plain.resourceCountIs('AWS::CloudWatch::Alarm', 0);
  plain.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 0);
});
