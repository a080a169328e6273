/**
 * The local API Gateway: one port, the resolved route table, the request authorizer (the same
 * function as the deployed Lambda authorizer: shared/auth/authorizer.ts), Lambda routes
 * invoked in-process and Fargate routes proxied to their service. Unknown routes answer like API
 * Gateway (404 `{"message":"Not Found"}`), and so do auth failures (401 `{"message":"Unauthorized"}`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ResolvedRoute } from '../../shared/routing/flags';
import { decodeHeaders } from '../../shared/http/codec';
import type { ServiceName } from '../../shared/routing/routes';
import { buildEvent, newRequestId } from '../../tooling/http-api-emulator/event';
import type { RequestAuthorizer } from './request-authorizer';
import { findRoute } from '../../tooling/http-api-emulator/routing';
import { jsonResponse, type GatewayRequest, type GatewayResponse } from '../../tooling/http-api-emulator/types';
import { corsHeaders, preflightHeaders, type CorsConfig } from './cors';
import type { LambdaInvoker } from './lambda-invoker';
import { badGateway, proxyToService } from './service-proxy';
import type { MigrationControl, Runtime } from './migration';
import { shadowCompare } from './shadow';
import { albEvent } from '../../tooling/alb-emulator/event';

/** API Gateway's payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface GatewayOptions {
  readonly port: number;
  readonly routes: readonly ResolvedRoute[];
  /** Decides `jwt` routes from the request headers, as the deployed Lambda REQUEST authorizer does. */
  readonly authorizer: RequestAuthorizer;
  readonly lambdas: LambdaInvoker;
  /** The port of a running service, or undefined while it is down (its routes then answer 502). */
  readonly servicePort: (service: ServiceName) => number | undefined;
  readonly cors: CorsConfig;
  /** Requests the gateway serves itself before route matching (the local file URLs); undefined = not mine. */
  readonly extraHandler?: (request: GatewayRequest) => Promise<GatewayResponse | undefined>;
  /** Live route states (canary split, shadow copies, counters); without it each route follows its resolved target. */
  readonly migration?: MigrationControl;
  /** One line per request; omit to stay quiet. */
  readonly accessLog?: (line: string) => void;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

class PayloadTooLarge extends Error {}

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new PayloadTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The request as the ALB hands it to a Lambda target (multi-value, as the CDK sets the target group); `x-request-id` as the VPC link's request carries it. */
function albEventOf(request: GatewayRequest) {
  const raw = request.rawHeaders;
  const lines: [string, string][] = [];
  if (raw) for (let i = 0; i + 1 < raw.length; i += 2) lines.push([raw[i], raw[i + 1]]);
  else lines.push(...Object.entries(request.headers));
  return albEvent({
    method: request.method,
    path: request.path,
    rawQueryString: request.rawQueryString,
    headers: [...lines.filter(([name]) => name.toLowerCase() !== 'x-request-id'), ['x-request-id', request.requestId]],
    body: request.body,
    multiValue: true,
    sourceIp: request.sourceIp,
  });
}

export function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { routes, authorizer, lambdas, servicePort, cors } = options;
  let listeningPort = options.port;

  interface Routed {
    readonly response: GatewayResponse;
    readonly target: string;
    /** Set when a route's runtime answered (not for 401/404 and the gateway's own answers). */
    readonly served?: { readonly id: string; readonly runtime: Runtime };
  }

  async function route(request: GatewayRequest): Promise<Routed> {
    const own = await options.extraHandler?.(request);
    if (own) return { response: own, target: 'gateway' };
    const match = findRoute(routes, request.method, request.path);
    if (!match) return { response: jsonResponse(404, { message: 'Not Found' }), target: '-' };
    const { resolved, pathParameters } = match;

    let context: Readonly<Record<string, string>> | undefined;
    if (resolved.route.auth === 'jwt') {
      const decision = await authorizer(request.headers);
      if (!decision.allow) return { response: jsonResponse(401, { message: 'Unauthorized' }), target: 'authorizer' };
      context = decision.context;
    }

    const runtime: Runtime = options.migration ? options.migration.pick(resolved.id) : resolved.target;
    const served = { id: resolved.id, runtime };
    if (runtime === 'fargate') {
      const service = resolved.service!;
      const port = servicePort(service);
      const response = port === undefined ? badGateway() : await proxyToService(port, listeningPort, request);
      return { response, target: `fargate:${service}`, served };
    }
    // In AWS a canary route goes API Gateway → VPC link → ALB, whose weighted rule invokes the Lambda with an ALB event.
    const event = options.migration?.throughLoadBalancer(resolved.id) ? albEventOf(request) : buildEvent(request, resolved.id, pathParameters, context);
    const functionName = `chariot-${resolved.route.group}`;
    const response = await lambdas.invoke(resolved.lambdaEntry, functionName, event, request.requestId);
    const migration = options.migration;
    if (migration?.shouldShadow(resolved.id, request.method) && Buffer.isBuffer(response.body)) {
      const primary = { status: response.status, body: response.body };
      // Started after Lambda answered, never awaited: the caller's response does not wait for the copy.
      setImmediate(() => {
        void shadowCompare(servicePort(resolved.service!), listeningPort, request, primary).then((result) => migration.shadowResult(resolved.id, result));
      });
    }
    return { response, target: `lambda:${resolved.route.group}`, served };
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(incoming.url ?? '/', 'http://gateway');
    const headers = decodeHeaders(incoming.headers);
    const method = (incoming.method ?? 'GET').toUpperCase();
    const requestId = newRequestId();
    let result: Routed;
    if (method === 'OPTIONS') {
      // HTTP API answers every preflight itself once CORS is configured.
      result = { response: { status: 204, headers: preflightHeaders(cors, headers.origin), body: Buffer.alloc(0) }, target: 'cors' };
    } else {
      try {
        const body = await readBody(incoming);
        result = await route({
          method,
          path: url.pathname,
          rawQueryString: url.search.slice(1),
          headers,
          body,
          rawHeaders: incoming.rawHeaders,
          sourceIp: incoming.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
          requestId,
        });
      } catch (error) {
        if (error instanceof PayloadTooLarge) {
          // The rest of the body is still coming: drain it, and say this connection ends with the answer,
          // so the client neither gets a reset mid-upload nor reuses a socket we are about to close.
          incoming.resume();
          const tooLarge = jsonResponse(413, { message: 'Request Entity Too Large' });
          result = { response: { ...tooLarge, headers: { ...tooLarge.headers, connection: 'close' } }, target: '-' };
        } else result = { response: jsonResponse(500, { message: 'Internal Server Error' }), target: '-' };
      }
    }
    const { response, target, served } = result;
    outgoing.writeHead(response.status, { ...response.headers, ...corsHeaders(cors, headers.origin), 'apigw-requestid': requestId });
    if (response.body instanceof Readable) {
      await pipeline(response.body, outgoing).catch(() => outgoing.destroy());
    } else {
      outgoing.end(response.body);
    }
    const elapsed = performance.now() - started;
    if (served) options.migration?.record(served.id, served.runtime, response.status, elapsed);
    options.accessLog?.(`${method} ${url.pathname} → ${target} ${response.status} ${Math.round(elapsed)} ms`);
  }

  const server: Server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch(() => {
      if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' });
      outgoing.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${options.port} is in use: pass --port`) : error);
    });
    server.listen(options.port, '127.0.0.1', () => {
      listeningPort = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${listeningPort}`,
        port: listeningPort,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
