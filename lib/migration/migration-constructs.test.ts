/** Template tests of the migration constructs (not wired into the stacks yet; docs/migration.md). */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CanaryRollback } from './canary-rollback';
import { MigrationDashboard } from './migration-dashboard';
import { ShadowComparer } from './shadow-comparer';
import { WeightedRouteRule } from './weighted-route-rule';

function build() {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Migration', { env: { account: '333333333333', region: 'us-east-2' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
  const listener = alb.addListener('Http', { port: 80, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
  const fn = new lambda.Function(stack, 'AssetFn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>({})') });
  const serviceTargets = new elbv2.ApplicationTargetGroup(stack, 'Inventory', { vpc, port: 8080, targetType: elbv2.TargetType.IP });
  const canary = new WeightedRouteRule(stack, 'AssetCanary', {
    listener,
    route: { method: 'GET', path: '/asset' },
    priority: 17,
    function: fn,
    serviceTargetGroup: serviceTargets,
    fargatePercent: 10,
  });
  new CanaryRollback(stack, 'Rollback', { envName: 'prod', policy: { maxFargate5xxPercent: 1, maxFargateP99Ms: 800 }, canaries: new Map([['GET /asset', canary]]) });
  new MigrationDashboard(stack, 'Dashboard', { envName: 'prod', routes: ['GET /asset'] });
  const comparer = new ShadowComparer(stack, 'ShadowComparer', { vpc, loadBalancer: alb, serviceTargetGroups: { inventory: serviceTargets }, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
  comparer.shadowRoutes(fn, { 'GET /asset': 5 });
  return { template: Template.fromStack(stack), stack };
}

const { template } = build();

test('the canary rule forwards with the cdk.json weight to a Lambda target group and the service target group', () => {
  template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
    Priority: 17,
    Conditions: Match.arrayWith([
      { Field: 'path-pattern', PathPatternConfig: { Values: ['/asset'] } },
      { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } },
    ]),
    Actions: [
      {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: { Ref: Match.stringLikeRegexp('AssetCanaryLambdaTargets') }, Weight: 90 },
            { TargetGroupArn: { Ref: Match.stringLikeRegexp('Inventory') }, Weight: 10 },
          ],
        },
      },
    ],
  });
  template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { TargetType: 'lambda', Targets: [{ Id: { 'Fn::GetAtt': [Match.stringLikeRegexp('AssetFn'), 'Arn'] } }] });
  template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: 'elasticloadbalancing.amazonaws.com' });
});

test('two alarms per canary route on its Fargate side, each invoking the rollback function, which may only modify that rule', () => {
  template.hasResourceProperties('AWS::CloudWatch::Alarm', {
    AlarmName: 'chariot-prod-canary-get-asset-p99',
    Threshold: 800,
    ExtendedStatistic: 'p99',
    MetricName: 'Latency',
    Namespace: 'Chariot',
    Dimensions: Match.arrayWith([{ Name: 'route', Value: 'GET /asset' }, { Name: 'runtime', Value: 'fargate' }]),
    AlarmActions: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('RollbackFunction'), 'Arn'] }],
  });
  template.hasResourceProperties('AWS::CloudWatch::Alarm', {
    AlarmName: 'chariot-prod-canary-get-asset-5xx',
    Threshold: 1,
    Metrics: Match.arrayWith([Match.objectLike({ Expression: 'IF(requests > 0, 100 * errors / requests, 0)' })]),
  });
  template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: 'lambda.alarms.cloudwatch.amazonaws.com' });
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: { Statement: Match.arrayWith([{ Action: 'elasticloadbalancing:ModifyRule', Effect: 'Allow', Resource: { Ref: Match.stringLikeRegexp('AssetCanaryRule') } }]) },
  });
  const fn = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: { CANARY_RULES: Match.anyValue() } } } }));
  expect(fn).toHaveLength(1);
  expect(JSON.stringify(fn[0].Properties.Environment.Variables.CANARY_RULES)).toContain('chariot-prod-canary-get-asset-5xx');
});

test('the dashboard puts each route\'s Lambda and Fargate side by side, and its shadow results', () => {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  expect(dashboard.Properties.DashboardName).toBe('chariot-prod-migration');
  const body = JSON.stringify(dashboard.Properties.DashboardBody);
  for (const text of ['GET /asset requests', 'GET /asset p99 (ms)', 'ShadowMismatch', '\\"runtime\\",\\"lambda\\"', '\\"runtime\\",\\"fargate\\"']) expect(body).toContain(text);
});

test('the shadow comparer: in the VPC, reaching the service through a listener of its own, invoked asynchronously by the shadowing Lambda', () => {
  template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
    Port: 8081,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: Match.stringLikeRegexp('Inventory') } }],
  });
  template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
    FromPort: 8081,
    SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('ShadowComparerSecurityGroup'), 'GroupId'] },
  });
  template.hasResourceProperties('AWS::Lambda::Function', {
    VpcConfig: Match.objectLike({ SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('ShadowComparerSecurityGroup'), 'GroupId'] }] }),
    Environment: { Variables: Match.objectLike({ SHADOW_TARGETS: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^\\{"inventory":"http://'), ':8081"}'])] } }) },
  });
  template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 0 });
  template.hasResourceProperties('AWS::Lambda::Function', {
    Environment: { Variables: { SHADOW_ROUTES: '{"GET /asset":5}', SHADOW_COMPARER_ARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('ShadowComparerFunction'), 'Arn'] } } },
  });
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'lambda:InvokeFunction', Resource: Match.arrayWith([{ 'Fn::GetAtt': [Match.stringLikeRegexp('ShadowComparerFunction'), 'Arn'] }]) })]) },
  });
});
