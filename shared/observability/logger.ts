import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One Powertools root logger per process; every request logs through a child that carries its
 * correlation id. Children (not `appendKeys` on the root) keep concurrent Fargate requests from
 * leaking keys into each other; Lambda uses the same scheme so both runtimes log the same keys.
 */
let root: Logger | undefined;

export function rootLogger(): Logger {
  root ??= new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'chariot' });
  return root;
}

export function requestLogger(correlationId: string): Logger {
  return rootLogger().createChild({ persistentKeys: { correlation_id: correlationId } });
}
