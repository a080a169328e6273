/**
 * The shadow copy in AWS, the Lambda's half (docs/migration.md): for a sampled GET of a route in `shadow`,
 * after the operation answered, hand the request and the answer's fingerprint (never the answer) to the
 * shadow comparer with an asynchronous invoke (`InvocationType: Event`). The comparer, in the VPC, asks the
 * route's service the same thing and compares (shared/migration/shadow-comparer.ts).
 *
 * A Lambda cannot keep working after it returned (its container freezes), so the hand-off happens inside
 * the request: the Invoke call's 202 is awaited for at most HAND_OFF_MS, and never the comparison.
 */
import type { InvokeCommand } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { SHADOW_VARIABLES } from '../config/binding';
import type { ApiRequest, ApiResponse } from '../http/types';
import { encodeResponse } from '../http/codec';
import type { RequestLogger } from '../observability/logger';
import { isRouteId, type RouteId } from '../routing/routes';
import { fingerprint, type Fingerprint } from './compare';

/** The caller's credentials and tenant choice: what makes the service's answer the caller's answer. */
export const FORWARDED_HEADERS = ['authorization', 'x-api-key', 'account', 'accept'] as const;
/** The longest the caller's response waits for the hand-off; a slower Invoke is left behind (and logged). */
export const HAND_OFF_MS = 100;

export const ShadowRequestSchema = z.object({
  route: z.string().refine(isRouteId, 'route must be "METHOD /path"'),
  /** The Fargate service that serves the route. */
  service: z.string().min(1),
  method: z.literal('GET'),
  path: z.string().startsWith('/'),
  rawQueryString: z.string(),
  headers: z.record(z.string(), z.string()),
  requestId: z.string(),
  primary: z.object({
    status: z.number().int(),
    hash: z.string(),
    leaves: z.record(z.string(), z.string()).optional(),
    bytes: z.number().int().optional(),
  }),
});
/** The comparer's event: the request to repeat and what the caller got, as a fingerprint. */
export type ShadowRequest = z.infer<typeof ShadowRequestSchema> & { readonly primary: Fingerprint };

const PERCENT = z.number().min(0).max(100);
const ShadowRoutesSchema = z.record(z.string().refine(isRouteId, 'keys must be route ids ("GET /asset")'), PERCENT);

export interface ShadowCopyConfig {
  readonly comparerArn: string;
  /** Route id → sample percent (0–100). */
  readonly routes: Readonly<Record<string, number>>;
}

/** The group Lambda's shadow configuration, or undefined when none of its routes is in `shadow`. Throws on a malformed one. */
export function shadowCopyConfig(env: NodeJS.ProcessEnv): ShadowCopyConfig | undefined {
  const comparerArn = env[SHADOW_VARIABLES.comparerArn];
  const routes = env[SHADOW_VARIABLES.routes];
  if (!comparerArn && !routes) return undefined;
  if (!comparerArn?.startsWith('arn:') || !routes) {
    throw new Error(`${SHADOW_VARIABLES.comparerArn} (a function ARN) and ${SHADOW_VARIABLES.routes} (JSON {"GET /asset": 5}) go together`);
  }
  const parsed = ShadowRoutesSchema.safeParse(JSON.parse(routes));
  if (!parsed.success) throw new Error(`${SHADOW_VARIABLES.routes} must be JSON {"GET /asset": 5} (route id → sample percent 0–100): ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  return { comparerArn, routes: parsed.data };
}

/** The client's one call used here: tests stub it (there is no Lambda API locally), the one mock. */
export interface LambdaInvoker {
  send(command: InvokeCommand): Promise<unknown>;
}

export interface ShadowCopierOptions {
  readonly client?: LambdaInvoker;
  /** [0, 1); the sampling draw. */
  readonly random?: () => number;
  readonly handOffMs?: number;
}

export class ShadowCopier {
  /**
   * The SDK comes with the Lambda runtime (outside the bundle, on NODE_PATH, which an ES import ignores: hence
   * `require`); only a Lambda that shadows loads it, at start.
   */
  private readonly sdk = Promise.resolve().then(() => require('@aws-sdk/client-lambda') as typeof import('@aws-sdk/client-lambda'));
  private client?: LambdaInvoker;

  constructor(
    private readonly config: ShadowCopyConfig,
    private readonly options: ShadowCopierOptions = {},
  ) {
    this.sdk.catch(() => undefined); // reported by the first hand-off that needs it
  }

  /** GETs of shadowed routes, sampled (`shadow:5` → 5 %). */
  shouldCopy(route: string, method: string): boolean {
    const percent = this.config.routes[route];
    return percent !== undefined && method === 'GET' && (this.options.random ?? Math.random)() * 100 < percent;
  }

  /** Hands the copy off; resolves after the Invoke's 202 or HAND_OFF_MS, whichever is first. Never throws. */
  async handOff(route: RouteId, service: string, request: ApiRequest, response: ApiResponse, logger: RequestLogger): Promise<void> {
    const { status, body } = encodeResponse(response);
    const copy: ShadowRequest = {
      route,
      service,
      method: 'GET',
      path: request.path,
      rawQueryString: new URLSearchParams(request.query).toString(),
      headers: Object.fromEntries(FORWARDED_HEADERS.flatMap((name) => (request.headers[name] === undefined ? [] : [[name, request.headers[name]]]))),
      requestId: request.requestId,
      primary: fingerprint({ status, body: Buffer.from(body) }),
    };
    const input = { FunctionName: this.config.comparerArn, InvocationType: 'Event' as const, Payload: Buffer.from(JSON.stringify(copy)) };
    const sent = (async () => {
      const { LambdaClient, InvokeCommand } = await this.sdk;
      const client = (this.client ??= this.options.client ?? new LambdaClient({}));
      return client.send(new InvokeCommand(input));
    })().then(
      () => 'sent' as const,
      (error: unknown) => logger.warn({ message: 'shadow copy not handed off', route, error: String(error) }),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.options.handOffMs ?? HAND_OFF_MS)));
    const outcome = await Promise.race([sent, late]);
    clearTimeout(timer);
    if (outcome === 'late') logger.warn({ message: 'shadow copy hand-off slower than its budget; answered without waiting', route });
  }
}
