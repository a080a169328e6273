/**
 * CORS as the HTTP API's `corsPreflight` configures it: the gateway answers preflights itself and
 * adds the allow headers to every response, so a frontend on another localhost port can call it.
 */
export interface CorsConfig {
  /** `['*']` allows any origin (the dev default). */
  readonly allowOrigins: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly allowMethods: readonly string[];
  readonly maxAgeSeconds: number;
}

export const DEFAULT_CORS: CorsConfig = {
  allowOrigins: ['*'],
  allowHeaders: ['authorization', 'content-type', 'account', 'x-request-id', 'x-api-key'],
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
  maxAgeSeconds: 600,
};

/** Headers for every response; empty when the request's origin is not allowed. */
export function corsHeaders(config: CorsConfig, origin: string | undefined): Record<string, string> {
  if (config.allowOrigins.includes('*')) return { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-request-id' };
  if (origin && config.allowOrigins.includes(origin)) {
    return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'x-request-id', vary: 'origin' };
  }
  return {};
}

export function preflightHeaders(config: CorsConfig, origin: string | undefined): Record<string, string> {
  const base = corsHeaders(config, origin);
  if (!base['access-control-allow-origin']) return {};
  return {
    ...base,
    'access-control-allow-methods': config.allowMethods.join(','),
    'access-control-allow-headers': config.allowHeaders.join(','),
    'access-control-max-age': String(config.maxAgeSeconds),
  };
}

/** A CORS preflight: OPTIONS with Access-Control-Request-Method. */
export const isPreflight = (method: string, headers: Readonly<Record<string, string>>) =>
  method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
