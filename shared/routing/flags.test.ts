import { formatRouteState, migrationFlagsFromContext, MigrationFlagError, parseRouteState, resolveRoutes, type RouteLike } from './flags';
import { ROUTE_GROUPS, ROUTES } from './table';

const targetOf = (flags: Record<string, string>, id: string) =>
  resolveRoutes(ROUTES, ROUTE_GROUPS, flags).find((r) => r.id === id)!;

describe('resolveRoutes', () => {
  it('sends every route to Lambda by default, with its group entry and service', () => {
    const resolved = resolveRoutes(ROUTES, ROUTE_GROUPS, {});
    expect(resolved).toHaveLength(ROUTES.length);
    expect(resolved.every((r) => r.target === 'lambda' && r.decidedBy === 'default')).toBe(true);
    expect(resolved.find((r) => r.id === 'GET /asset')).toMatchObject({
      lambdaEntry: '.build/lambdas/asset.ts',
      service: 'inventory',
    });
  });

  it('a group flag moves every route of the group and nothing else', () => {
    const resolved = resolveRoutes(ROUTES, ROUTE_GROUPS, { asset: 'fargate' });
    const moved = resolved.filter((r) => r.target === 'fargate').map((r) => r.id);
    expect(moved).toEqual(['GET /asset', 'PUT /asset', 'POST /asset', 'PUT /seed', 'DELETE /asset', 'POST /bulk/asset']);
    expect(resolved.find((r) => r.id === 'PUT /asset')!.decidedBy).toBe('migrate:asset');
  });

  it('a route flag beats its group flag, in both directions', () => {
    const flags = { asset: 'fargate', 'DELETE /asset': 'lambda', 'GET /risk': 'fargate', risk: 'lambda' };
    expect(targetOf(flags, 'GET /asset').target).toBe('fargate');
    expect(targetOf(flags, 'DELETE /asset')).toMatchObject({ target: 'lambda', decidedBy: 'migrate:DELETE /asset' });
    expect(targetOf(flags, 'GET /risk').target).toBe('fargate');
    expect(targetOf(flags, 'PUT /risk').target).toBe('lambda');
  });

  it('accepts a target with stray whitespace from the command line', () => {
    expect(targetOf({ 'GET /key': ' fargate ' }, 'GET /key').target).toBe('fargate');
  });

  it('rejects an unknown route, naming the flag', () => {
    expect(() => resolveRoutes(ROUTES, ROUTE_GROUPS, { 'GET /nope': 'fargate' })).toThrow(
      /^Unknown route or group in flag "migrate:GET \/nope"/,
    );
  });

  it('rejects an unknown group and a route id that differs only in case', () => {
    expect(() => resolveRoutes(ROUTES, ROUTE_GROUPS, { assets: 'fargate' })).toThrow('"migrate:assets"');
    expect(() => resolveRoutes(ROUTES, ROUTE_GROUPS, { 'get /asset': 'fargate' })).toThrow(MigrationFlagError);
  });

  it('rejects an unknown target, naming the flag', () => {
    expect(() => resolveRoutes(ROUTES, ROUTE_GROUPS, { asset: 'ecs' })).toThrow(
      'Unknown target "ecs" in flag "migrate:asset": use lambda or fargate (or between them: shadow, shadow:<sample percent>, canary:<percent>)',
    );
  });

  it('resolves shadow and canary states; API Gateway keeps their Lambda integration until the weighted rule is wired', () => {
    const canary = targetOf({ 'GET /asset': 'canary:10' }, 'GET /asset');
    expect(canary).toMatchObject({ state: { kind: 'canary', percent: 10 }, target: 'lambda', service: 'inventory' });
    expect(targetOf({ asset: 'shadow' }, 'PUT /asset')).toMatchObject({ state: { kind: 'shadow', samplePercent: 100 }, target: 'lambda' });
    expect(targetOf({ asset: 'fargate' }, 'GET /asset').state).toEqual({ kind: 'fargate' });
  });

  it.each(['canary', 'canary:', 'canary:101', 'canary:-1', 'canary:5.5', 'canary:010', 'shadow:x', 'fargate:10', 'lambda:0', 'canary:1:2'])(
    'rejects the malformed state %p in one line',
    (state) => {
      expect(parseRouteState(state)).toBeUndefined();
      expect(() => resolveRoutes(ROUTES, ROUTE_GROUPS, { asset: state })).toThrow(/^Unknown target ".*" in flag "migrate:asset": use [^\n]+$/);
    },
  );

  it.each(['lambda', 'shadow', 'shadow:5', 'canary:0', 'canary:100', 'fargate'])('prints %p back as written', (text) => {
    expect(formatRouteState(parseRouteState(text)!)).toBe(text);
  });

  describe('a group without a Hono service (synthetic table)', () => {
    const routes: RouteLike[] = [
      { method: 'GET', path: '/legacy', auth: 'jwt', group: 'legacy' },
      { method: 'GET', path: '/moved', auth: 'jwt', group: 'moved' },
    ];
    const groups = {
      legacy: {},
      moved: { service: 'inventory' as const },
    };

    it('stays on Lambda', () => {
      expect(resolveRoutes(routes, groups, { moved: 'fargate' }).map((r) => r.target)).toEqual(['lambda', 'fargate']);
    });

    it('cannot be flipped by a route flag', () => {
      expect(() => resolveRoutes(routes, groups, { 'GET /legacy': 'fargate' })).toThrow(
        'Flag "migrate:GET /legacy" sends "GET /legacy" to fargate, but group "legacy" has no Hono service',
      );
    });

    it('cannot be flipped by a group flag', () => {
      expect(() => resolveRoutes(routes, groups, { legacy: 'fargate' })).toThrow('Flag "migrate:legacy"');
    });

    it('cannot be shadowed or canaried either', () => {
      expect(() => resolveRoutes(routes, groups, { legacy: 'canary:5' })).toThrow('sends "GET /legacy" to canary:5, but group "legacy"');
      expect(() => resolveRoutes(routes, groups, { legacy: 'shadow' })).toThrow(MigrationFlagError);
    });

    it('may be pinned to lambda explicitly', () => {
      expect(resolveRoutes(routes, groups, { legacy: 'lambda' })[0].target).toBe('lambda');
    });
  });

  it('every error is a single line', () => {
    for (const flags of [{ 'GET /nope': 'fargate' }, { asset: 'ecs' }] as Record<string, string>[]) {
      try {
        resolveRoutes(ROUTES, ROUTE_GROUPS, flags);
        throw new Error('expected a flag error');
      } catch (error) {
        expect((error as Error).message).not.toMatch(/\n/);
      }
    }
  });
});

describe('migrationFlagsFromContext', () => {
  it('keeps only migrate: keys, without the prefix', () => {
    expect(
      migrationFlagsFromContext({ env: 'prod', 'migrate:GET /asset': 'fargate', 'migrate:risk': 'lambda', other: 1 }),
    ).toEqual({ 'GET /asset': 'fargate', risk: 'lambda' });
  });

  it('rejects a non-string flag value', () => {
    expect(() => migrationFlagsFromContext({ 'migrate:asset': true })).toThrow('Flag "migrate:asset" must be a string');
  });
});
