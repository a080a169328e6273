/**
 * The two runtimes under test, behind one `send()`: each route's real Lambda handler invoked with an
 * HTTP API v2 event, and its Hono service over real HTTP on 127.0.0.1.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { ALBResult } from 'aws-lambda';
import type { AddressInfo } from 'node:net';
import type { ApiDependencies } from '../../../shared/api/dependencies';
import { SERVICES, type ServiceName } from '../../../shared/routing/routes';
import { groupOf } from '../../../shared/routing/table';
import { createServiceApp } from '../../../containers/runtime/service-app';
import { albEvent, responseFromAlbResult } from '../../../tooling/alb-emulator/event';
import { httpApiEvent } from '../../../tooling/http-api-emulator/event';
import { lambdaContext, responseFromResult } from '../../../tooling/http-api-emulator/lambda-integration';
import { EVERY_ROUTE, findRoute } from '../../../tooling/http-api-emulator/routing';

export interface RawRequest {
  readonly method: string;
  /** Percent-encoded path, as on the wire. */
  readonly path: string;
  readonly rawQueryString: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly requestId: string;
}

export interface RawResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  /** Response headers, names lower-cased. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Parsed JSON, or the raw text when it is not JSON. */
  readonly body: unknown;
}

export interface Runtime {
  readonly name: 'lambda' | 'hono' | 'lambda-alb';
  send(request: RawRequest): Promise<RawResponse>;
  close(): Promise<void>;
}

const parse = (text: string | undefined): unknown => {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

/** Invokes `lambdas/<group>/handler.ts` exactly as API Gateway would (the route's group decides the function). */
export function lambdaRuntime(handlers: Readonly<Record<string, LambdaHandler>>): Runtime {
  return {
    name: 'lambda',
    async send(request) {
      const { event, route } = httpApiEvent({
        method: request.method,
        path: request.path,
        rawQueryString: request.rawQueryString,
        headers: request.headers,
        body: request.body,
        requestId: request.requestId,
      });
      const result = responseFromResult(await handlers[route.group](event, lambdaContext(`chariot-${route.group}`, request.requestId)));
      const headers = Object.fromEntries(Object.entries(result.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      return { status: result.status, contentType: result.headers['content-type']?.toString(), headers, body: parse(result.body.toString('utf8')) };
    },
    async close() {},
  };
}

/**
 * Invokes the same group handlers as a canary route's ALB would (docs/migration.md): an ALB event with
 * multi-value headers (the target group attribute the CDK sets), the route's group deciding the function
 * as its listener rule does; the handler matches the route itself and answers the ALB result shape.
 */
export function albRuntime(handlers: Readonly<Record<string, LambdaHandler>>): Runtime {
  return {
    name: 'lambda-alb',
    async send(request) {
      const matched = findRoute(EVERY_ROUTE, request.method, request.path);
      if (!matched) throw new Error(`no route for ${request.method} ${request.path}`);
      const { group } = matched.resolved.route;
      const event = albEvent({
        method: request.method,
        path: request.path,
        rawQueryString: request.rawQueryString,
        headers: { ...request.headers, 'x-request-id': request.requestId },
        body: request.body,
        multiValue: true,
      });
      const result = (await handlers[group](event, lambdaContext(`chariot-${group}`, request.requestId))) as ALBResult;
      expect(result.statusDescription).toMatch(new RegExp(`^${result.statusCode} \\w`));
      const response = responseFromAlbResult(result);
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
      return { status: response.status, contentType: headers['content-type'], headers, body: parse((response.body as Buffer).toString('utf8')) };
    },
    async close() {},
  };
}

/** Starts every Hono service on its own port 0 and sends each request to the service of its route's group. */
export async function honoRuntime(deps: ApiDependencies): Promise<Runtime & { readonly ports: Record<ServiceName, number> }> {
  const servers = new Map<ServiceName, Server>();
  const ports = {} as Record<ServiceName, number>;
  for (const service of Object.keys(SERVICES) as ServiceName[]) {
    const app = createServiceApp(service, deps);
    const server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s as Server));
    });
    servers.set(service, server);
    ports[service] = (server.address() as AddressInfo).port;
  }
  return {
    name: 'hono',
    ports,
    async send(request) {
      const matched = findRoute(EVERY_ROUTE, request.method, request.path);
      if (!matched) throw new Error(`no route for ${request.method} ${request.path}`);
      const service = groupOf(matched.resolved.route).service!;
      const query = request.rawQueryString ? `?${request.rawQueryString}` : '';
      const response = await fetch(`http://127.0.0.1:${ports[service]}${request.path}${query}`, {
        method: request.method,
        headers: { ...request.headers, 'x-request-id': request.requestId },
        body: request.body,
      });
      const headers = Object.fromEntries(response.headers.entries());
      return { status: response.status, contentType: response.headers.get('content-type') ?? undefined, headers, body: parse(await response.text()) };
    },
    async close() {
      await Promise.all(
        [...servers.values()].map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
