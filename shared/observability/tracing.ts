/**
 * The one place the Powertools Tracer (and aws-xray-sdk-core under it) is loaded: only where it would
 * trace. Powertools traces only inside a Lambda execution environment with POWERTOOLS_TRACE_ENABLED not
 * 'false'; anywhere else (the local gateway, the bench, tests, Fargate without a daemon) the Tracer was a
 * no-op whose loading alone cost about a tenth of a cold start (docs/bench.md). X-Ray capture of SDK
 * clients and the Fargate request segments are in ./xray.ts, which traces wherever an X-Ray daemon is
 * (Lambda with active tracing, or a Fargate task with the sidecar); this module is the Lambda handler's part.
 */
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { inLambda } from './route-metrics';

/** Powertools' own rule for its Tracer: inside Lambda, unless switched off. */
const powertoolsTraces = (env: NodeJS.ProcessEnv = process.env): boolean => inLambda(env) && env.POWERTOOLS_TRACE_ENABLED !== 'false';

let tracer: Tracer | undefined;

/** The process's Tracer where tracing is on, else undefined. `serviceName` applies to the first call (one group per Lambda). */
export function processTracer(serviceName?: string): Tracer | undefined {
  if (!powertoolsTraces()) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tracer ??= new (require('@aws-lambda-powertools/tracer') as typeof import('@aws-lambda-powertools/tracer')).Tracer({ serviceName });
  return tracer;
}

/** The middy middleware tracing each invocation (`## handler` subsegment, cold-start annotation), where tracing is on. */
export function tracingMiddleware(serviceName: string): ReturnType<typeof captureLambdaHandler> | undefined {
  const active = processTracer(serviceName);
  return active && captureLambdaHandler(active);
}
