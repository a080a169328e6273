/**
 * The client-call catalogue: one entry per API call a real Chariot client makes (the fact sheet,
 * ../shared/research/client-contract.md, checked against the clients' source). Each entry is data: the exact
 * request the client sends, and — as assertions — exactly what the client reads from the answer. clients.test.ts
 * runs them on both runtimes; an entry whose route the table does not serve yet is listed, not run.
 */

export const CLIENTS = ['chariot-ui', 'praetorian-cli 1.6.5', 'praetorian-cli 2.x'] as const;
export type ClientName = (typeof CLIENTS)[number];

/** The tenant every call acts in, a collaborator it added, and an outsider (tenant isolation, isolation.test.ts). */
export const TENANT = 'ada@alpha.test';
export const COLLABORATOR = 'bob@beta.test';
export const OUTSIDER = 'cy@gamma.test';
export type Who = 'ada' | 'bob' | 'cy';

export interface ClientRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Percent-encoded, as on the wire. */
  readonly path: string;
  /** Sent in this order, encoded like the client does (URLSearchParams ≈ axios/requests for these values). */
  readonly query?: Readonly<Record<string, string>>;
  /** Extra headers on top of the client's own (see CLIENT_HEADERS). */
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON-encoded; `undefined` sends no body. */
  readonly body?: unknown;
  /** Sent as it is instead of `body` (a client that uploads raw bytes under its JSON content type). */
  readonly rawBody?: string;
  /** The signed-in user whose ID token is the Bearer (default ada); null = no Authorization header. */
  readonly as?: Who | null;
  /** The `account` header (act in that tenant). */
  readonly account?: string;
}

export interface Answer {
  readonly status: number;
  readonly contentType: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** What a case may do besides its one call: arrange rows with today's API, repeat the client's own reads. */
export interface CaseContext {
  /** Today's backend API, as `as` (default ada): for arranging rows and checking effects, never the call under test. */
  native(method: string, path: string, options?: { query?: Record<string, string>; body?: unknown; rawBody?: string; as?: Who; account?: string }): Promise<Answer>;
  /** Another request exactly as this case's client sends it (its follow-up reads). */
  send(request: ClientRequest): Promise<Answer>;
  /** Values arrange() hands to request() and reads() (keys, pins, offsets). */
  readonly state: Record<string, string>;
}

export interface ClientCall {
  readonly client: ClientName;
  /** The client's own name for the call: an SDK method (`assets.add`) or a UI hook (`useCreateAsset`). */
  readonly call: string;
  /** What is sent, short: `PUT /asset {group,identifier,status,attackSurface:[""],type}`. */
  readonly sends: string;
  /** Where the client does it (file:line in the client repository; see client-contract.md). */
  readonly source: string;
  readonly arrange?: (c: CaseContext) => Promise<void>;
  readonly request: (c: CaseContext) => ClientRequest;
  /** Exactly what the client reads, as assertions (a client that reads nothing: a 2xx). */
  readonly reads: (answer: Answer, c: CaseContext) => void | Promise<void>;
  /** The route is served but the answer is not what the client reads: why (jest `test.failing`). */
  readonly knownFailing?: string;
}

/** `praetorian-cli 2.x: assets.add → PUT /asset {group,identifier,…}` */
export const callName = (call: ClientCall): string => `${call.client}: ${call.call} → ${call.sends}`;

/**
 * Each client's own headers. chariot-ui: an axios XHR from the browser (Origin and Sec-Fetch-Mode are set by the
 * browser on every cross-origin call; Content-Type on every call, GETs included: src/hooks/useAxios.tsx). The SDKs:
 * python-requests defaults plus `Content-Type: application/json` (sdk/keychain.py `headers()`); 1.6.5 and 2.x send
 * the same headers.
 */
export const CLIENT_HEADERS: Readonly<Record<ClientName, Readonly<Record<string, string>>>> = {
  'chariot-ui': {
    'content-type': 'application/json',
    accept: 'application/json, text/plain, */*',
    origin: 'http://localhost:3000',
    'sec-fetch-mode': 'cors',
    'sec-fetch-site': 'cross-site',
  },
  'praetorian-cli 1.6.5': { 'content-type': 'application/json', accept: '*/*', 'user-agent': 'python-requests/2.32.3', 'accept-encoding': 'gzip, deflate' },
  'praetorian-cli 2.x': { 'content-type': 'application/json', accept: '*/*', 'user-agent': 'python-requests/2.32.3', 'accept-encoding': 'gzip, deflate' },
};

/** 2xx: what a client that reads nothing needs (axios and `requests` + process_failure both treat any 2xx as success). */
export const succeeded = (answer: Answer): void => {
  expect({ status: answer.status, ok: answer.status >= 200 && answer.status < 300 }).toMatchObject({ ok: true });
};

/**
 * A route whose machinery this deployment lacks answers 501 `{"error": "… is not available in this deployment"}`: the SDKs
 * raise it as `[501] Request failed` + that text and the CLI prints it; chariot-ui shows the error (docs/client-compat.md).
 */
export const shownAsNotAvailable = (answer: Answer): void => {
  expect({ status: answer.status, error: answer.body?.error }).toEqual({ status: 501, error: expect.stringMatching(/ is not available in this deployment$/) });
};

/** The webhook URL every client builds: `/hook/<base64(tenant) without "=">/<pin>`. */
export const hookPath = (tenant: string, pin: string): string => `/hook/${Buffer.from(tenant).toString('base64').replace(/=+$/, '')}/${pin}`;

type CallSpec = Omit<ClientCall, 'client' | 'call' | 'sends' | 'source'>;
const builder =
  (client: ClientName) =>
  (call: string, sends: string, source: string, spec: CallSpec): ClientCall => ({ client, call, sends, source, ...spec });
/** chariot-ui `287740e` (2024-08); sources relative to its root. */
export const ui = builder('chariot-ui');
/** praetorian-cli 1.6.5 `91cb826` (2025-02); sources relative to `praetorian_cli/`. */
export const cli1 = builder('praetorian-cli 1.6.5');
/** praetorian-cli 2.4.8 `5354fe4` (2026-07); sources relative to `praetorian_cli/`. */
export const cli2 = builder('praetorian-cli 2.x');
