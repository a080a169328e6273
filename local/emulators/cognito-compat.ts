/**
 * What cognito-local 5.3.0 gets wrong or lacks, fixed in front of it so real clients sign in unchanged:
 * - `AuthenticationResult` without `ExpiresIn` / `TokenType` (praetorian-cli reads ExpiresIn);
 * - `USER_SRP_AUTH` → `PASSWORD_VERIFIER` (Amplify v6's default flow) answers UnsupportedError;
 * - id tokens say `email_verified: Boolean("false")`, i.e. true, so a changed email named a tenant;
 * - `UpdateUserAttributes` with a new email keeps `email_verified` as it was (Cognito marks it false);
 * - a wrong password is `InvalidPasswordException` (Cognito: `NotAuthorizedException`).
 * Everything else goes to cognito-local's own express app untouched. The layer reads cognito-local's
 * store files for what its API does not expose (a client's pool, a user's password for the SRP verifier).
 */
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { startChallenge, verifyClaim, type SrpChallenge } from './cognito-srp';

type Json = Record<string, unknown>;
type Attribute = { Name: string; Value?: string };
interface StoredUser {
  Username: string;
  Password?: string;
  Attributes?: Attribute[];
}
interface AuthenticationResult {
  AccessToken?: string;
  IdToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
  TokenType?: string;
}

export interface CompatOptions {
  /** cognito-local's working directory (it keeps `.cognito/db/*.json` there). */
  readonly dataDir: string;
  /** The signing key cognito-local uses (kid `CognitoLocal`), to re-sign a corrected id token. */
  readonly privateKeyPem: string;
  /** Calls cognito-local itself (not this layer) with an `x-amz-target` operation. */
  readonly call: (operation: string, body: Json) => Promise<{ status: number; body: Json }>;
}

/** A Cognito-style error reply. */
class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const SESSION_TTL_MS = 3 * 60_000; // Cognito's auth sessions last 3 minutes

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodePayload = (jwt: string): Json => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Json;
const attribute = (attributes: readonly Attribute[] | undefined, name: string) => attributes?.find((a) => a.Name === name)?.Value;

export class CognitoCompat {
  private readonly key: KeyObject;
  private readonly sessions = new Map<string, { challenge: SrpChallenge; user: StoredUser; poolId: string; clientId: string; srpA: string; expires: number }>();

  constructor(private readonly options: CompatOptions) {
    this.key = createPrivateKey(options.privateKeyPem);
  }

  /** Handles the request when it is one of ours; false means "let cognito-local answer". */
  async handle(operation: string, body: Json, response: ServerResponse): Promise<boolean> {
    let result: { status: number; body: Json } | undefined;
    try {
      result = await this.dispatch(operation, body);
    } catch (error) {
      if (!(error instanceof CognitoError)) throw error;
      result = { status: 400, body: { __type: error.type, message: error.message } };
    }
    if (!result) return false;
    response.writeHead(result.status, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(JSON.stringify(result.body));
    return true;
  }

  private async dispatch(operation: string, body: Json): Promise<{ status: number; body: Json } | undefined> {
    switch (operation) {
      case 'InitiateAuth':
      case 'AdminInitiateAuth':
        if (body.AuthFlow === 'USER_SRP_AUTH') return { status: 200, body: this.startSrp(body) };
        return await this.fixed(await this.options.call(operation, body));
      case 'RespondToAuthChallenge':
      case 'AdminRespondToAuthChallenge':
        if (body.ChallengeName === 'PASSWORD_VERIFIER') return await this.fixed(await this.finishSrp(body));
        return await this.fixed(await this.options.call(operation, body));
      case 'UpdateUserAttributes':
        return this.options.call(operation, { ...body, UserAttributes: unverifyChangedEmail(body.UserAttributes as Attribute[] | undefined) });
      default:
        return undefined;
    }
  }

  /** A store file; a read that races cognito-local's rewrite of it is retried. */
  private store(name: string): Json {
    for (let attempt = 1; ; attempt++) {
      try {
        return JSON.parse(readFileSync(join(this.options.dataDir, '.cognito', 'db', `${name}.json`), 'utf8')) as Json;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
        if (attempt >= 20) throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      }
    }
  }

  private poolOfClient(clientId: unknown): string {
    const clients = (this.store('clients').Clients ?? {}) as Record<string, { UserPoolId?: string }>;
    const poolId = typeof clientId === 'string' ? clients[clientId]?.UserPoolId : undefined;
    if (!poolId) throw new CognitoError('ResourceNotFoundException', 'User pool client does not exist.');
    return poolId;
  }

  private findUser(poolId: string, username: unknown): StoredUser {
    const users = (this.store(poolId).Users ?? {}) as Record<string, StoredUser>;
    const wanted = String(username ?? '').toLowerCase();
    const user = users[String(username)] ?? Object.values(users).find((u) => attribute(u.Attributes, 'email')?.toLowerCase() === wanted);
    // Cognito does not tell "no such user" from "wrong password".
    if (!user?.Password) throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
    return user;
  }

  private startSrp(body: Json): Json {
    const params = (body.AuthParameters ?? {}) as Record<string, string>;
    if (!params.USERNAME || !params.SRP_A) throw new CognitoError('InvalidParameterException', 'USERNAME and SRP_A are required');
    const clientId = String(body.ClientId ?? '');
    const poolId = this.poolOfClient(clientId);
    const user = this.findUser(poolId, params.USERNAME);
    const challenge = startChallenge(poolName(poolId), user.Username, user.Password!);
    const session = randomUUID();
    const now = Date.now();
    for (const [id, entry] of this.sessions) if (entry.expires <= now) this.sessions.delete(id);
    this.sessions.set(session, { challenge, user, poolId, clientId, srpA: params.SRP_A, expires: now + SESSION_TTL_MS });
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: session,
      ChallengeParameters: {
        SALT: challenge.saltHex,
        SRP_B: challenge.srpB,
        SECRET_BLOCK: challenge.secretBlock,
        USERNAME: user.Username,
        USER_ID_FOR_SRP: user.Username,
      },
    };
  }

