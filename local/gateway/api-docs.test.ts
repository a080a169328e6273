import { apiDocsHandler, firstOf } from './api-docs';
import { ROUTES } from '../../shared/routing/table';
import type { GatewayRequest } from '../../tooling/http-api-emulator/types';

const get = (path: string, method = 'GET'): GatewayRequest => ({ method, path, rawQueryString: '', headers: {}, body: Buffer.alloc(0), sourceIp: '127.0.0.1', requestId: 'r' });

test('GET /openapi.json: the generated OpenAPI 3.1 document with every route', async () => {
  const response = (await apiDocsHandler(get('/openapi.json')))!;
  expect(response.status).toBe(200);
  const document = JSON.parse(response.body.toString()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(document.openapi).toBe('3.1.0');
  for (const route of ROUTES) expect(document.paths[route.path]).toHaveProperty(route.method.toLowerCase());
});

test('GET /docs: a Swagger UI page whose assets the gateway serves itself (no CDN)', async () => {
  const page = (await apiDocsHandler(get('/docs')))!;
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  const html = page.body.toString();
  expect(html).not.toMatch(/https?:\/\//);
  for (const asset of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    const served = (await apiDocsHandler(get(asset[1])))!;
    expect({ asset: asset[1], status: served.status, bytes: (served.body as Buffer).length > 100 }).toEqual({ asset: asset[1], status: 200, bytes: true });
  }
});

test('anything else is not the docs handler’s: it falls through to the next handler', async () => {
  expect(await apiDocsHandler(get('/docs/../package.json'))).toBeUndefined();
  expect(await apiDocsHandler(get('/openapi.json', 'POST'))).toBeUndefined();
  const next = firstOf(apiDocsHandler, async () => ({ status: 418, headers: {}, body: Buffer.alloc(0) }));
  expect((await next(get('/asset')))!.status).toBe(418);
});
