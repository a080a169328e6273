/**
 * `authenticate(headers, deps) → Whoami`: the one auth path of both runtimes.
 *
 * Credentials: `Authorization: Bearer <Cognito id or access token | API token from GET /token>`, or
 * `x-api-key: <id>.<secret>`. An API token is the key itself in JWT form: it is checked like the key.
 * Tenant: the caller's own (role admin), or the one named by the `account` header — allowed only
 * when an Account row `#account#<tenant>#<caller>#…` in THAT tenant's partition grants it, with that
 * row's role (empty → readonly). An API key acts in the tenant it was created in, with
 * min(key ceiling, creator's role). 401 for bad credentials, 403 for a forbidden tenant.
 *
 * The membership and key lookups below read other partitions on purpose, narrowly: exactly the
 * row that grants access, nothing else. This is the only code allowed to do that.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { forbidden, unauthenticated, unavailable } from '../errors';
import { accountKey, accountMemberPrefix, effectiveRole, Email, isWebhook, type Account } from '../model/account';
import { apiKeyKey, KEY_ID, secretMatches, type ApiKey } from '../model/key';
import { unverifiedIssuer, type ApiTokens } from './api-token';
import { TtlCache } from './ttl-cache';
import type { TokenVerifier } from './jwt';
import { ROLES, roleAtLeast, roleRank, type Role, type Whoami } from './whoami';

export interface AuthDeps {
  readonly tokens: TokenVerifier;
  /** Mints and verifies `GET /token`'s API tokens; absent = Bearer tokens are Cognito's only. */
  readonly apiTokens?: ApiTokens;
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Memberships and API keys are cached this long (revocations take effect after it). Default 10 s; 0 disables. */
  readonly cacheTtlMs?: number;
  /** Internal caches; created by createAuthDeps. */
  readonly caches?: { memberships: TtlCache<Role | null>; keys: TtlCache<ApiKey | null> };
}

export function createAuthDeps(deps: Omit<AuthDeps, 'caches'>): AuthDeps {
  return { ...deps, caches: { memberships: new TtlCache(), keys: new TtlCache() } };
}

type Headers = Readonly<Record<string, string | undefined>>;

const minRole = (a: Role, b: Role): Role => (roleRank(a) <= roleRank(b) ? a : b);
const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  return value?.trim() || undefined;
};

async function cached<V>(deps: AuthDeps, cache: keyof NonNullable<AuthDeps['caches']>, key: string, load: () => Promise<V>): Promise<V> {
  const ttl = deps.cacheTtlMs ?? 10_000;
  const store = deps.caches?.[cache] as TtlCache<V> | undefined;
  const hit = ttl > 0 ? store?.get(key) : undefined;
  if (hit !== undefined) return hit;
  const value = await load();
  if (ttl > 0) store?.set(key, value, Date.now() + ttl);
  return value;
}

/** The role an Account row in `tenant`'s partition grants `member`, or null when none does. */
export async function membershipRole(deps: AuthDeps, tenant: string, member: string): Promise<Role | null> {
  if (tenant === member) return 'admin';
  return cached(deps, 'memberships', `${tenant}\n${member}`, async () => {
    const { Items } = await deps.doc.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'username = :t AND begins_with(#k, :p)',
        ExpressionAttributeNames: { '#k': 'key' },
        ExpressionAttributeValues: { ':t': tenant, ':p': accountMemberPrefix(tenant, member) },
        ConsistentRead: true,
      }),
    );
    // The prefix could match a longer member name's rows only if members contained '#', which
    // validation forbids; still compare exactly.
    const grants = ((Items ?? []) as Account[]).filter((row) => row.name === tenant && row.member === member);
    if (!grants.length) return null;
    return grants.map(effectiveRole).reduce((best, role) => (roleRank(role) > roleRank(best) ? role : best));
  });
}

/**
 * The tenants whose Account rows grant `member` a role (the byMember index), for `POST /my?allTenants=true`.
 * Like membershipRole, it reads other partitions on purpose and only the rows that grant access.
 */
export async function memberTenants(deps: AuthDeps, member: string): Promise<string[]> {
  const tenants = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.doc.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: 'byMember',
        KeyConditionExpression: '#m = :m AND begins_with(#k, :p)',
        ExpressionAttributeNames: { '#m': 'member', '#k': 'key' },
        ExpressionAttributeValues: { ':m': member, ':p': '#account#' },
        ExclusiveStartKey: start,
      }),
    );
    for (const row of (page.Items ?? []) as (Account & { username: string })[]) if (row.member === member && row.name === row.username) tenants.add(row.username);
    start = page.LastEvaluatedKey;
  } while (start);
  return [...tenants];
}

async function loadApiKey(deps: AuthDeps, id: string, fresh = false): Promise<ApiKey | null> {
  const load = async () => {
    const { Items } = await deps.doc.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: 'byKeyId',
        KeyConditionExpression: 'keyId = :id',
        ExpressionAttributeValues: { ':id': id },
      }),
    );
    const rows = (Items ?? []) as ApiKey[];
    // Ids are 128 random bits; two rows with one id would mean tampering, so trust neither.
    return rows.length === 1 && rows[0].key === apiKeyKey(id) ? rows[0] : null;
  };
  return fresh ? load() : cached(deps, 'keys', id, load);
}

