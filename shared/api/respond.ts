import { DomainError, type DomainErrorKind } from '../errors';
import type { RequestLogger } from '../observability/logger';
import type { ApiResponse } from '../http/types';

export const json = (status: number, body: unknown): ApiResponse => ({ status, body });

/** The HTTP status of each domain error: the only place the core's failures meet HTTP. */
export const STATUS_OF: Readonly<Record<DomainErrorKind, number>> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'not-implemented': 501,
  unavailable: 503,
};

/** A domain error as its status and `{"error": message}`; undefined for anything else. */
export function domainErrorResponse(error: unknown): ApiResponse | undefined {
  return error instanceof DomainError ? json(STATUS_OF[error.kind], { error: error.message }) : undefined;
}

/**
 * The one mapping from a thrown error to an answer. Input is validated with `parseInput`, which throws
 * InvalidInput, so anything that is not a domain error is our fault: logged, and a bare 500.
 */
export function errorResponse(error: unknown, logger: Pick<RequestLogger, 'error'>): ApiResponse {
  const mapped = domainErrorResponse(error);
  if (mapped) return mapped;
  logger.error('unhandled error', error as Error);
  return json(500, { error: 'internal error' });
}
