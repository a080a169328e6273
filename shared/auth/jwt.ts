/**
 * Cognito token verification with aws-jwt-verify. JwtRsaVerifier (not CognitoJwtVerifier) so the same
 * code accepts production issuers and cognito-local's `http://127.0.0.1:<port>/local_xxx`; the JWKS
 * fetcher therefore allows http. Checks: RS256 signature against the pool's JWKS, issuer, expiry,
 * `token_use` (id or access), and the app client (id token `aud`, access token `client_id`).
 */
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
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

/** The signing keys could not be fetched: Cognito is unreachable or failing, not the token bad (503, not 401). */
class JwksUnavailable extends Error {}

/**
 * A fetcher for SimpleJwksCache that allows http (cognito-local) as well as https. node:http(s), not the
 * global fetch: fetch loads undici and its wasm HTTP parser on first use, which was about a third of a
 * Lambda's first invocation (docs/bench.md), while the SDK has loaded node:https already.
 */
const httpFetcher = {
  fetch(uri: string): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const get = uri.startsWith('https:') ? httpsGet : httpGet;
      // No keep-alive agent: the keys are fetched rarely, and an idle socket would outlive the caller.
      const request = get(uri, { timeout: 5000, agent: false }, (response) => {
        const status = response.statusCode ?? 0;
        if (status < 200 || status > 299) {
          response.resume();
          reject(new JwksUnavailable(`JWKS fetch ${uri} answered ${status}`));
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => reject(new JwksUnavailable(`JWKS fetch ${uri} failed: ${error.message}`)));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
        });
      });
      request.on('timeout', () => request.destroy(new Error('timed out after 5000 ms')));
      request.on('error', (error) => reject(new JwksUnavailable(`JWKS fetch ${uri} failed: ${error.message}`)));
    });
  },
};

/** What GetUser answers for a token Cognito refuses (401); any other failure means Cognito is unavailable (503). */
const REFUSED_BY_COGNITO = new Set(['NotAuthorizedException', 'UserNotFoundException', 'UserNotConfirmedException', 'PasswordResetRequiredException']);

function defaultEmailLookup(issuer: string): (accessToken: string) => Promise<string | undefined> {
  const url = new URL(issuer);
  const region = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com$/.exec(url.hostname)?.[1];
  // Loaded on the first access token only: most callers send id tokens, and the SDK client costs cold-start time.
  // `require`: the SDK is external (on the Lambda runtime's NODE_PATH, which an ES import ignores).
  const loadCognito = async () => {
    const { CognitoIdentityProviderClient, GetUserCommand } = require('@aws-sdk/client-cognito-identity-provider') as typeof import('@aws-sdk/client-cognito-identity-provider');
    const config = region ? { region } : { region: 'us-east-1', endpoint: url.origin, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
    // Few retries: while Cognito is down the caller should get its 503 quickly.
    return { client: new CognitoIdentityProviderClient({ ...config, maxAttempts: 2 }), GetUserCommand };
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

  /**
   * Verifies a raw JWT (no `Bearer `); a warm repeat of the same token is a cache hit, so a verified
   * token keeps working while Cognito is down. 401 for a bad token, 503 when Cognito cannot be reached.
   */
  async verify(token: string): Promise<VerifiedToken> {
    const cached = this.verified.get(token);
    if (cached) return cached;
    let payload: JwtPayload;
    try {
      payload = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof JwtExpiredError) throw unauthenticated('token expired');
      // After a failed fetch, aws-jwt-verify's penalty box refuses to refetch for a while: still Cognito's outage.
      if (error instanceof JwksUnavailable || (error as Error)?.name === 'WaitPeriodNotYetEndedJwkError') {
        throw unavailable('cannot fetch the token signing keys from Cognito');
      }
      throw unauthenticated('invalid token');
    }
    const tokenUse = payload.token_use as 'id' | 'access';
    // The email names the tenant, and a user can change their own email: only a verified one counts.
    let email: unknown = tokenUse === 'id' ? (payload.email_verified === true ? payload.email : undefined) : payload.username;
    if (tokenUse === 'access' && (typeof email !== 'string' || !email.includes('@'))) {
      email = await this.emailOfAccessToken(token).catch((error: Error) => {
        if (REFUSED_BY_COGNITO.has(error?.name)) return undefined;
        throw unavailable('cannot reach Cognito to resolve the access token');
      });
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
