/**
 * The deployed API's Lambda REQUEST authorizer, locally: the same function (shared/auth/authorizer.ts)
 * on a core built from the same runtime environment the handlers read, so the local gateway lets
 * through exactly what the deployed one does (Cognito tokens, API tokens, `x-api-key`).
 */
import { authorizeRequest, type AuthorizerDecision } from '../../shared/auth/authorizer';
import { createCore } from '../../shared/config/core';
import { loadRuntimeConfig } from '../../shared/config/runtime';

export type RequestAuthorizer = (headers: Readonly<Record<string, string>>) => Promise<AuthorizerDecision>;

export function createRequestAuthorizer(env: Readonly<Record<string, string | undefined>>): RequestAuthorizer {
  const core = createCore(loadRuntimeConfig(env));
  return (headers) => authorizeRequest(headers, core.auth);
}
