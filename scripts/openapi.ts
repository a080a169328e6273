/** `npm run openapi`: writes docs/openapi.json from the route groups (a test fails when it is stale). */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROUTE_GROUP_LIST } from '../shared/routes';
import { openApiDocument } from '../shared/routing/openapi';

const ROOT = resolve(__dirname, '..');
export const OPENAPI_PATH = resolve(ROOT, 'docs/openapi.json');

export function renderOpenApi(): string {
  const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
  return `${JSON.stringify(openApiDocument(ROUTE_GROUP_LIST, version), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(OPENAPI_PATH, renderOpenApi());
  console.log(`wrote ${OPENAPI_PATH}`);
}
