import { App } from 'aws-cdk-lib';
import { buildApp } from '../../bin/build-app';
import { routeId } from '../../shared/routing/routes';
import { ROUTES } from '../../shared/routing/table';
import { cliContext, integrationOf, resourcesOfType, routeLogicalId, routeResource, synth } from './support';

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
      ConnectionId: { Ref: expect.stringMatching(/^FargateVpcLink/) },
      IntegrationUri: { Ref: expect.stringMatching(/^FargateAlbHttp/) },
      RequestParameters: { 'overwrite:header.x-request-id': '$context.requestId' },
    });
    expect(routeResource(after, flipped).AuthorizationType).toBe('CUSTOM');
  });

  it('adds an ALB listener rule for that path and method, forwarding to the inventory service', () => {
    expect(Object.keys(resourcesOfType(before, 'AWS::ElasticLoadBalancingV2::ListenerRule'))).toHaveLength(0);
    const rules = Object.values(resourcesOfType(after, 'AWS::ElasticLoadBalancingV2::ListenerRule'));
    expect(rules).toHaveLength(1);
    expect(rules[0].Properties).toMatchObject({
      Conditions: [
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/asset'] } },
        { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } },
      ],
      Actions: [{ Type: 'forward', TargetGroupArn: { Ref: expect.stringMatching(/^Routesinventoryservice/) } }],
    });
    after.resourceCountIs('AWS::ECS::Service', 1);
    const [task] = Object.values(resourcesOfType(after, 'AWS::ECS::TaskDefinition'));
    const [container] = task.Properties!.ContainerDefinitions;
    expect(container.PortMappings).toEqual([expect.objectContaining({ ContainerPort: 8080 })]);
    const environment = Object.fromEntries(container.Environment.map((e: { Name: string; Value: unknown }) => [e.Name, e.Value]));
    expect(environment).toMatchObject({ PORT: '8080', POWERTOOLS_SERVICE_NAME: 'inventory', POWERTOOLS_TRACE_ENABLED: 'false' });
    // Env and secrets derive from the service's binding (test/cdk/binding.test.ts runs them through loadRuntimeConfig):
    // secrets arrive as values injected by ECS, never as ARNs the task would have to read itself.
    const secrets = container.Secrets.map((secret: { Name: string }) => secret.Name).sort();
    expect(secrets).toEqual(['API_TOKEN_KEY', 'NEO4J_PASSWORD', 'NEO4J_URI', 'NEO4J_USER', 'OFFSET_KEYS']);
    expect(Object.keys(environment).filter((name) => name.endsWith('_ARN'))).toEqual([]);
    // The ALB asks readiness (dependencies answer); ECS asks liveness (the process answers).
    after.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/health/ready', Port: 8080, TargetType: 'ip' });
    expect(container.HealthCheck.Command.join(' ')).toContain('http://127.0.0.1:8080/health/live');
    after.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 1, MaxCapacity: 2 });
  });

  it('leaves every other route, its integration and everything that existed before unchanged, except that route\'s Lambda permission', () => {
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
        // The ALB's first target replaces its placeholder deny-all egress with a rule to the service.
        'FargateAlbSecurityGroup57E34DD6',
      ].sort(),
    );
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
