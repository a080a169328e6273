/** Auth for both runtimes: token and API-key verification, the account header, roles, webhooks. */
export * from './whoami';
export { TokenVerifier, type TokenVerifierOptions, type VerifiedToken } from './jwt';
export { authenticate, authenticateWebhook, exchangeApiKey, createAuthDeps, membershipRole, requireRole, webhookUsername, type AuthDeps } from './authenticate';
export { TtlCache } from './ttl-cache';
export { ApiTokens, API_TOKEN_TTL_SECONDS, apiTokenIssuer, type ApiTokenConfig } from './api-token';
