import type { Logger } from '@aws-lambda-powertools/logger';
import { ZodError } from 'zod';
import { HttpError } from '../http/errors';
import type { ApiResponse } from '../http/types';

export const json = (status: number, body: unknown): ApiResponse => ({ status, body });

/** The one mapping from a thrown error to an answer. Unknown errors are logged and become a bare 500. */
export function errorResponse(error: unknown, logger: Logger): ApiResponse {
  if (error instanceof HttpError) return json(error.status, { error: error.message });
  if (error instanceof ZodError) return json(400, { error: describeZodError(error) });
  logger.error('unhandled error', error as Error);
  return json(500, { error: 'internal error' });
}

function describeZodError(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
