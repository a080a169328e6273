import * as errors from '../errors';
import { errorResponse } from './respond';

const quiet = { error: () => undefined };

test('each domain error maps to its status and {"error": message}; anything else is a bare 500', () => {
  const cases: [errors.DomainError, number][] = [
    [errors.invalidInput('bad'), 400],
    [errors.unauthenticated(), 401],
    [errors.forbidden(), 403],
    [errors.notFound(), 404],
    [errors.conflict('raced'), 409],
    [errors.payloadTooLarge('big'), 413],
    [errors.notImplemented('later'), 501],
    [errors.unavailable('down'), 503],
  ];
  for (const [error, status] of cases) {
    // A dependency fault also says when to retry.
    const headers = status === 503 ? { headers: { 'retry-after': '2' } } : {};
    expect(errorResponse(error, quiet)).toEqual({ status, body: { error: error.message }, ...headers });
  }
  expect(errorResponse(new Error('secret detail'), quiet)).toEqual({ status: 500, body: { error: 'internal error' } });
});
