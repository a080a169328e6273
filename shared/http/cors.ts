/**
 * The API's CORS policy, in one place: the HTTP API's `corsPreflight` (lib/http-api.ts) and the local
 * gateway (local/gateway/cors.ts) both read it, so `npm start` answers preflights as AWS does.
 * Plain data, no CDK: the allowed origins are per environment (`corsOrigins` in cdk.json).
 */

/** Headers browsers may send: `account` selects the tenant, `x-api-key` authenticates API keys. */
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'account', 'x-request-id', 'x-api-key'] as const;

export const CORS_ALLOW_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Response headers a browser script may read: the request id, to quote in a bug report. */
export const CORS_EXPOSE_HEADERS = ['x-request-id'] as const;

/** How long a browser may cache a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 3600;
