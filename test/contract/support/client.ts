/** The scenario's view of a runtime: calls by route, with who is calling, recorded into a transcript. */
import { randomUUID } from 'node:crypto';
import type { RouteId } from '../../../shared/routing/routes';
import type { Runtime } from './runtimes';

export interface Caller {
  readonly email: string;
  readonly idToken: string;
  readonly accessToken: string;
}
export type UserName = 'ada' | 'bob' | 'cy' | 'dee';
/** Signs a user up (once per email) and in: shared by both runtimes' clients, so both see the same users. */
export type UserDirectory = (email: string) => Promise<Caller>;

const DOMAINS: Readonly<Record<UserName, string>> = { ada: 'alpha.test', bob: 'beta.test', cy: 'gamma.test', dee: 'delta.test' };
/** A user's email in the tenants numbered `tenants` (ada<n>@alpha.test, …). */
export const emailOf = (name: UserName, tenants: number): string => `${name}${tenants}@${DOMAINS[name]}`;

export interface CallOptions {
  /** A user (their id token), a raw Authorization value, an API key, or nobody. */
  readonly as?: UserName | { readonly authorization: string } | { readonly apiKey: string } | null;
  /** The `account` header: act in another tenant. */
  readonly account?: string;
  readonly query?: Readonly<Record<string, string | number | boolean>>;
  /** JSON-encoded unless `rawBody` is given. */
  readonly body?: unknown;
  readonly rawBody?: string;
  /** Extra request headers (e.g. `/token`'s key headers). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Exchange {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export interface TranscriptEntry {
  readonly route: RouteId;
  readonly case: string;
  readonly request: string;
  /** The correlation id sent (API Gateway's request id / `x-request-id`). */
  readonly requestId: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: unknown;
}

export class ContractClient {
  readonly transcript: TranscriptEntry[] = [];
  /** Values a case hands to the cases that need it (an API key), per runtime; reset per case. */
  state: Record<string, string> = {};
  private current: { route: RouteId; name: string; tenants: number } = { route: 'GET /my', name: '(none)', tenants: 0 };

  constructor(
    readonly runtime: Runtime,
    private readonly users: UserDirectory,
  ) {}

  /** Starts a case in tenants of its own: `tenants` numbers its users (ada<n>@alpha.test, …). */
  startCase(route: RouteId, name: string, tenants: number): void {
    this.current = { route, name, tenants };
    this.state = {};
  }

  /** The case's users' emails (each the tenant of its own partition). */
  email(name: UserName): string {
    return emailOf(name, this.current.tenants);
  }
  get ada() {
    return this.email('ada');
  }
  get bob() {
    return this.email('bob');
  }
  get cy() {
    return this.email('cy');
  }
  get dee() {
    return this.email('dee');
  }

  /** One of the case's users, signed in. */
  user(name: UserName): Promise<Caller> {
    return this.users(this.email(name));
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Exchange> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const as = options.as === undefined ? 'ada' : options.as;
    if (typeof as === 'string') headers.authorization = `Bearer ${(await this.user(as)).idToken}`;
    else if (as && 'authorization' in as) headers.authorization = as.authorization;
    else if (as && 'apiKey' in as) headers['x-api-key'] = as.apiKey;
    if (options.account) headers.account = options.account;
    Object.assign(headers, options.headers);
    const rawQueryString = new URLSearchParams(Object.entries(options.query ?? {}).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const requestId = randomUUID();
    const response = await this.runtime.send({ method, path, rawQueryString, headers, body, requestId });
    this.transcript.push({
      route: this.current.route,
      case: this.current.name,
      request: `${method} ${path}${rawQueryString ? `?${rawQueryString}` : ''}`,
      requestId,
      status: response.status,
      contentType: response.contentType,
      body: response.body,
    });
    return { status: response.status, body: response.body };
  }
}
