/**
 * The binding gate: every backend the app synthesizes starts with what the template gives it. Each
 * function's env and each container's env + secrets (tokens resolved to plausible deployed values,
 * secrets to values of their generated shape) goes through `loadRuntimeConfig` with the binding that
 * backend's code uses, then through the secret parsers; and every secret it is told about is one it
 * may read (Lambda: a GetSecretValue grant; ECS: a field its secret has). No env names are listed here.
 */
import { AUTHORIZER_BINDING, GRAPH_PROJECTOR_BINDING, PLAIN_VARIABLES, SECRET_DELIVERY, apiBinding, type Binding, type SecretNeed } from '../../shared/config/binding';
import { loadRuntimeConfig } from '../../shared/config/runtime';
import { serviceBinding } from '../../shared/config/service-binding';
import { parseOffsetKeyRing } from '../../shared/db/offset';
import { ROUTE_GROUP_NAMES, routeGroup } from '../../shared/routing/table';
import type { ServiceName } from '../../shared/routing/routes';
import { AppTemplates, plausibleValue, secretFieldOf, secretResourceOf, type CfnResource } from '../support/cfn-resolve';
import { synth } from './support';

/** The binding each Lambda's code passes to loadRuntimeConfig, by its POWERTOOLS_SERVICE_NAME (the entries' own constants). */
function functionBinding(name: string): Binding | 'none' {
  if (name === 'authorizer') return AUTHORIZER_BINDING;
  if (name === 'graph-projector') return GRAPH_PROJECTOR_BINDING;
  if (name === 'offset-key-rotation') return 'none'; // its rotation event names the secret; it reads no runtime config
  if (name === 'canary-rollback') return 'none'; // its alarm event and CANARY_RULES name the rule; it reads no runtime config
  if ((ROUTE_GROUP_NAMES as readonly string[]).includes(name)) return apiBinding(routeGroup(name as (typeof ROUTE_GROUP_NAMES)[number]).access);
  throw new Error(`function ${name} has no declared binding`);
}

/** A value of the shape the secret is generated with (imported secrets: the documented shape of the Neo4j secret). */
function plausibleSecret(resource: { properties: Record<string, any> } | undefined, field: string | undefined): string {
  const generate = resource?.properties.GenerateSecretString as { SecretStringTemplate?: string; GenerateStringKey?: string } | undefined;
  const whole = generate?.GenerateStringKey
    ? JSON.stringify({ ...JSON.parse(generate.SecretStringTemplate ?? '{}'), [generate.GenerateStringKey]: 'g'.repeat(64) })
    : resource
      ? 'g'.repeat(64)
      : JSON.stringify({ uri: 'neo4j+s://graph.example.com', username: 'neo4j', password: 'g'.repeat(32) });
  if (!field) return whole;
  const value = (JSON.parse(whole) as Record<string, unknown>)[field];
  if (typeof value !== 'string') throw new Error(`the secret has no field "${field}"`);
  return value;
}

/** The three environments, and dev with a group of each service migrated (so every service has a task definition). */
/**
 * Whether an IAM resource pattern covers a secret ARN. A secret imported by name is known by its partial ARN
 * (no random suffix); its grant reads `<name>-??????`, which covers the full ARN Secrets Manager resolves it to.
 */
function arnMatches(pattern: string, arn: string): boolean {
  const glob = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return glob.test(arn) || glob.test(`${arn}-AbCdEf`);
}

const ENVIRONMENTS: [string, Record<string, string>][] = [
  ['dev', { env: 'dev' }],
  ['staging', { env: 'staging' }],
  ['prod', { env: 'prod' }],
  ['dev with every service', { env: 'dev', 'migrate:asset': 'fargate', 'migrate:file': 'fargate', 'migrate:key': 'fargate' }],
];

/** Every backend says which environment it runs in (its metrics' `environment` dimension): the name `-c env` picked. */
const expectEnvironmentName = (env: Record<string, unknown>, envName: string) =>
  expect(Object.fromEntries(PLAIN_VARIABLES.environment.map((name) => [name, env[name]]))).toEqual(Object.fromEntries(PLAIN_VARIABLES.environment.map((name) => [name, envName])));

