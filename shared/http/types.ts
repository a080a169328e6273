/**
 * The runtime-neutral request and response that every route operation speaks.
 *
 * The Lambda side builds an ApiRequest from an API Gateway HTTP API v2 event, the Hono side from
 * a fetch Request; both turn the ApiResponse back into their own shape. Because the operation in
 * between is the same code, the two runtimes answer the same status and the same JSON.
 */
export interface ApiRequest {
  readonly method: string;
  /** The concrete request path, e.g. `/account/bob@example.com`. */
  readonly path: string;
  /** Decoded path parameters of the matched route. */
  readonly pathParameters: Readonly<Record<string, string>>;
  /** Decoded query parameters (the last value wins when a name repeats). */
  readonly query: Readonly<Record<string, string>>;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body text, or undefined when there is none. Operations parse and validate it. */
  readonly body: string | undefined;
  /** The body's bytes as sent (uploads of any content: `PUT /encrypted-file`); undefined when there is none. */
  readonly bytes?: Uint8Array;
  /** The correlation id: API Gateway's request id, or `x-request-id`. */
  readonly requestId: string;
}

export interface ApiResponse {
  readonly status: number;
  /** Serialised as JSON; a `Uint8Array` is sent as it is (file bytes, `application/octet-stream`). */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}
