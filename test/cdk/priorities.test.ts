/** ALB listener-rule priorities derive from each rule's own (path, service), never from its place in the table. */
import { checkPriorities, rulePriority } from '../../lib/listener-rules';
import type { RouteDefinition } from '../../shared/routing/route-group';
import { ROUTES, groupOf } from '../../shared/routing/table';

const rulesOf = (routes: readonly RouteDefinition[]) => [...new Map(routes.map((route) => [route.path, { path: route.path, service: groupOf(route).service! }])).values()];

test('inserting a route (anywhere) renumbers no other rule', () => {
  const before = checkPriorities(rulesOf(ROUTES));
  const inserted = [{ path: '/aardvark', service: 'inventory' }, ...rulesOf(ROUTES).reverse(), { path: '/zebra/{id}', service: 'operations' }];
  const after = checkPriorities(inserted);
  for (const [rule, priority] of before) expect({ rule, priority: after.get(rule) }).toEqual({ rule, priority });
  expect(after.size).toBe(before.size + 2);
});

test('priorities are within the ALB range, distinct across the table, and a clash is a synth error naming both rules', () => {
  const priorities = [...checkPriorities(rulesOf(ROUTES)).values()];
  expect(new Set(priorities).size).toBe(priorities.length);
  for (const priority of priorities) expect(priority >= 1 && priority <= 50_000).toBe(true);
  expect(rulePriority('/asset', 'inventory')).toBe(rulePriority('/asset', 'inventory'));
  // Find two keys that hash alike to prove the check fires.
  const seen = new Map<number, string>();
  let clash: [string, string] | undefined;
  for (let i = 0; !clash; i++) {
    const path = `/p${i}`;
    const priority = rulePriority(path, 'inventory');
    if (seen.has(priority)) clash = [seen.get(priority)!, path];
    seen.set(priority, path);
  }
  expect(() => checkPriorities(clash!.map((path) => ({ path, service: 'inventory' })))).toThrow(/ALB rule priority \d+ is shared by/);
});
