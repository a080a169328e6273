/**
 * The API's request authorizer, in front of every `jwt` route: the Lambda REQUEST authorizer in AWS
 * (lambdas/authorizer) and the local gateway run this same function. It accepts any credential the
 * backend accepts (Cognito id/access token, API token from `GET /token`, `x-api-key`) by running the
 * backend's own `authenticate`, minus the `account` header (tenant access is the backend's 403 to give).
 * A dependency failure (Cognito or DynamoDB down) lets the request through: the backend authenticates
 * again anyway and answers 503 `{"error"}`, which an authorizer cannot (API Gateway would say 500).
 */
import { DomainError } from '../errors';
import { authenticate, type AuthDeps } from './authenticate';

export interface AuthorizerDecision {
  readonly allow: boolean;
  /** Handed to the integration as `$context.authorizer.<name>` (strings only, as API Gateway requires). */
  readonly context: Readonly<Record<string, string>>;
}

export async function authorizeRequest(headers: Readonly<Record<string, string | undefined>>, deps: AuthDeps): Promise<AuthorizerDecision> {
  const credentials = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'account'));
  try {
    const whoami = await authenticate(credentials, deps);
    return { allow: true, context: { username: whoami.username, credential: whoami.credential } };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind === 'unavailable') return { allow: true, context: { deferred: 'dependency unavailable' } };
    return { allow: false, context: {} };
  }
}
