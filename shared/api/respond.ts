import { DomainError, type DomainErrorKind } from '../errors';
import type { RequestLogger } from '../observability/logger';
import type { ApiResponse } from '../http/types';

export const json = (status: number, body: unknown): ApiResponse => ({ status, body });

/** What a 503 tells clients to wait: about how long the local stack takes to bring a dependency back. */
export const RETRY_AFTER_SECONDS = 2;

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
  if (!(error instanceof DomainError)) return undefined;
  // A dependency fault says when to come back; clients and SDKs back off on it.
  if (error.kind === 'unavailable') return { status: 503, body: { error: error.message }, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } };
  return json(STATUS_OF[error.kind], { error: error.message });
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
