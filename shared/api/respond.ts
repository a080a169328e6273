import type { Logger } from '@aws-lambda-powertools/logger';
import { HttpError } from '../http/errors';
import type { ApiResponse } from '../http/types';

export const json = (status: number, body: unknown): ApiResponse => ({ status, body });

/** What a 503 tells clients to wait: about how long the local stack takes to bring a dependency back. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * The one mapping from a thrown error to an answer. Input is validated with `parseInput`, which throws
 * HttpError 400, so anything else is our fault: logged, and a bare 500.
 */
export function errorResponse(error: unknown, logger: Logger): ApiResponse {
  if (error instanceof HttpError && error.status === 503) {
    logger.warn('dependency unavailable', { error: error.message, cause: String((error as { cause?: unknown }).cause ?? '') });
    return { status: 503, body: { error: error.message }, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } };
  }
  if (error instanceof HttpError) return json(error.status, { error: error.message });
  logger.error('unhandled error', error as Error);
  return json(500, { error: 'internal error' });
}

