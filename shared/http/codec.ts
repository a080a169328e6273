/**
 * The wire rules of both runtime edges, written once: how a request's body, query and headers become
 * an ApiRequest, and how an ApiResponse goes back out. The Lambda edge (lambdas/runtime/http-api.ts)
 * and the Hono edge (containers/runtime/service-app.ts) only say where each part sits in their shape.
 */
import { parseQueryString } from './query';
import type { ApiRequest, ApiResponse } from './types';

const BYTE_ORDER_MARK = '\uFEFF';
/** Keeps the mark, so text and bytes go through the same stripping below. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Header values as each edge has them: API Gateway's record, Node's (arrays for repeats), or fetch `Headers`. */
export type WireHeaders = Readonly<Record<string, string | readonly string[] | undefined>> | Iterable<readonly [string, string]>;

export interface WireRequest {
  readonly method: string;
  /** The concrete path, as on the wire. */
  readonly path: string;
  /** Decoded parameters of the matched route. */
  readonly pathParameters: Readonly<Record<string, string>>;
  /** Without the leading `?`. */
  readonly rawQueryString: string | undefined;
  readonly headers: WireHeaders;
  /** Text (base64 when `base64` is set, as API Gateway sends binary content types) or raw bytes. */
  readonly body: string | ArrayBuffer | Uint8Array | undefined;
  readonly base64?: boolean;
  readonly requestId: string;
}

/**
 * The body as text: base64 decoded, UTF-8, a leading byte-order mark dropped (as most servers and
 * `fetch`'s `text()` do), and an empty body is no body.
 */
export function decodeBody(body: WireRequest['body'], base64 = false): string | undefined {
  if (body === undefined) return undefined;
  const text = typeof body === 'string' ? (base64 ? Buffer.from(body, 'base64').toString('utf8') : body) : UTF8.decode(body);
  const withoutMark = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  return withoutMark === '' ? undefined : withoutMark;
}

/** Names lower-cased; a header sent more than once is one value joined with `, ` (RFC 9110 §5.3). */
export function decodeHeaders(headers: WireHeaders): Record<string, string> {
  const entries = Symbol.iterator in headers ? (headers as Iterable<readonly [string, string]>) : Object.entries(headers);
  const decoded: Record<string, string> = {};
  for (const [name, raw] of entries) {
    if (raw === undefined) continue;
    const value = typeof raw === 'string' ? raw : raw.join(', ');
    const key = name.toLowerCase();
    decoded[key] = key in decoded ? `${decoded[key]}, ${value}` : value;
  }
  return decoded;
}

/** The body's bytes, untouched (no UTF-8 decoding, no mark dropped); an empty body is no body. */
export function decodeBytes(body: WireRequest['body'], base64 = false): Uint8Array | undefined {
  if (body === undefined) return undefined;
  const bytes = typeof body === 'string' ? Buffer.from(body, base64 ? 'base64' : 'utf8') : body instanceof Uint8Array ? body : new Uint8Array(body);
  return bytes.length ? bytes : undefined;
}

export function decodeRequest(wire: WireRequest): ApiRequest {
  return {
    method: wire.method,
    path: wire.path,
    pathParameters: wire.pathParameters,
    query: parseQueryString(wire.rawQueryString),
    headers: decodeHeaders(wire.headers),
    body: decodeBody(wire.body, wire.base64),
    bytes: decodeBytes(wire.body, wire.base64),
    requestId: wire.requestId,
  };
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** JSON text, or the bytes of a binary answer. */
  readonly body: string | Uint8Array;
}

/** JSON out, `content-type: application/json` unless the operation set its own; bytes as they are, `application/octet-stream`. */
export function encodeResponse(response: ApiResponse): WireResponse {
  if (response.body instanceof Uint8Array) {
    return { status: response.status, headers: { 'content-type': 'application/octet-stream', ...response.headers }, body: response.body };
  }
  return {
    status: response.status,
    headers: { 'content-type': 'application/json', ...response.headers },
    body: JSON.stringify(response.body),
  };
}

/** A Lambda proxy result carries binary as base64 with `isBase64Encoded` (API Gateway and the ALB decode it). */
export const lambdaBody = (body: WireResponse['body']): { body: string; isBase64Encoded: boolean } =>
  typeof body === 'string' ? { body, isBase64Encoded: false } : { body: Buffer.from(body).toString('base64'), isBase64Encoded: true };
