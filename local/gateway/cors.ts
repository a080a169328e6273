/**
 * CORS as the HTTP API's `corsPreflight` configures it: the gateway answers preflights itself and
 * adds the allow headers to every response, so a frontend on another localhost port can call it.
 * The policy itself is `shared/http/cors.ts`, the one lib/http-api.ts deploys.
 */
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_EXPOSE_HEADERS, CORS_MAX_AGE_SECONDS } from '../../shared/http/cors';

export interface CorsConfig {
  /** `['*']` allows any origin (the dev default). */
  readonly allowOrigins: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly allowMethods: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAgeSeconds: number;
}

export const DEFAULT_CORS: CorsConfig = {
  allowOrigins: ['*'],
  allowHeaders: CORS_ALLOW_HEADERS,
  allowMethods: CORS_ALLOW_METHODS,
  exposeHeaders: CORS_EXPOSE_HEADERS,
  maxAgeSeconds: CORS_MAX_AGE_SECONDS,
};

/** Headers for every response; empty when the request's origin is not allowed. */
export function corsHeaders(config: CorsConfig, origin: string | undefined): Record<string, string> {
  const expose = config.exposeHeaders.join(',');
  if (config.allowOrigins.includes('*')) return { 'access-control-allow-origin': '*', 'access-control-expose-headers': expose };
  if (origin && config.allowOrigins.includes(origin)) {
    return { 'access-control-allow-origin': origin, 'access-control-expose-headers': expose, vary: 'origin' };
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
