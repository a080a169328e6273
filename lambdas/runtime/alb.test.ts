/**
 * The ALB edge's own rules, on AWS's documented sample event (tooling/alb-emulator/fixtures): route matching
 * from method + path over the group's table, the URL-encoded query decoded once, both target-group header
 * modes, the status line, and the 1 MB result limit. The whole contract suite also runs on ALB events.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ALBEvent } from 'aws-lambda';
import { operationTable } from '../../shared/api/dispatch';
import served from '../../shared/routes/asset/operations';
import { albEvent } from '../../tooling/alb-emulator/event';
import { ALB_MAX_RESULT_BYTES, albRequest, albResult, isAlbEvent } from './alb';

const { _source, ...sample } = JSON.parse(readFileSync(join(__dirname, '../../tooling/alb-emulator/fixtures/alb-aws-docs.json'), 'utf8')) as ALBEvent & { _source: string };
const table = operationTable([served]);

test('the documented event is an ALB event with no route of the group; it still decodes, with the invocation id', () => {
  expect(isAlbEvent(sample)).toBe(true);
  expect(isAlbEvent({ requestContext: { http: { method: 'GET' } } })).toBe(false);
  const { id, request } = albRequest(sample, table, 'invocation-1');
  expect(id).toBeUndefined();
  expect(request).toMatchObject({ method: 'GET', path: '/lambda', query: { query: '1234ABCD' }, body: undefined, requestId: 'invocation-1' });
  expect(request.headers['x-forwarded-proto']).toBe('http');
});

test('the route is matched from method + path; the URL-encoded query is decoded once, in both header modes', () => {
  for (const multiValue of [true, false]) {
    const event = albEvent({ method: 'GET', path: '/asset', rawQueryString: 'key=%23asset%23a%26b&limit=1&limit=2', headers: { 'X-Request-Id': 'r1' }, multiValue });
    const { id, request } = albRequest(event, table, 'invocation');
    expect({ id, query: request.query, requestId: request.requestId }).toEqual({ id: 'GET /asset', query: { key: '#asset#a&b', limit: '2' }, requestId: 'r1' });
  }
  expect(albRequest(albEvent({ method: 'GET', path: '/risk', multiValue: true }), table, 'i').id).toBeUndefined();
});

test('the result has the status line and the header mode of the event; past 1 MB it says so with a JSON 502', () => {
  const multi = albEvent({ method: 'GET', path: '/asset', multiValue: true });
  const single = albEvent({ method: 'GET', path: '/asset', multiValue: false });
  expect(albResult({ status: 200, body: { ok: true } }, multi)).toEqual({
    statusCode: 200,
    statusDescription: '200 OK',
    multiValueHeaders: { 'content-type': ['application/json'] },
    body: '{"ok":true}',
    isBase64Encoded: false,
  });
  expect(albResult({ status: 404, body: {} }, single)).toMatchObject({ statusDescription: '404 Not Found', headers: { 'content-type': 'application/json' } });
  const huge = albResult({ status: 200, body: { data: 'x'.repeat(ALB_MAX_RESULT_BYTES) } }, single);
  expect({ statusCode: huge.statusCode, statusDescription: huge.statusDescription, error: JSON.parse(huge.body!).error }).toEqual({
    statusCode: 502,
    statusDescription: '502 Bad Gateway',
    error: expect.stringContaining('1 MB'),
  });
});
