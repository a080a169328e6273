/**
 * docs/openapi.json: generated from the route groups, current, valid OpenAPI 3.1, and covering every route.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { OPENAPI_PATH, renderOpenApi } from '../../scripts/openapi';
import { ROUTES } from '../../shared/routing/table';

const committed = readFileSync(OPENAPI_PATH, 'utf8');
const document = JSON.parse(committed) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

test('docs/openapi.json is current: run `npm run openapi` after changing a route group', () => {
  expect(committed).toBe(renderOpenApi());
});

test('docs/openapi.json is valid OpenAPI 3.1 (@seriousme/openapi-schema-validator)', () => {
  // The validator is an ES module; jest runs CommonJS, so it runs in a plain node child.
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    const result = await new Validator().validate(${JSON.stringify(OPENAPI_PATH)});
    console.log(JSON.stringify({ valid: result.valid, errors: result.errors ?? null }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: __dirname, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  expect(JSON.parse(child.stdout)).toEqual({ valid: true, errors: null });
  expect(document.openapi).toBe('3.1.0');
});

test('every route of the table is documented, with its success and error answers', () => {
  const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  expect(documented.sort()).toEqual(ROUTES.map((route) => route.id).sort());
  for (const route of ROUTES) {
    const responses = document.paths[route.path][route.method.toLowerCase()].responses;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining([...Object.keys(route.spec.responses), '400', '401']));
  }
});
