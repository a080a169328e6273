/**
 * Which DynamoDB failures are the store's fault, not ours and not the caller's: it cannot be reached,
 * it did not answer within the deadline, it throttled us, or it failed on its side. These become the
 * domain "unavailable" error (503 + Retry-After at the edge) once, in the client's middleware, so every
 * caller of the table (repository, auth lookups, idempotency) gets the same classification.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unavailable } from '../errors';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET']);
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'LimitExceededException']);
const SERVER_SIDE = new Set(['InternalServerError', 'InternalFailure', 'ServiceUnavailable', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);

/** True when `error` says the store is unreachable, slow, throttling or failing (retrying later may succeed). */
export function isUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (e.name && (THROTTLING.has(e.name) || SERVER_SIDE.has(e.name))) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (/socket hang up|ECONNREFUSED|ECONNRESET/.test(e.message ?? '')) return true;
  return e.cause !== undefined && e.cause !== error && isUnavailable(e.cause);
}

/** The message a 503 carries: which store, never internals. */
export const TABLE_UNAVAILABLE = 'the table is unavailable; try again';

/**
 * Adds the classification to a client: outside the retry step, so the SDK's own retries (throttling,
 * transient errors) run first and only their final failure becomes "unavailable".
 */
export function classifyUnavailable(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isUnavailable(error)) throw Object.assign(unavailable(TABLE_UNAVAILABLE), { cause: error });
        throw error;
      }
    },
    { step: 'initialize', name: 'classifyUnavailable', priority: 'high' },
  );
}
