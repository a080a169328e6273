/**
 * Lambda routes, in-process: each group's handler module loaded once (a warm container) and invoked
 * with the emulator's event and context; its result mapped back the way API Gateway maps it.
 */
import { resolve } from 'node:path';
import type { ALBEvent, ALBResult, APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { isAlbEvent } from '../../lambdas/runtime/alb';
import { responseFromAlbResult } from '../../tooling/alb-emulator/event';
import { INTEGRATION_TIMEOUT_MS, internalError, lambdaContext, responseFromResult } from '../../tooling/http-api-emulator/lambda-integration';
import type { GatewayResponse } from '../../tooling/http-api-emulator/types';

type Handler = (event: APIGatewayProxyEventV2 | ALBEvent, context: Context) => Promise<unknown>;

/**
 * Loads each group's handler module once (like a warm Lambda container) and invokes it. A throw or
 * an invalid result is a 500 `{"message":"Internal Server Error"}`, a timeout a 503, as API Gateway does.
 * An ALB event (a canary route's Lambda share, as its target group sends it) gets its result mapped the ALB's way.
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

  async invoke(entry: string, functionName: string, event: APIGatewayProxyEventV2 | ALBEvent, requestId: string): Promise<GatewayResponse> {
    const label = isAlbEvent(event) ? `ALB ${event.httpMethod} ${event.path}` : event.routeKey;
    const deadline = Date.now() + INTEGRATION_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((done) => {
      timer = setTimeout(() => done('timeout'), INTEGRATION_TIMEOUT_MS);
    });
    try {
      const handler = await this.handlerOf(entry);
      const result = await Promise.race([handler(event, lambdaContext(functionName, requestId, deadline)), timeout]);
      if (result === 'timeout') {
        this.log(`lambda ${functionName} timed out after ${INTEGRATION_TIMEOUT_MS} ms (${label})`);
        return { status: 503, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"message":"Service Unavailable"}') };
      }
      return isAlbEvent(event) ? responseFromAlbResult(result as ALBResult) : responseFromResult(result);
    } catch (error) {
      this.log(`lambda ${functionName} failed on ${label}: ${(error as Error)?.stack ?? error}`);
      return internalError();
    } finally {
      clearTimeout(timer);
    }
  }
}
