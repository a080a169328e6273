import { ROUTES } from '../../shared/routing/table';
import { formatRouteTable } from '../../tooling/route-report';
import { ConfigError, contextFromArgs, loadDeploymentConfig, readCdkJsonContext } from '../../tooling/deploy-config/load';

const cdkJson = readCdkJsonContext();
const load = (overrides: Record<string, unknown>) => loadDeploymentConfig({ context: { ...cdkJson, ...overrides } });
const targetOf = (overrides: Record<string, unknown>, id: string) => load(overrides).routes.find((r) => r.id === id)!.target;

/** cdk.json context with one environment replaced. */
function withEnvironment(name: string, patch: Record<string, unknown>) {
  const environments = structuredClone(cdkJson.environments) as Record<string, Record<string, unknown>>;
  environments[name] = { ...environments[name], ...patch };
  return { ...cdkJson, environments, env: name };
}

describe('loadDeploymentConfig', () => {
  it('selects dev by default and applies defaults', () => {
    const { envName, environment, routes } = load({});
    expect(envName).toBe('dev');
    expect(environment).toMatchObject({ table: { mode: 'create' }, corsOrigins: ['*'] });
    expect(routes.every((r) => r.target === 'lambda')).toBe(true);
  });

  it('reads the environment\'s migrations from cdk.json', () => {
    expect(targetOf({ env: 'staging' }, 'GET /asset')).toBe('fargate');
    expect(targetOf({ env: 'staging' }, 'GET /capabilities')).toBe('fargate');
    expect(targetOf({ env: 'staging' }, 'PUT /asset')).toBe('lambda');
  });

  it('lets a -c flag replace the cdk.json value of the same key', () => {
    expect(targetOf({ env: 'staging', 'migrate:GET /asset': 'lambda' }, 'GET /asset')).toBe('lambda');
    expect(targetOf({ env: 'staging', 'migrate:capabilities': 'lambda' }, 'GET /capabilities')).toBe('lambda');
  });

  it('keeps a cdk.json route flag above a -c group flag (route > group, whatever the source)', () => {
    const context = withEnvironment('dev', { migrations: { 'PUT /risk': 'lambda' } });
    const routes = loadDeploymentConfig({ context: { ...context, 'migrate:risk': 'fargate' } }).routes;
    expect(routes.filter((r) => r.route.group === 'risk').map((r) => `${r.id}=${r.target}`)).toEqual([
      'GET /risk=fargate',
      'POST /risk=fargate',
      'PUT /risk=lambda',
      'DELETE /risk=fargate',
      'POST /bulk/risk=fargate',
    ]);
  });

  it('rejects an invalid environment in one line naming the fields', () => {
    const context = withEnvironment('staging', { account: '1234', table: { mode: 'import', tableName: 'chariot' } });
    expect(() => loadDeploymentConfig({ context })).toThrow(ConfigError);
    try {
      loadDeploymentConfig({ context });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/^Invalid environment "staging" in cdk.json: /);
      expect(message).toContain('account: must be a 12-digit AWS account id');
      expect(message).toContain('table.streamArn');
      expect(message).not.toContain('\n');
    }
  });

  it('rejects unknown keys (typos) and maxCount below desiredCount', () => {
    expect(() => loadDeploymentConfig({ context: withEnvironment('dev', { tabel: {} }) })).toThrow(/tabel/);
    const fargate = { cpu: 256, memoryMiB: 512, desiredCount: 3, maxCount: 2 };
    expect(() => loadDeploymentConfig({ context: withEnvironment('dev', { fargate }) })).toThrow(
      'fargate.maxCount: maxCount must be >= desiredCount',
    );
  });

  it('requires corsOrigins outside dev', () => {
    expect(() => loadDeploymentConfig({ context: withEnvironment('prod', { corsOrigins: undefined }) })).toThrow(
      'corsOrigins is required outside dev',
    );
  });

  it('every cdk.json environment is valid', () => {
    for (const env of Object.keys(cdkJson.environments as object)) expect(load({ env }).envName).toBe(env);
  });
});

describe('contextFromArgs', () => {
  it('parses -c, --context and --context= pairs over the base context, splitting on the first =', () => {
    const context = contextFromArgs(
      ['-c', 'env=prod', '--context', 'migrate:GET /asset=fargate', '--context=a=b=c', '--verbose'],
      { env: 'dev', keep: 1 },
    );
    expect(context).toEqual({ env: 'prod', keep: 1, 'migrate:GET /asset': 'fargate', a: 'b=c' });
  });

  it('defaults the base context to cdk.json', () => {
    expect(contextFromArgs(['-c', 'env=staging'])).toEqual({ ...cdkJson, env: 'staging' });
  });

  it('rejects a pair without a key', () => {
    expect(() => contextFromArgs(['-c', 'fargate'], {})).toThrow('Expected -c KEY=VALUE, got "fargate"');
    expect(() => contextFromArgs(['-c'], {})).toThrow(ConfigError);
  });
});

describe('npm run routes', () => {
  it('prints one row per route with its target and backend', () => {
    const lines = formatRouteTable(load({ env: 'prod', 'migrate:GET /asset': 'fargate' }).routes).split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual(['METHOD', 'PATH', 'AUTH', 'TARGET', 'SERVED BY', 'DECIDED BY']);
    expect(lines).toHaveLength(1 + ROUTES.length);
    expect(lines.find((l) => l.startsWith('GET     /asset '))!.split(/\s{2,}/)).toEqual([
      'GET',
      '/asset',
      'jwt',
      'fargate',
      'service inventory (containers/inventory)',
      'migrate:GET /asset',
    ]);
    expect(lines.find((l) => l.includes('/hook/'))).toMatch(/public\s+lambda\s+function hook \(\.build\/lambdas\/hook\.ts\)\s+default$/);
  });
});
