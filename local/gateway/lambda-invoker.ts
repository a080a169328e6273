/**
 * Lambda routes, in-process: an HTTP API payload 2.0 event exactly as API Gateway builds it, a
 * Lambda-like context, and the integration response mapped back the way API Gateway maps it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { GatewayRequest, GatewayResponse } from './types';

export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'local';
/** API Gateway's hard integration timeout. */
export const INTEGRATION_TIMEOUT_MS = 30_000;

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

/** Content types API Gateway passes as text; anything else arrives base64-encoded. */
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded|[\w.+-]+\+(json|xml)))/i;

/** API Gateway's `$context.requestId` looks like `IH8YWhyJIAMEVWA=`. */
export const newRequestId = () => randomBytes(10).toString('base64');

/** `22/Nov/2026:19:03:58 +0000`, API Gateway's `requestContext.time`. */
function requestTime(date: Date): string {
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${month}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** `authorizer`: the Lambda authorizer's context, handed on as `requestContext.authorizer.lambda` on `jwt` routes. */
export function buildEvent(
  request: GatewayRequest,
  routeKey: string,
  pathParameters: Record<string, string>,
  authorizer?: Readonly<Record<string, string>>,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'cookie') cookies = value.split(/;\s*/).filter(Boolean);
    else headers[name] = value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(request.rawQueryString)) {
    query[name] = name in query ? `${query[name]},${value}` : value; // payload 2.0 comma-joins repeats
  }
  const now = new Date();
  const contentType = request.headers['content-type'] ?? '';
  const textBody = contentType === '' || TEXT_TYPES.test(contentType);
  const hasBody = request.body.length > 0;
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey,
    rawPath: request.path,
    rawQueryString: request.rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: (headers.host ?? '127').split('.')[0],
      http: {
        method: request.method,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
      ...(authorizer ? { authorizer: { lambda: { ...authorizer } } } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
    ...(hasBody ? { body: textBody ? request.body.toString('utf8') : request.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !textBody,
  };
  return event;
}

export function lambdaContext(functionName: string, requestId: string, deadline: number): Context {
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

const internalError = (): GatewayResponse => ({
  status: 500,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify({ message: 'Internal Server Error' })),
});

/**
 * Loads each group's handler module once (like a warm Lambda container) and invokes it. A throw or
 * an invalid result is a 500 `{"message":"Internal Server Error"}`, a timeout a 503, as API Gateway does.
 */
export class LambdaInvoker {
  private readonly modules = new Map<string, Promise<Handler>>();

  constructor(
    private readonly repoRoot: string,
    private readonly log: (line: string) => void,
  ) {}

  private handlerOf(entry: string): Promise<Handler> {
    let loaded = this.modules.get(entry);
    if (!loaded) {
      loaded = import(resolve(this.repoRoot, entry)).then((module) => {
        const handler = module.handler ?? module.default?.handler;
        if (typeof handler !== 'function') throw new Error(`${entry} exports no handler`);
        return handler as Handler;
      });
      loaded.catch(() => this.modules.delete(entry)); // retry the import on the next request
      this.modules.set(entry, loaded);
    }
    return loaded;
  }

  /** Imports every entry up front, so the first request is not a cold start and broken entries show at once. */
  async preload(entries: Iterable<string>): Promise<void> {
    await Promise.all([...new Set(entries)].map((entry) => this.handlerOf(entry)));
  }

  async invoke(entry: string, functionName: string, event: APIGatewayProxyEventV2): Promise<GatewayResponse> {
    const deadline = Date.now() + INTEGRATION_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((done) => {
      timer = setTimeout(() => done('timeout'), INTEGRATION_TIMEOUT_MS);
    });
    try {
      const handler = await this.handlerOf(entry);
      const result = await Promise.race([handler(event, lambdaContext(functionName, event.requestContext.requestId, deadline)), timeout]);
      if (result === 'timeout') {
        this.log(`lambda ${functionName} timed out after ${INTEGRATION_TIMEOUT_MS} ms (${event.routeKey})`);
        return { status: 503, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"message":"Service Unavailable"}') };
      }
      return responseFromResult(result);
    } catch (error) {
      this.log(`lambda ${functionName} failed on ${event.routeKey}: ${(error as Error)?.stack ?? error}`);
      return internalError();
    } finally {
      clearTimeout(timer);
    }
  }
}