/** The caller an API key (or a token minted from it) stands for: its tenant, min(key ceiling, creator's role). */
async function apiKeyCaller(deps: AuthDeps, key: ApiKey | null, account: string | undefined): Promise<Whoami> {
  if (!key) throw unauthenticated('invalid API key');
  if (key.status !== 'A') throw unauthenticated('API key revoked');
  if (Date.parse(key.expires) <= Date.now()) throw unauthenticated('API key expired');
  const tenant = key.username;
  if (account && account.toLowerCase() !== tenant) throw forbidden('an API key acts only in the tenant it was created in');
  const creatorRole = await membershipRole(deps, tenant, key.creator);
  if (!creatorRole) throw unauthenticated('the API key creator no longer has access to this tenant');
  const ceiling = key.role && ROLES.includes(key.role) ? key.role : 'admin';
  return { username: key.creator, tenant, role: minRole(ceiling, creatorRole), credential: 'apikey' };
}

/** The key a `<id>` and `<secret>` pair names, when the secret matches (null otherwise). */
async function keyWithSecret(deps: AuthDeps, id: string, secret: string, fresh = false): Promise<ApiKey | null> {
  if (!KEY_ID.test(id) || !secret) return null;
  const key = await loadApiKey(deps, id, fresh);
  return key && secretMatches(key, secret) ? key : null;
}

/**
 * `GET /token`: an API key sent as `X-GUARD-API-KEY-ID` / `X-GUARD-API-KEY-SECRET` (praetorian-cli 2.x)
 * for an API token. The key row is read fresh, not from the cache, so a revoked key mints nothing.
 */
export async function exchangeApiKey(headers: Headers, deps: AuthDeps): Promise<{ token: string; expiresIn: number }> {
  if (!deps.apiTokens) throw unavailable('API tokens are not configured');
  const id = header(headers, 'x-guard-api-key-id');
  const secret = header(headers, 'x-guard-api-key-secret');
  if (!id || !secret) throw unauthenticated('send X-GUARD-API-KEY-ID and X-GUARD-API-KEY-SECRET');
  const key = await keyWithSecret(deps, id, secret, true);
  const caller = await apiKeyCaller(deps, key, undefined);
  return deps.apiTokens.mint({ keyId: id, email: caller.username });
}

function emailHeader(value: string): string {
  const tenant = Email.safeParse(value);
  if (!tenant.success) throw forbidden('account header must be a tenant email');
  return tenant.data;
}

export async function authenticate(headers: Headers, deps: AuthDeps): Promise<Whoami> {
  const authorization = header(headers, 'authorization');
  const apiKey = header(headers, 'x-api-key');
  const account = header(headers, 'account');

  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('authorization must be Bearer <token>');
    if (deps.apiTokens && unverifiedIssuer(match[1]) === deps.apiTokens.config.issuer) {
      const { keyId } = await deps.apiTokens.verify(match[1]);
      return apiKeyCaller(deps, await loadApiKey(deps, keyId), account);
    }
    const { username } = await deps.tokens.verify(match[1]);
    if (!account || account.toLowerCase() === username) return { username, tenant: username, role: 'admin', credential: 'jwt' };
    const tenant = emailHeader(account);
    const role = await membershipRole(deps, tenant, username);
    if (!role) throw forbidden(`not a member of ${tenant}`);
    return { username, tenant, role, credential: 'jwt' };
  }

  if (apiKey) {
    const dot = apiKey.indexOf('.');
    if (dot < 0 || !KEY_ID.test(apiKey.slice(0, dot)) || dot === apiKey.length - 1) throw unauthenticated('x-api-key must be <id>.<secret>');
    return apiKeyCaller(deps, await keyWithSecret(deps, apiKey.slice(0, dot), apiKey.slice(dot + 1)), account);
  }

  throw unauthenticated('missing credentials');
}

/** 403 unless the caller's role is at least `needed`. */
export function requireRole(whoami: Whoami, needed: Role): void {
  if (!roleAtLeast(whoami.role, needed)) throw forbidden(`requires role ${needed}; you are ${whoami.role}`);
}

/**
 * `POST /hook/{username}/{pin}`: username is base64 (padding stripped) of the tenant email; the PIN
 * must be the value of that tenant's `#account#<tenant>#hook#<pin>` row. The webhook acts as the
 * tenant with role analyst (it ingests assets and risks). 401 otherwise, the same for every failure.
 */
export async function authenticateWebhook(encodedUsername: string, pin: string, deps: Pick<AuthDeps, 'doc' | 'tableName'>): Promise<Whoami> {
  const failure = unauthenticated('invalid webhook');
  if (!/^[A-Za-z0-9+/_-]{4,400}$/.test(encodedUsername) || !/^[0-9a-fA-F-]{36}$/.test(pin)) throw failure;
  const email = Email.safeParse(Buffer.from(encodedUsername, 'base64').toString('utf8'));
  if (!email.success) throw failure;
  const tenant = email.data;
  const value = pin.toLowerCase();
  // The one read whose partition comes from the URL: it is the credential check itself (the PIN row).
  const { Item } = await deps.doc.send(
    new GetCommand({ TableName: deps.tableName, Key: { username: tenant, key: accountKey(tenant, 'hook', value) }, ConsistentRead: true }),
  );
  const row = Item as Account | undefined;
  if (!row || !isWebhook(row) || row.value !== value || row.name !== tenant) throw failure;
  return { username: tenant, tenant, role: 'analyst', credential: 'webhook' };
}

/** Base64 (padding stripped) of a tenant email: the `{username}` segment of its webhook URL. */
export const webhookUsername = (tenant: string): string => Buffer.from(tenant).toString('base64').replace(/=+$/, '');
