/**
 * The short-lived JWTs `GET /token` exchanges an API key for (praetorian-cli 2.x sends them as
 * `Authorization: Bearer`). HS256 with a per-environment key (a generated Secrets Manager secret in
 * AWS). The token names only the key: every use re-checks the key row (status, expiry, creator's
 * access) through the auth cache, so a revoked key stops its tokens within that cache's TTL.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { unauthenticated, unavailable } from '../errors';

/** One hour, as Cognito id tokens, plus a minute: praetorian-cli caches the token 3600 s without reading `exp`. */
export const API_TOKEN_TTL_SECONDS = 3660;

export interface ApiTokenConfig {
  /** `iss`, distinct from the Cognito issuer, so a Bearer token is routed to the right verifier. */
  readonly issuer: string;
  /** `aud`: the app client id, as in Cognito id tokens. */
  readonly audience: string;
  /** Resolves the HMAC key (at least 32 bytes); fetched once per process. */
  readonly signingKey: () => Promise<string>;
}

export interface ApiTokenClaims {
  /** The API key id. */
  readonly keyId: string;
  /** The key's creator: the `email` clients decode from the token. */
  readonly email: string;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = b64({ alg: 'HS256', typ: 'JWT' });

/** The issuer of API tokens: the pool's, with a suffix, so it is tied to the pool yet never taken for a Cognito token. */
export const apiTokenIssuer = (cognitoIssuer: string): string => `${cognitoIssuer}/api-key`;

/** The `iss` of a JWT without verifying it, to pick the verifier; undefined when it is not a JWT. */
export function unverifiedIssuer(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof payload.iss === 'string' ? payload.iss : undefined;
  } catch {
    return undefined;
  }
}

export class ApiTokens {
  private key?: Promise<Buffer>;

  constructor(readonly config: ApiTokenConfig) {}

  private signingKey(): Promise<Buffer> {
    this.key ??= this.config.signingKey().then(
      (key) => {
        if (key.length < 32) throw new Error('the API token signing key must have at least 32 characters');
        return Buffer.from(key);
      },
      (error: Error) => {
        this.key = undefined; // try again on the next request
        throw unavailable(`cannot read the API token signing key: ${error.message}`);
      },
    );
    return this.key;
  }

  async mint(claims: ApiTokenClaims, now = Math.floor(Date.now() / 1000)): Promise<{ token: string; expiresIn: number }> {
    const payload = b64({
      iss: this.config.issuer,
      aud: this.config.audience,
      sub: claims.keyId,
      email: claims.email,
      token_use: 'api_key',
      iat: now,
      exp: now + API_TOKEN_TTL_SECONDS,
    });
    const input = `${HEADER}.${payload}`;
    return { token: `${input}.${createHmac('sha256', await this.signingKey()).update(input).digest('base64url')}`, expiresIn: API_TOKEN_TTL_SECONDS };
  }

  /** The key id and email of a valid, unexpired token of this issuer and audience; 401 otherwise. */
  async verify(token: string, now = Date.now() / 1000): Promise<ApiTokenClaims> {
    const [header, payload, signature] = token.split('.');
    if (header !== HEADER || !payload || !signature) throw unauthenticated('invalid token');
    const expected = createHmac('sha256', await this.signingKey()).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthenticated('invalid token');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (claims.iss !== this.config.issuer || claims.aud !== this.config.audience || claims.token_use !== 'api_key') throw unauthenticated('invalid token');
    if (typeof claims.exp !== 'number' || claims.exp <= now) throw unauthenticated('token expired');
    if (typeof claims.sub !== 'string' || typeof claims.email !== 'string') throw unauthenticated('invalid token');
    return { keyId: claims.sub, email: claims.email };
  }
}
