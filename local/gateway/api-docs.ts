/**
 * The API's documentation on the local gateway: `GET /openapi.json` (generated from the route groups,
 * so it shows the code as it runs) and `GET /docs`, a Swagger UI served from the swagger-ui-dist
 * package (no CDN).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ROUTE_GROUP_LIST } from '../../shared/routes';
import { openApiDocument } from '../../shared/routing/openapi';
import { jsonResponse, type GatewayRequest, type GatewayResponse } from '../../tooling/http-api-emulator/types';

const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'application/javascript',
  'swagger-ui-standalone-preset.js': 'application/javascript',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Chariot API</title><link rel="stylesheet" href="/docs/swagger-ui.css"><link rel="icon" href="/docs/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/swagger-ui-standalone-preset.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });</script>
</body>
</html>
`;

const page = (contentType: string, body: Buffer | string): GatewayResponse => ({ status: 200, headers: { 'content-type': contentType }, body: Buffer.from(body) });

/** Answers /openapi.json, /docs and its assets; undefined for anything else. */
export async function apiDocsHandler(request: GatewayRequest): Promise<GatewayResponse | undefined> {
  if (request.method !== 'GET') return undefined;
  if (request.path === '/openapi.json') return jsonResponse(200, openApiDocument(ROUTE_GROUP_LIST, 'local'));
  if (request.path === '/docs' || request.path === '/docs/') return page('text/html; charset=utf-8', PAGE);
  const asset = request.path.startsWith('/docs/') ? request.path.slice('/docs/'.length) : undefined;
  const contentType = asset === undefined ? undefined : ASSETS[asset];
  if (asset === undefined || contentType === undefined) return undefined;
  return page(contentType, await readFile(join(SWAGGER_UI_DIR, asset)));
}

type ExtraHandler = (request: GatewayRequest) => Promise<GatewayResponse | undefined>;

/** Several gateway-own handlers as one: the first that answers wins. */
export const firstOf =
  (...handlers: ExtraHandler[]): ExtraHandler =>
  async (request) => {
    for (const handler of handlers) {
      const response = await handler(request);
      if (response) return response;
    }
    return undefined;
  };
