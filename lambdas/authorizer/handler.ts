/**
 * The HTTP API's Lambda REQUEST authorizer (simple responses, no result cache): shared/auth/authorizer.ts.
 * Its core (token verifier, JWKS, key and membership caches) lives as long as the container.
 */
import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { authorizeRequest } from '../../shared/auth/authorizer';
import { createCore } from '../../shared/config/core';
import { AUTHORIZER_BINDING } from '../../shared/config/binding';
import { loadRuntimeConfig } from '../../shared/config/runtime';

const core = createCore(loadRuntimeConfig(process.env, AUTHORIZER_BINDING));

export async function handler(event: APIGatewayRequestAuthorizerEventV2): Promise<APIGatewaySimpleAuthorizerWithContextResult<Record<string, string>>> {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const decision = await authorizeRequest(headers, core.auth);
  return { isAuthorized: decision.allow, context: decision.context };
}
