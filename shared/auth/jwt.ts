/**
 * Cognito token verification with aws-jwt-verify. JwtRsaVerifier (not CognitoJwtVerifier) so the same
 * code accepts production issuers and cognito-local's `http://127.0.0.1:<port>/local_xxx`; the JWKS
 * fetcher therefore allows http. Checks: RS256 signature against the pool's JWKS, issuer, expiry,
 * `token_use` (id or access), and the app client (id token `aud`, access token `client_id`).
 */
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { JwtExpiredError } from 'aws-jwt-verify/error';
import { SimpleJwksCache, type Jwks } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { unauthenticated, unavailable } from '../errors';
import { TtlCache } from './ttl-cache';

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly clientId: string;
  readonly jwksUri: string;
  /** Preloaded JWKS (tests, or to avoid the first fetch). */
  readonly jwks?: Jwks;
  /**
   * Resolves an access token to the user's email. Access tokens carry `username`, which for pools
   * that sign in by email is the user's sub, not the email that names their tenant.
   * Default: Cognito GetUser at the issuer's origin.
   */
  readonly emailOfAccessToken?: (accessToken: string) => Promise<string | undefined>;
}

export interface VerifiedToken {
  /** Lower-cased email: the user's name and home tenant. */
  readonly username: string;
  readonly tokenUse: 'id' | 'access';
  readonly sub: string;
  readonly groups: readonly string[];
  /** Expiry, epoch seconds. */
  readonly exp: number;
}

/** A fetcher for SimpleJwksCache that allows http (cognito-local) as well as https. */
const httpFetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`JWKS fetch ${uri} answered ${response.status}`);
    return response.arrayBuffer();
  },
};

function defaultEmailLookup(issuer: string): (accessToken: string) => Promise<string | undefined> {
  const url = new URL(issuer);
  const region = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com$/.exec(url.hostname)?.[1];
  // Loaded on the first access token only: most callers send id tokens, and the SDK client costs cold-start time.
  const loadCognito = async () => {
    const { CognitoIdentityProviderClient, GetUserCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    const config = region ? { region } : { region: 'us-east-1', endpoint: url.origin, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
    return { client: new CognitoIdentityProviderClient(config), GetUserCommand };
  };
  let cognito: ReturnType<typeof loadCognito> | undefined;
  return async (accessToken) => {
    const { client, GetUserCommand } = await (cognito ??= loadCognito());
    const { UserAttributes } = await client.send(new GetUserCommand({ AccessToken: accessToken }));
    const attribute = (name: string) => UserAttributes?.find((a) => a.Name === name)?.Value;
    return attribute('email_verified') === 'true' ? attribute('email') : undefined;
  };
}

export class TokenVerifier {
  private readonly verifier;
  private readonly verified = new TtlCache<VerifiedToken>();
  private readonly emailOfAccessToken: (accessToken: string) => Promise<string | undefined>;

  constructor(private readonly options: TokenVerifierOptions) {
    const clientId = options.clientId;
    const jwksCache = new SimpleJwksCache({ fetcher: httpFetcher });
    this.verifier = JwtRsaVerifier.create(
      {
        issuer: options.issuer,
        jwksUri: options.jwksUri,
        // aud is checked below: id tokens carry it, access tokens carry client_id instead.
        audience: null,
        customJwtCheck: ({ payload }: { payload: JwtPayload }) => {
          if (payload.token_use === 'id') {
            if (payload.aud !== clientId) throw new Error('audience not allowed');
          } else if (payload.token_use === 'access') {
            if (payload.client_id !== clientId) throw new Error('client_id not allowed');
          } else {
            throw new Error('token_use must be id or access');
          }
        },
      },
      { jwksCache },
    );
    if (options.jwks) this.verifier.cacheJwks(options.jwks);
    this.emailOfAccessToken = options.emailOfAccessToken ?? defaultEmailLookup(options.issuer);
  }

  /** Verifies a raw JWT (no `Bearer `); a warm repeat of the same token is a cache hit. 401 on any failure. */
  async verify(token: string): Promise<VerifiedToken> {
    const cached = this.verified.get(token);
    if (cached) return cached;
    let payload: JwtPayload;
    try {
      payload = await this.verifier.verify(token);
    } catch (error) {
      const name = (error as Error)?.name ?? '';
      if (error instanceof JwtExpiredError) throw unauthenticated('token expired');
      if (name === 'FetchError' || name === 'NonRetryableFetchError') throw unavailable('cannot fetch the token signing keys');
      throw unauthenticated('invalid token');
    }
    const tokenUse = payload.token_use as 'id' | 'access';
    // The email names the tenant, and a user can change their own email: only a verified one counts.
    let email: unknown = tokenUse === 'id' ? (payload.email_verified === true ? payload.email : undefined) : payload.username;
    if (tokenUse === 'access' && (typeof email !== 'string' || !email.includes('@'))) {
      email = await this.emailOfAccessToken(token).catch(() => undefined);
    }
    if (typeof email !== 'string' || !email.includes('@') || email.includes('#')) throw unauthenticated('token has no verified email');
    const result: VerifiedToken = {
      username: email.trim().toLowerCase(),
      tokenUse,
      sub: String(payload.sub ?? ''),
      groups: Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as string[]) : [],
      exp: Number(payload.exp),
    };
    this.verified.set(token, result, result.exp * 1000);
    return result;
  }
}
