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
export type Users = Readonly<Record<UserName, Caller>>;

export interface CallOptions {
  /** A user (their id token), a raw Authorization value, an API key, or nobody. */
  readonly as?: UserName | { readonly authorization: string } | { readonly apiKey: string } | null;
  /** The `account` header: act in another tenant. */
  readonly account?: string;
  readonly query?: Readonly<Record<string, string | number | boolean>>;
  /** JSON-encoded unless `rawBody` is given. */
  readonly body?: unknown;
  readonly rawBody?: string;
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
  /** Values a case hands to later ones (an API key, an offset token), per runtime. */
  readonly state: Record<string, string> = {};
  private current: { route: RouteId; name: string } = { route: 'GET /my', name: '(none)' };

  constructor(
    readonly runtime: Runtime,
    readonly users: Users,
  ) {}

  startCase(route: RouteId, name: string): void {
    this.current = { route, name };
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Exchange> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const as = options.as === undefined ? 'ada' : options.as;
    if (typeof as === 'string') headers.authorization = `Bearer ${this.users[as].idToken}`;
    else if (as && 'authorization' in as) headers.authorization = as.authorization;
    else if (as && 'apiKey' in as) headers['x-api-key'] = as.apiKey;
    if (options.account) headers.account = options.account;
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
