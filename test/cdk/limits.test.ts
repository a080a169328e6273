/** AWS limits the templates must respect for any route table, the prod placeholder guard, and the network shape. */
import { App, type Stack } from 'aws-cdk-lib';
import { buildApp } from '../../bin/build-app';
import { ALB_RULE_LIMITS, listenerRules } from '../../lib/listener-rules';
import { albPathPattern } from '../../shared/routing/alb-path';
import { ROUTE_GROUPS, ROUTES } from '../../shared/routing/table';
import { findPlaceholders } from '../../tooling/deploy-config/placeholders';
import { loadDeploymentConfig, readCdkJsonContext } from '../../tooling/deploy-config/load';
import { cliContext, resourcesOfType, stacksOf, synth } from './support';

const conditionValues = (conditions: { Field: string; [key: string]: any }[]) =>
  conditions.reduce((sum, condition) => sum + (Object.values(condition).find((v) => typeof v === 'object')?.Values?.length ?? 0), 0);

/** Every group that has a service, on Fargate: the most listener rules today's table can have. */
const EVERYTHING_MIGRATED = {
  env: 'dev',
  ...Object.fromEntries(Object.values(ROUTE_GROUPS).flatMap((group) => (group.service ? [[`migrate:${group.name}`, 'fargate']] : []))),
};

describe('every migratable route on Fargate', () => {
  it('keeps listener rules within the condition-value and wildcard limits', () => {
    const { template, config } = synth(EVERYTHING_MIGRATED);
    const rules = Object.values(resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::ListenerRule'));
    for (const rule of rules) {
      const conditions = rule.Properties!.Conditions as { Field: string }[];
      expect(conditionValues(conditions)).toBeLessThanOrEqual(ALB_RULE_LIMITS.conditionValues);
      expect(JSON.stringify(conditions).split('*').length - 1).toBeLessThanOrEqual(ALB_RULE_LIMITS.wildcards);
    }
    // Every migrated (path, method) is matched by exactly one rule.
    const fargate = config.routes.filter((route) => route.target === 'fargate');
    for (const route of fargate) {
      const matching = rules.filter((rule) => {
        const json = JSON.stringify(rule.Properties!.Conditions);
        return json.includes(`"${albPathPattern(route.route.path)}"`) && json.includes(`"${route.route.method}"`);
      });
      expect({ route: route.id, rules: matching.length }).toEqual({ route: route.id, rules: 1 });
    }
    const priorities = rules.map((rule) => rule.Properties!.Priority);
    expect(new Set(priorities).size).toBe(priorities.length);
    expect(fargate.length).toBe(ROUTES.filter((route) => ROUTE_GROUPS[route.group as keyof typeof ROUTE_GROUPS].service).length);
  });

  it('the network and data stacks export the same names whatever is migrated (no export vanishes under an importer)', () => {
    const everything = synth(EVERYTHING_MIGRATED);
    const before = synth({ env: 'dev' });
    type Built = typeof before;
    const exportsOf = (built: Built, stack: Stack) =>
      Object.values((built.templates.get(stack)!.toJSON().Outputs ?? {}) as Record<string, { Export?: { Name: string } }>)
        .flatMap((output) => (output.Export ? [output.Export.Name] : []))
        .sort();
    for (const part of ['data', 'network'] as const) {
      expect(exportsOf(everything, everything.stacks[part])).toEqual(exportsOf(before, before.stacks[part]));
    }
    // Every import of the fully migrated app names one of those, or an export of the service stack it depends on.
    const exported = new Set(stacksOf(everything.stacks).flatMap((stack) => exportsOf(everything, stack)));
    const stable = new Set([...exportsOf(before, before.stacks.data), ...exportsOf(before, before.stacks.network)]);
    for (const stack of stacksOf(everything.stacks)) {
      const imports = [...JSON.stringify(everything.templates.get(stack)!.toJSON()).matchAll(/"Fn::ImportValue":"([^"]+)"/g)].map((m) => m[1]);
      for (const name of imports) {
        expect(exported.has(name)).toBe(true);
        if (!stable.has(name)) expect(name).toMatch(/^Chariot-dev-Service-\w+:/);
      }
    }
  });

});

describe('listener rules', () => {
  it('fit a path with all four methods in one rule (1 path + 4 methods = 5 values), and refuse a path with too many wildcards', () => {
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'GET'] as const;
    const rules = listenerRules(methods.map((method) => ({ path: '/a/{b}', method, service: 'inventory' })));
    expect(rules.map((rule) => rule.methods.length)).toEqual([4]);
    expect(rules[0].priority).toBeGreaterThan(0);
    const deep = '/a/{b}/{c}/{d}/{e}/{f}/{g}';
    expect(() => listenerRules([{ path: deep, method: 'GET', service: 'inventory' }])).toThrow(/6 parameters; an ALB listener rule allows 5 wildcards/);
  });
});

describe('prod placeholder guard', () => {
  const context = readCdkJsonContext();

  it('names each example value prod still uses, and none for dev or staging', () => {
    const prod = loadDeploymentConfig({ context: { ...context, env: 'prod' } }).environment;
    expect(findPlaceholders(prod)).toEqual([
      'account=333333333333',
      'userPool.userPoolId=us-east-2_Chariot01',
      'userPool.clientId=4example5clientid6abcdefgh',
      'table.streamArn=arn:aws:dynamodb:us-east-2:333333333333:table/chariot/stream/2024-01-01T00:00:00.000',
    ]);
    for (const env of ['dev', 'staging']) expect(findPlaceholders(loadDeploymentConfig({ context: { ...context, env } }).environment)).toEqual([]);
  });

  it('refuses to build prod with them unless -c allowPlaceholders=true', () => {
    const build = (overrides: Record<string, unknown>) => () => buildApp(new App({ context: { ...cliContext({ env: 'prod' }), ...overrides } }));
    expect(build({ allowPlaceholders: undefined })).toThrow(
      /^Environment "prod" still uses cdk.json's example values \(account=333333333333, .*\): replace them before deploying, or pass -c allowPlaceholders=true/,
    );
    expect(build({ allowPlaceholders: 'false' })).toThrow(/example values/);
    expect(build({})).not.toThrow();
    expect(() => buildApp(new App({ context: { ...cliContext({ env: 'dev' }), allowPlaceholders: undefined } }))).not.toThrow();
  });
});

describe('network', () => {
  it('has gateway endpoints for DynamoDB and S3, and a NAT gateway per AZ where the environment asks (prod)', () => {
    for (const [env, nats] of [['dev', 1], ['prod', 2]] as const) {
      const template = synth({ env }).templates;
      const network = [...template.entries()].find(([stack]) => stack.stackName === `Chariot-${env}-Network`)![1];
      network.resourceCountIs('AWS::EC2::NatGateway', nats);
      const endpoints = Object.values(resourcesOfType(network, 'AWS::EC2::VPCEndpoint')).map((e) => JSON.stringify(e.Properties!.ServiceName));
      expect(endpoints.sort()).toEqual([expect.stringContaining('.dynamodb'), expect.stringContaining('.s3')]);
    }
  });
});
