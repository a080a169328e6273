/**
 * The event an Application Load Balancer hands a Lambda target (docs/migration.md: a canary route's Lambda
 * side), built from a request as on the wire: the contract suite's `lambda-alb` runtime and the ALB tests
 * use it. Checked against AWS's documented sample (event.test.ts, fixtures/alb-aws-docs.json).
 *
 * As the ALB does: header names lower-cased, query names and values left URL-encoded, the load balancer's
 * own headers added, a body that is not text base64-encoded, and an empty body sent as "".
 * `multiValue` is the target group attribute `lambda.multi_value_headers.enabled`.
 */
import type { ALBEvent, ALBResult } from 'aws-lambda';
import type { GatewayResponse } from '../http-api-emulator/types';

/** Content types the ALB passes as text; anything else (or any content-encoding) arrives base64-encoded. */
const TEXT_TYPES = /^(text\/|application\/(json|javascript|xml))/i;
export const LOCAL_TARGET_GROUP_ARN = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/local-lambda/0000000000000000';

export interface AlbEventInput {
  readonly method: string;
  /** As on the wire (percent-encoded). */
  readonly path: string;
  /** Without the leading `?`, URL-encoded. */
  readonly rawQueryString?: string;
  /** Each header line as received (a name may repeat). */
  readonly headers?: Readonly<Record<string, string>> | readonly (readonly [string, string])[];
  readonly body?: Buffer | string;
  readonly multiValue: boolean;
  readonly sourceIp?: string;
}

export function albEvent(input: AlbEventInput): ALBEvent {
  const lines: [string, string][] = (Array.isArray(input.headers) ? input.headers : Object.entries(input.headers ?? {})).map(([n, v]) => [n.toLowerCase(), v]);
  lines.push(['x-forwarded-for', input.sourceIp ?? '127.0.0.1'], ['x-forwarded-port', '80'], ['x-forwarded-proto', 'http']);
  const query: [string, string][] = (input.rawQueryString ?? '')
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    });
  const body = Buffer.isBuffer(input.body) ? input.body : Buffer.from(input.body ?? '');
  const headerOf = (name: string) => lines.find(([n]) => n === name)?.[1];
  const text = headerOf('content-encoding') === undefined && (headerOf('content-type') === undefined || TEXT_TYPES.test(headerOf('content-type')!));
  const base = {
    requestContext: { elb: { targetGroupArn: LOCAL_TARGET_GROUP_ARN } },
    httpMethod: input.method,
    path: input.path,
    body: text ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: !text,
  };
  if (input.multiValue) {
    const group = (entries: [string, string][]) => {
      const grouped: Record<string, string[]> = {};
      for (const [name, value] of entries) (grouped[name] ??= []).push(value);
      return grouped;
    };
    return { ...base, multiValueQueryStringParameters: group(query), multiValueHeaders: group(lines) };
  }
  // Without multi-value headers the ALB keeps the last value of a repeated name.
  return { ...base, queryStringParameters: Object.fromEntries(query), headers: Object.fromEntries(lines) };
}

/** What the ALB sends the client for a Lambda target's result: its status, headers (either mode) and body. */
export function responseFromAlbResult(result: ALBResult): GatewayResponse {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) headers[name.toLowerCase()] = values.map(String);
  const body = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  return { status: result.statusCode, headers, body };
}
