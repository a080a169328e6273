import type { Readable } from 'node:stream';

/** A request as the gateway received it, body fully read (API Gateway buffers request bodies too). */
export interface GatewayRequest {
  readonly method: string;
  readonly path: string;
  /** Without the leading `?`. */
  readonly rawQueryString: string;
  /** Lower-cased names; repeated headers joined the way Node joins them. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The headers as received, `[name, value, name, value, ...]` (Node's `rawHeaders`). When given, the event
   * joins repeated headers the way API Gateway does (`,` with no space), not the way Node does.
   */
  readonly rawHeaders?: readonly string[];
  readonly body: Buffer;
  readonly sourceIp: string;
  /** `$context.requestId`: one id for the event, the `x-request-id` header and the logs. */
  readonly requestId: string;
}

export interface GatewayResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[]>>;
  /** A stream when proxied from a service, so large bodies are not buffered. */
  readonly body: Buffer | Readable;
}

export const jsonResponse = (status: number, body: unknown): GatewayResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify(body)),
});