describe.each(ENVIRONMENTS)('%s: every backend starts with the env and secrets the template gives it', (_label, context) => {
  const { app } = synth(context);
  const templates = new AppTemplates(app.synth());
  const stackOf = (name: string) => templates.templates.get(name)!;
  const regionOf = (stack: string) => {
    const env = app.synth().getStackByName(stack).environment;
    return { region: env.region, account: env.account };
  };
  const resolved = (stack: string, value: unknown) => {
    const { region, account } = regionOf(stack);
    return templates.resolve(stack, value, plausibleValue(region, account));
  };

  test('each Lambda function', () => {
    const functions = templates.functions();
    expect(functions.map((fn) => fn.name)).toEqual(expect.arrayContaining(['authorizer', 'graph-projector']));
    const gaps: string[] = [];
    for (const fn of functions) {
      const binding = functionBinding(fn.name);
      if (binding === 'none') continue;
      const env = Object.fromEntries(Object.entries(fn.env).map(([name, value]) => [name, resolved(fn.stack, value)]));
      try {
        loadRuntimeConfig(env, binding);
        expectEnvironmentName(env, context.env);
        // Least privilege both ways: told only the secrets it is bound to, and granted read on each of them.
        for (const need of Object.keys(SECRET_DELIVERY) as SecretNeed[]) {
          const arnVariable = SECRET_DELIVERY[need].arnVariable;
          if (!binding[need]) expect({ [arnVariable]: env[arnVariable] }).toEqual({ [arnVariable]: undefined });
          else expect({ need, granted: secretReadGrantedTo(fn.stack, fn.role).some((granted) => arnMatches(granted, env[arnVariable])) }).toEqual({ need, granted: true });
        }
      } catch (error) {
        gaps.push(`${fn.name} (${fn.stack}/${fn.logicalId}): ${(error as Error).message}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  test('each Fargate task definition (env + ECS-injected secrets)', () => {
    const gaps: string[] = [];
    const containers = templates.containers();
    if (_label === 'dev with every service') expect(containers.map((c) => c.name).sort()).toEqual(['identity', 'inventory', 'operations']);
    for (const container of containers) {
      const secrets = Object.fromEntries(
        Object.entries(container.secrets).map(([name, valueFrom]) => {
          const field = secretFieldOf(resolved(container.stack, valueFrom));
          return [name, plausibleSecret(secretResourceOf(templates, container.stack, valueFrom), field)];
        }),
      );
      const env = { ...Object.fromEntries(Object.entries(container.env).map(([name, value]) => [name, resolved(container.stack, value)])), ...secrets };
      try {
        const config = loadRuntimeConfig(env, serviceBinding(container.name as ServiceName));
        expectEnvironmentName(env, context.env);
        if (config.offsetKeys && 'value' in config.offsetKeys) parseOffsetKeyRing(config.offsetKeys.value);
        expect(Object.keys(env).filter((name) => name.endsWith('_SECRET_ARN'))).toEqual([]);
      } catch (error) {
        gaps.push(`${container.name} (${container.stack}/${container.logicalId}): ${(error as Error).message}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  /** The (resolved) secret ARNs the role of a function may GetSecretValue on. */
  function secretReadGrantedTo(stack: string, role: unknown): string[] {
    const roleId = (role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    return Object.values(stackOf(stack).Resources ?? {})
      .filter((resource: CfnResource) => resource.Type === 'AWS::IAM::Policy' && JSON.stringify(resource.Properties?.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties!.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
      .filter((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue'))
      .flatMap((statement) => [statement.Resource].flat().map((resource) => resolved(stack, resource)));
  }
});

test('a service binding is the union of its groups; an authorizer never holds the offset key', () => {
  expect(serviceBinding('inventory')).toMatchObject({ graph: true, offsetKey: true, apiTokenKey: true, table: 'readWrite' });
  expect(serviceBinding('operations').files).toBe(true);
  expect(AUTHORIZER_BINDING.offsetKey).toBe(false);
});
