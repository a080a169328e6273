import type { RequestLogger } from '../observability/logger';
import { HttpError } from '../http/errors';
import type { ApiResponse } from '../http/types';

export const json = (status: number, body: unknown): ApiResponse => ({ status, body });

/**
 * The one mapping from a thrown error to an answer. Input is validated with `parseInput`, which throws
 * HttpError 400, so anything else is our fault: logged, and a bare 500.
 */
export function errorResponse(error: unknown, logger: RequestLogger): ApiResponse {
  if (error instanceof HttpError) return json(error.status, { error: error.message });
  logger.error('unhandled error', error as Error);
  return json(500, { error: 'internal error' });
}

