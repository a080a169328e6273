/**
 * The Lambda side of an HTTP API integration: a Lambda-like invocation context, and the handler's
 * result mapped back to an HTTP response the way API Gateway maps a payload 2.0 result.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID } from './event';
import type { GatewayResponse } from './types';

/** API Gateway's hard integration timeout. */
export const INTEGRATION_TIMEOUT_MS = 30_000;

/** `deadline` (epoch ms) drives `getRemainingTimeInMillis`; by default the integration timeout from now. */
export function lambdaContext(functionName: string, requestId: string, deadline = Date.now() + INTEGRATION_TIMEOUT_MS): Context {
  const unsupported = () => {
    throw new Error('callback-style Lambda handlers are not supported');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/** API Gateway's rules for a payload 2.0 Lambda result: a structured result, or any JSON value as a 200. */
export function responseFromResult(result: unknown): GatewayResponse {
  const structured = typeof result === 'object' && result !== null && 'statusCode' in result;
  if (!structured) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
  }
  const r = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(r.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (r.cookies?.length) headers['set-cookie'] = r.cookies;
  const body = r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8');
  return { status: Number(r.statusCode), headers, body };
}

export const internalError = (): GatewayResponse => ({
  status: 500,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify({ message: 'Internal Server Error' })),
});

