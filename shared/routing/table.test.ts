import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { renderRouteIndex } from '../../scripts/route-index';
import { SERVED_GROUPS } from '../routes/served';
import { ROUTE_GROUP_NAMES, ROUTES } from './table';

const ROOT = resolve(__dirname, '../..');

test('each group serves exactly the routes it declares, and every group is served', () => {
  expect(SERVED_GROUPS.map(({ group }) => group.name)).toEqual(ROUTE_GROUP_NAMES);
  for (const { group, operations } of SERVED_GROUPS) {
    expect(Object.keys(operations).sort()).toEqual(group.definitions.map((route) => route.id).sort());
  }
});

test('route ids are unique across groups', () => {
  expect(new Set(ROUTES.map((route) => route.id)).size).toBe(ROUTES.length);
});

test('the generated registries (shared/routes/index.ts, served.ts) match the folders: run `npm run routes:index`', () => {
  for (const [path, text] of Object.entries(renderRouteIndex(ROOT))) expect({ path, text: readFileSync(resolve(ROOT, path), 'utf8') }).toEqual({ path, text });
});
