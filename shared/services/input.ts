/** Request parsing shared by every operation: JSON bodies, query flags and list paging. */
import * as z from 'zod';
import { invalidInput } from '../errors';
import type { ApiRequest } from '../http/types';
import { parseInput, publicView } from '../model';
import type { Page } from '../db/repository';

/** The body as JSON; 400 when it is missing or malformed. */
export function jsonBody(request: ApiRequest): unknown {
  if (request.body === undefined || !request.body.trim()) throw invalidInput('a JSON body is required');
  try {
    return JSON.parse(request.body);
  } catch {
    throw invalidInput('the body is not valid JSON');
  }
}

/** A JSON object body (not an array or scalar). */
export function objectBody(request: ApiRequest): Record<string, unknown> {
  const body = jsonBody(request);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidInput('the body must be a JSON object');
  return body as Record<string, unknown>;
}

const flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');
const limit = z.coerce.number({ error: 'limit must be a number' }).int('limit must be an integer').min(1, 'limit must be at least 1').max(1000, 'limit must be at most 1000');

/** `?key=&offset=&limit=` of the list routes (`GET /asset`, `/risk`, …). */
export const ListQuery = z.object({
  key: z.string().min(1).max(1024).optional(),
  offset: z.string().min(1).max(4096).optional(),
  limit: limit.optional(),
});
export type ListQuery = z.output<typeof ListQuery>;

/** `GET /my`: Chariot's search parameters. */
export const SearchQuery = ListQuery.extend({
  key: z.string({ error: 'key is required' }).min(1, 'key is required').max(1024),
  exact: flag.optional(),
  desc: flag.optional(),
  global: flag.optional(),
  label: z.string().regex(/^[a-z_-]{1,64}$/, 'label must be an entity type such as job or asset').optional(),
});
export type SearchQuery = z.output<typeof SearchQuery>;

export const parseQuery = <S extends z.ZodType>(schema: S, request: ApiRequest): z.output<S> => parseInput(schema, request.query);

/**
 * A list response: `{"<plural>": [...], "offset": "<token>"}`; `offset` is omitted on the last page.
 * Rows go out through `publicView` so internal fields (version, secret hashes) never leave.
 */
export function listBody<T extends object>(plural: string, page: Page<T>, view: (row: T) => unknown = publicView): Record<string, unknown> {
  return { [plural]: page.items.map(view), ...(page.offset ? { offset: page.offset } : {}) };
}
