/**
 * The payload 2.0 event builder checked against AWS, not against itself: AWS's documented sample event
 * (fixtures/payload-v2-aws-docs.json, from the API Gateway developer guide) and the same request given to
 * `buildEvent` must give the same event, field by field. Fields the sample shows for features this API
 * does not use (mTLS `authentication`, a JWT `authorizer`, `stageVariables`) are left out, and values that
 * are the deployment's own (account, API id, domain, source IP, request id, time) are compared by shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEvent } from './event';

const sample = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'payload-v2-aws-docs.json'), 'utf8')) as Record<string, any>;

/** The sample's request, as a client would send it: header2 twice, two cookies, a repeated query parameter. */
const request = {
  method: 'POST',
  path: '/my/path',
  rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
  headers: { header1: 'value1', header2: 'value1, value2', cookie: 'cookie1; cookie2', host: 'id.execute-api.us-east-1.amazonaws.com', 'user-agent': 'agent' },
  rawHeaders: ['Header1', 'value1', 'Header2', 'value1', 'Header2', 'value2', 'Cookie', 'cookie1', 'Cookie', 'cookie2', 'Host', 'id.execute-api.us-east-1.amazonaws.com', 'User-Agent', 'agent'],
  body: Buffer.from('Hello from Lambda'),
  sourceIp: '192.0.2.1',
  requestId: 'id',
};

test('the builder gives the documented payload 2.0 event for the documented request', () => {
  const event = buildEvent(request, '$default', { parameter1: 'value1' }) as unknown as Record<string, any>;
  const { _source, stageVariables: _s, requestContext, ...top } = sample;
  const { authentication: _a, authorizer: _j, ...context } = requestContext;
  // The sample's headers are schematic (no host or user-agent lines, which every real request carries).
  const { host, 'user-agent': agent, ...headers } = event.headers;
  expect({ host, agent }).toEqual({ host: context.domainName, agent: context.http.userAgent });
  expect({ ...event, headers, requestContext: undefined }).toEqual({ ...top, requestContext: undefined });
  expect(event.requestContext).toEqual({
    ...context,
    accountId: expect.stringMatching(/^\d{12}$/),
    apiId: expect.any(String),
    time: expect.stringMatching(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/),
    timeEpoch: expect.any(Number),
  });
});

test('binary bodies arrive base64-encoded with isBase64Encoded; no body means no body field', () => {
  const bytes = Buffer.from([0, 1, 2, 250, 255]);
  const binary = buildEvent({ ...request, rawHeaders: undefined, headers: { 'content-type': 'application/octet-stream' }, body: bytes }, 'PUT /file', {});
  expect({ body: binary.body, isBase64Encoded: binary.isBase64Encoded }).toEqual({ body: bytes.toString('base64'), isBase64Encoded: true });
  const json = buildEvent({ ...request, rawHeaders: undefined, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"a":1}') }, 'POST /asset', {});
  expect({ body: json.body, isBase64Encoded: json.isBase64Encoded }).toEqual({ body: '{"a":1}', isBase64Encoded: false });
  const empty = buildEvent({ ...request, rawHeaders: undefined, headers: {}, rawQueryString: '', body: Buffer.alloc(0) }, 'GET /asset', {});
  expect(empty).not.toHaveProperty('body');
  expect(empty).not.toHaveProperty('queryStringParameters');
  expect(empty).not.toHaveProperty('cookies');
  expect(empty.isBase64Encoded).toBe(false);
});
