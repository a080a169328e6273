import { Logger } from '@aws-lambda-powertools/logger';
import type { LogItemMessage } from '@aws-lambda-powertools/logger/types';

/**
 * One Powertools root logger per process. Every request logs through it with its correlation id as
 * an extra key on each line: a per-request child logger (`createChild`) cost about as much CPU as the
 * rest of the logging of a request (docs/bench.md), and extra keys, unlike `appendKeys` on the root,
 * cannot leak between concurrent Fargate requests. Lambda uses the same scheme, so both runtimes log
 * the same keys.
 */
let root: Logger | undefined;

export function rootLogger(): Logger {
  root ??= new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'chariot' });
  return root;
}

/** What a request may log with: the root logger's levels, each line carrying `correlation_id`. */
export type RequestLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

export function requestLogger(correlationId: string): RequestLogger {
  const logger = rootLogger();
  // The message may itself be `{ message, ...keys }`: the id joins those keys, and the extra input (an Error, attributes) passes as given.
  const withId = (message: LogItemMessage): LogItemMessage =>
    typeof message === 'string' ? { message, correlation_id: correlationId } : { ...message, correlation_id: correlationId };
  return {
    debug: (message, ...extra) => logger.debug(withId(message), ...extra),
    info: (message, ...extra) => logger.info(withId(message), ...extra),
    warn: (message, ...extra) => logger.warn(withId(message), ...extra),
    error: (message, ...extra) => logger.error(withId(message), ...extra),
  };
}
