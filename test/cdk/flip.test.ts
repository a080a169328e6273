import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../bin/build-app';
import { routeId } from '../../shared/routing/routes';
import { ROUTES } from '../../shared/routing/table';
import { cliContext, integrationOf, resourcesOfType, routeLogicalId, routeResource, stacksOf, synth } from './support';

describe('flipping one route to fargate', () => {
  const flipped = 'GET /asset';
  const before = synth({ env: 'dev' }).template;
  const after = synth({ env: 'dev', [`migrate:${flipped}`]: 'fargate' }).template;

  it('turns that route\'s Lambda integration into a VPC-link integration to the ALB listener', () => {
    expect(integrationOf(before, flipped).properties).toMatchObject({ IntegrationType: 'AWS_PROXY' });
    const { properties } = integrationOf(after, flipped);
    expect(properties).toMatchObject({
      IntegrationType: 'HTTP_PROXY',
      ConnectionType: 'VPC_LINK',
      ConnectionId: { 'Fn::ImportValue': expect.stringMatching(/^Chariot-dev-Network:ExportsOutputRefFargateVpcLink/) },
      IntegrationUri: { 'Fn::ImportValue': expect.stringMatching(/^Chariot-dev-Network:ExportsOutputRefFargateAlbHttp/) },
      RequestParameters: { 'overwrite:header.x-request-id': '$context.requestId' },
    });
    expect(routeResource(after, flipped).AuthorizationType).toBe('CUSTOM');
  });

  it('adds an ALB listener rule for that path and method, forwarding to the inventory service', () => {
    expect(Object.keys(resourcesOfType(before, 'AWS::ElasticLoadBalancingV2::ListenerRule'))).toHaveLength(0);
    const rules = Object.values(resourcesOfType(after, 'AWS::ElasticLoadBalancingV2::ListenerRule'));
    // The route's rule, and the service's anchor rule (the target group needs a load balancer before ECS takes it).
    expect(rules).toHaveLength(2);
    const routeRule = rules.find((rule) => rule.Properties!.Conditions[0].Field === 'path-pattern')!;
    expect(routeRule.Properties).toMatchObject({
      Conditions: [
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/asset'] } },
        { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } },
      ],
      Actions: [{ Type: 'forward', TargetGroupArn: { 'Fn::ImportValue': expect.stringMatching(/^Chariot-dev-Service-inventory:ExportsOutputRefinventoryserviceTargets/) } }],
    });
    const anchor = rules.find((rule) => rule !== routeRule)!;
    expect(anchor.Properties!.Conditions).toEqual([{ Field: 'host-header', HostHeaderConfig: { Values: ['inventory.anchor.invalid'] } }]);
    after.resourceCountIs('AWS::ECS::Service', 1);
    const [task] = Object.values(resourcesOfType(after, 'AWS::ECS::TaskDefinition'));
    const [container] = task.Properties!.ContainerDefinitions;
    expect(container.PortMappings).toEqual([expect.objectContaining({ ContainerPort: 8080 })]);
    const environment = Object.fromEntries(container.Environment.map((e: { Name: string; Value: unknown }) => [e.Name, e.Value]));
    expect(environment).toMatchObject({ PORT: '8080', POWERTOOLS_SERVICE_NAME: 'inventory', CHARIOT_ENV: 'dev', AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000' });
    // Env and secrets derive from the service's binding (test/cdk/binding.test.ts runs them through loadRuntimeConfig):
    // secrets arrive as values injected by ECS, never as ARNs the task would have to read itself.
    const secrets = container.Secrets.map((secret: { Name: string }) => secret.Name).sort();
    expect(secrets).toEqual(['API_TOKEN_KEY', 'NEO4J_PASSWORD', 'NEO4J_URI', 'NEO4J_USER', 'OFFSET_KEYS']);
    expect(Object.keys(environment).filter((name) => name.endsWith('_ARN'))).toEqual([]);
    // The ALB asks readiness (dependencies answer); ECS asks liveness (the process answers).
    after.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/health/ready', Port: 8080, TargetType: 'ip' });
    expect(container.HealthCheck.Command.join(' ')).toContain('http://127.0.0.1:8080/health/live');
    after.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 1, MaxCapacity: 2 });
    // Node 22 image on arm64, like the Lambdas; no DesiredCount, so a deploy never resets what autoscaling set.
    expect(task.Properties!.RuntimePlatform).toEqual({ CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' });
    const [service] = Object.values(resourcesOfType(after, 'AWS::ECS::Service'));
    expect(service.Properties!.DesiredCount).toBeUndefined();
    expect(service.Properties!.DeploymentConfiguration.DeploymentCircuitBreaker).toEqual({ Enable: true, Rollback: true });
  });

  it('leaves every other route, its integration and everything that existed before unchanged, except that route\'s Lambda permission and the dashboard', () => {
    for (const route of ROUTES.filter((r) => routeId(r) !== flipped)) {
      expect(routeResource(after, routeId(route))).toEqual(routeResource(before, routeId(route)));
      expect(integrationOf(after, routeId(route))).toEqual(integrationOf(before, routeId(route)));
    }
    const beforeResources = before.toJSON().Resources as Record<string, unknown>;
    const afterResources = after.toJSON().Resources as Record<string, unknown>;
    const changedOrRemoved = Object.keys(beforeResources).filter(
      (id) => JSON.stringify(beforeResources[id]) !== JSON.stringify(afterResources[id]),
    );
    const permissionsAfter = resourcesOfType(after, 'AWS::Lambda::Permission');
    const removedPermissions = Object.entries(resourcesOfType(before, 'AWS::Lambda::Permission')).filter(([id]) => !(id in permissionsAfter));
    expect(removedPermissions).toHaveLength(1);
    expect(JSON.stringify(removedPermissions[0][1].Properties!.FunctionName)).toContain('Routesassetfunction');
    expect(changedOrRemoved.sort()).toEqual(
      [
        routeLogicalId(before, flipped),
        integrationOf(before, flipped).logicalId,
        removedPermissions[0][0],
        // The migration dashboard gains the route's row (Lambda and Fargate side by side).
        ...Object.keys(resourcesOfType(before, 'AWS::CloudWatch::Dashboard')),
      ].sort(),
    );
  });
});

describe('flip and rollback ordering', () => {
  const flipped = 'GET /asset';
  const after = synth({ env: 'dev', [`migrate:${flipped}`]: 'fargate' });
  const before = synth({ env: 'dev' });
  const dependsOn = (template: Template, id: string) => {
    const resource = template.toJSON().Resources[routeLogicalId(template, id)] as { DependsOn?: string[] };
    return resource.DependsOn ?? [];
  };

  it('a route on the ALB goes live only after its listener rule exists and its service stack (service stable) is done', () => {
    const api = after.templates.get(after.stacks.api)!;
    const [ruleId] = Object.entries(resourcesOfType(api, 'AWS::ElasticLoadBalancingV2::ListenerRule')).find(
      ([, rule]) => JSON.stringify(rule.Properties!.Conditions).includes('"/asset"'),
    )!;
    expect(dependsOn(api, flipped)).toContain(ruleId);
    // The rule changes only after the path's Lambda routes are in place (a method rolled back off a shared rule).
    const others = ROUTES.filter((r) => r.path === '/asset' && routeId(r) !== flipped).map((r) => routeLogicalId(api, routeId(r)));
    expect(others.length).toBeGreaterThan(0);
    expect((api.toJSON().Resources[ruleId] as { DependsOn?: string[] }).DependsOn).toEqual(expect.arrayContaining(others));
    // The ECS service is in its own stack: the API stack deploys after that stack completes, which CloudFormation
    // does only once the service is stable (or the circuit breaker rolled it back, failing the deploy before the flip).
    const inventory = after.stacks.services.get('inventory')!;
    expect(after.stacks.api.dependencies).toContain(inventory);
    expect(inventory.dependencies).not.toContain(after.stacks.api);
  });

  it('a route on Lambda depends on its invoke permission (so a flip back never reaches a function it may not call)', () => {
    const api = after.templates.get(after.stacks.api)!;
    const permissions = resourcesOfType(api, 'AWS::Lambda::Permission');
    for (const route of ROUTES.filter((r) => routeId(r) !== flipped)) {
      const permission = dependsOn(api, routeId(route)).filter((id) => id in permissions);
      expect({ route: routeId(route), permissions: permission.length }).toEqual({ route: routeId(route), permissions: 1 });
      const sourceArn = JSON.stringify(permissions[permission[0]].Properties!.SourceArn);
      expect(sourceArn).toContain(`/*/*${route.path}"`);
    }
  });

  it('a service stack with no migrated route is emptied after the API stack has moved its routes back', () => {
    for (const stack of before.stacks.services.values()) {
      expect(before.templates.get(stack)!.toJSON().Resources ?? {}).toEqual({});
      expect(stack.dependencies).toContain(before.stacks.api);
    }
    expect(after.stacks.services.get('identity')!.dependencies).toContain(after.stacks.api);
  });

  it('the same flip written in cdk.json or given with -c gives the same templates', () => {
    const context = cliContext({ env: 'dev' });
    const environments = structuredClone(context.environments) as Record<string, { migrations: Record<string, string> }>;
    environments.dev.migrations = { [flipped]: 'fargate' };
    const fromCdkJson = synth({ env: 'dev', environments });
    for (const stack of stacksOf(after.stacks)) {
      const same = stacksOf(fromCdkJson.stacks).find((other) => other.stackName === stack.stackName)!;
      expect(fromCdkJson.templates.get(same)!.toJSON()).toEqual(after.templates.get(stack)!.toJSON());
    }
  });
});

describe('flag errors stop synth with one line naming the flag', () => {
  const build = (context: Record<string, unknown>) => () => buildApp(new App({ context: cliContext(context) }));

  it('unknown route', () => {
    expect(build({ env: 'dev', 'migrate:GET /nope': 'fargate' })).toThrow(/^Unknown route or group in flag "migrate:GET \/nope"/);
  });

  it('unknown target', () => {
    expect(build({ env: 'dev', 'migrate:asset': 'ecs' })).toThrow('Unknown target "ecs" in flag "migrate:asset": use lambda or fargate');
  });

  it('unknown target in cdk.json, named the same way', () => {
    const context = cliContext({ env: 'dev' });
    const environments = structuredClone(context.environments) as Record<string, { migrations: Record<string, string> }>;
    environments.dev.migrations = { risk: 'container' };
    expect(build({ env: 'dev', environments })).toThrow('Unknown target "container" in flag "migrate:risk"');
  });

  it('unknown environment', () => {
    expect(build({ env: 'qa' })).toThrow('Unknown environment "qa" (-c env=qa); cdk.json defines: dev, staging, prod');
  });
});
