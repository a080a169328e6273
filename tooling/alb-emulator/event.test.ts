/**
 * The ALB event builder checked against AWS, not against itself: AWS's documented sample event
 * (fixtures/alb-aws-docs.json, from the Lambda developer guide) and the same request given to `albEvent`
 * must give the same event, field by field; the target group's ARN is the deployment's own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { albEvent } from './event';

const { _source, ...sample } = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'alb-aws-docs.json'), 'utf8')) as Record<string, any>;

test('the builder gives the documented ALB event for the documented request', () => {
  const { 'x-forwarded-for': sourceIp, 'x-forwarded-port': _p, 'x-forwarded-proto': _s, ...sent } = sample.headers;
  const event = albEvent({ method: 'GET', path: '/lambda', rawQueryString: 'query=1234ABCD', headers: sent, multiValue: false, sourceIp });
  // The sample came through port 80 over http, as the backend ALB's listener does.
  expect({ ...event, requestContext: undefined }).toEqual({ ...sample, requestContext: undefined });
  expect(event.requestContext.elb.targetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\//);
});

test('multi-value: repeated query parameters and headers arrive whole, still URL-encoded; binary bodies base64', () => {
  const event = albEvent({ method: 'POST', path: '/x', rawQueryString: 'a=1&a=%262&b=', headers: [['Accept', 'x'], ['accept', 'y'], ['content-type', 'application/octet-stream']], body: Buffer.from([0, 255]), multiValue: true });
  expect(event.multiValueQueryStringParameters).toEqual({ a: ['1', '%262'], b: [''] });
  expect(event.multiValueHeaders?.accept).toEqual(['x', 'y']);
  expect({ body: event.body, isBase64Encoded: event.isBase64Encoded }).toEqual({ body: 'AP8=', isBase64Encoded: true });
  expect(albEvent({ method: 'GET', path: '/x', rawQueryString: 'a=1&a=2', multiValue: false }).queryStringParameters).toEqual({ a: '2' });
});
