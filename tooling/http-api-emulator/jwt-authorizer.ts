/**
 * The HTTP API JWT authorizer, locally: the token comes from the Authorization header (with or
 * without `Bearer `), must be RS256-signed by a key of the issuer's JWKS, carry exactly the issuer,
 * be unexpired, and name the app client in `aud` (id tokens) or `client_id` (access tokens).
 * Like API Gateway it does not look at `token_use`; the backend re-verifies the token anyway.
 */
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

export interface JwtAuthorizerConfig {
  readonly issuer: string;
  readonly clientId: string;
  /** Default: `<issuer>/.well-known/jwks.json`. May be http:// (cognito-local). */
  readonly jwksUri?: string;
}

export type JwtAuthorizer = (authorization: string | undefined) => Promise<JwtPayload | undefined>;

/** aws-jwt-verify's default fetcher speaks https only; cognito-local serves its JWKS over http. */
const httpFetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(1500) }); // API Gateway's JWKS timeout
    if (!response.ok) throw new Error(`JWKS ${uri}: HTTP ${response.status}`);
    return response.arrayBuffer();
  },
};

/** Resolves the verified claims, or undefined for a missing or invalid token (the gateway answers 401). */
export function createJwtAuthorizer(config: JwtAuthorizerConfig): JwtAuthorizer {
  const verifier = JwtRsaVerifier.create(
    {
      issuer: config.issuer,
      jwksUri: config.jwksUri ?? `${config.issuer}/.well-known/jwks.json`,
      audience: null, // checked below: API Gateway accepts `aud` OR `client_id`
      customJwtCheck: ({ payload }) => {
        const audiences = [payload.aud ?? []].flat();
        if (!audiences.includes(config.clientId) && payload.client_id !== config.clientId) {
          throw new Error('token is not for this app client');
        }
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: httpFetcher }) },
  );
  return async (authorization) => {
    const token = authorization?.replace(/^Bearer\s+/i, '').trim();
    if (!token) return undefined;
    try {
      return await verifier.verify(token);
    } catch {
      return undefined;
    }
  };
}
