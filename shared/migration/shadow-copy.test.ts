import { ShadowCopier, shadowCopyConfig } from './shadow-copy';
import { shadowTargets } from './shadow-comparer';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:comparer';

test('the shadow env is all or nothing, and names what is wrong', () => {
  expect(shadowCopyConfig({})).toBeUndefined();
  expect(shadowCopyConfig({ SHADOW_COMPARER_ARN: ARN, SHADOW_ROUTES: '{"GET /asset":5}' })).toEqual({ comparerArn: ARN, routes: { 'GET /asset': 5 } });
  expect(() => shadowCopyConfig({ SHADOW_ROUTES: '{"GET /asset":5}' })).toThrow(/SHADOW_COMPARER_ARN .* go together/);
  expect(() => shadowCopyConfig({ SHADOW_COMPARER_ARN: ARN, SHADOW_ROUTES: '{"asset":5}' })).toThrow(/SHADOW_ROUTES must be JSON .*: Invalid key/);
  expect(() => shadowCopyConfig({ SHADOW_COMPARER_ARN: ARN, SHADOW_ROUTES: '{"GET /asset":101}' })).toThrow(/SHADOW_ROUTES/);
  expect(() => shadowTargets({ SHADOW_TARGETS: '{"inventory":"not a url"}' })).toThrow(/SHADOW_TARGETS must be JSON/);
});

test('only GETs of shadowed routes are copied, at their sample percent', () => {
  let draw = 0.04;
  const copier = new ShadowCopier({ comparerArn: ARN, routes: { 'GET /asset': 5 } }, { random: () => draw });
  expect([copier.shouldCopy('GET /asset', 'GET'), copier.shouldCopy('GET /risk', 'GET'), copier.shouldCopy('GET /asset', 'POST')]).toEqual([true, false, false]);
  draw = 0.05;
  expect(copier.shouldCopy('GET /asset', 'GET')).toBe(false);
});
