/**
 * Which kind of client sent a request, from what it sends. Needed only where clients truly conflict (file
 * download, the risk status vocabulary read back): everywhere else the server accepts the union.
 * - browser (chariot-ui): a cross-origin XHR always carries `Origin`; a browser script cannot remove or forge it.
 *   (`Sec-Fetch-Mode: cors` alone does not decide: Node's fetch sends it on every request, with no `Origin`.)
 * - sdk (praetorian-cli 1.6.x and 2.x): python-requests, `User-Agent: python-requests/…`, no `Origin`. The two SDK
 *   eras send identical headers, so where they disagree only the request shape (body, query) can tell them apart.
 * - other: curl, tests, anything else: served like the newest client (2.x).
 */
export type ClientKind = 'browser' | 'sdk' | 'other';

/** Header names are matched case-insensitively, as HTTP requires. */
export function clientKind(headers: Readonly<Record<string, string | undefined>>): ClientKind {
  const get = (name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  if (get('origin')) return 'browser';
  if (/^python-requests\//i.test(get('user-agent') ?? '')) return 'sdk';
  return 'other';
}

/**
 * `GET /file?name=`: the UI reads the bytes (axios `responseType` arraybuffer/blob/text), 1.6.5 reads
 * `resp.content` after following redirects, 2.x reads JSON `{url}` and fetches it. Browsers get the bytes;
 * everyone else gets 2.x's `{url}` (1.6.5 cannot be told apart from 2.x by anything it sends, and loses).
 */
export type FileDownloadAnswer = 'bytes' | 'url';
export const fileDownloadAnswer = (kind: ClientKind): FileDownloadAnswer => (kind === 'browser' ? 'bytes' : 'url');

/** Risk statuses are read back in the UI's vocabulary only by browsers (see risk-status.ts). */
export const readsUiRiskVocabulary = (kind: ClientKind): boolean => kind === 'browser';