  /** A proven password continues as cognito-local's USER_PASSWORD_AUTH, so its checks (status, MFA) still apply. */
  private async finishSrp(body: Json): Promise<{ status: number; body: Json }> {
    const responses = (body.ChallengeResponses ?? {}) as Record<string, string>;
    const entry = typeof body.Session === 'string' ? this.sessions.get(body.Session) : undefined;
    if (!entry || entry.expires <= Date.now() || entry.clientId !== body.ClientId) throw new CognitoError('NotAuthorizedException', 'Invalid session for the user.');
    this.sessions.delete(body.Session as string);
    const proven = verifyClaim(entry.challenge, poolName(entry.poolId), entry.user.Username, {
      srpA: entry.srpA,
      secretBlock: responses.PASSWORD_CLAIM_SECRET_BLOCK ?? '',
      timestamp: responses.TIMESTAMP ?? '',
      signature: responses.PASSWORD_CLAIM_SIGNATURE ?? '',
    });
    if (!proven) throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
    return this.options.call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: entry.clientId,
      AuthParameters: { USERNAME: entry.user.Username, PASSWORD: entry.user.Password },
    });
  }

  /** Cognito's error names, and an AuthenticationResult as Cognito returns it. */
  private async fixed(reply: { status: number; body: Json }): Promise<{ status: number; body: Json }> {
    if (reply.body.__type === 'InvalidPasswordException') {
      return { status: 400, body: { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' } };
    }
    const result = reply.body.AuthenticationResult as AuthenticationResult | undefined;
    if (reply.status !== 200 || !result?.AccessToken) return reply;
    const access = decodePayload(result.AccessToken);
    const fixedResult: AuthenticationResult = {
      ...result,
      IdToken: result.IdToken ? await this.withTrueVerification(result.IdToken) : undefined,
      ExpiresIn: Number(access.exp) - Number(access.iat),
      TokenType: 'Bearer',
    };
    return { status: 200, body: { ...reply.body, AuthenticationResult: fixedResult } };
  }

  /** The id token with `email_verified` true only when the user's attribute is the string "true". */
  private async withTrueVerification(idToken: string): Promise<string> {
    const payload = decodePayload(idToken);
    const poolId = String(payload.iss ?? '').split('/').pop() ?? '';
    const user = await this.options.call('AdminGetUser', { UserPoolId: poolId, Username: payload['cognito:username'] });
    const verified = attribute(user.body.UserAttributes as Attribute[] | undefined, 'email_verified') === 'true';
    if (payload.email_verified === verified) return idToken;
    const header = JSON.parse(Buffer.from(idToken.split('.')[0], 'base64url').toString('utf8')) as Json;
    const signingInput = `${b64url(header)}.${b64url({ ...payload, email_verified: verified })}`;
    return `${signingInput}.${sign('sha256', Buffer.from(signingInput), this.key).toString('base64url')}`;
  }
}

/** A pool id's part after the region (`local_AbC123` → `AbC123`): the "pool name" of the SRP hashes. */
const poolName = (poolId: string) => poolId.slice(poolId.indexOf('_') + 1);

/** A user changing their email makes it unverified, as Cognito does; users cannot set email_verified themselves. */
function unverifyChangedEmail(attributes: Attribute[] | undefined): Attribute[] | undefined {
  if (!attributes?.some((a) => a.Name === 'email')) return attributes?.filter((a) => a.Name !== 'email_verified');
  return [...attributes.filter((a) => a.Name !== 'email_verified'), { Name: 'email_verified', Value: 'false' }];
}

/** Reads a JSON request body (cognito-local's clients send `application/x-amz-json-1.1`). */
export async function readJson(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Json) : {};
}
