/**
 * Creating requests a client may retry after a timeout or a 503 (`POST /risk`, `POST /key`, `PUT /job`,
 * webhook batches): the same request by the same caller within the window gets the first answer again,
 * not a 409 or a duplicate. Powertools Idempotency does the bookkeeping, with its DynamoDB persistence
 * layer on the API's own table (records in an `idempotency#<tenant>` partition no tenant can query,
 * expired by the table's `ttl`), so it works the same on Lambda, on Fargate and against DynamoDB Local.
 *
 * Only successes are remembered: an operation that throws (4xx, 503) deletes its in-progress record, so
 * its retry runs again. A duplicate that arrives while the first is still running waits for its answer.
 * A route whose answer holds a secret shown once (`POST /key`) has a `ReplayPolicy`: its record keeps the
 * answer without the secret, and a replay is rebuilt by the policy instead of returned as stored.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdempotencyAlreadyInProgressError, IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Whoami } from '../auth/whoami';
import { TABLE_SCHEMA } from '../db/table-schema';
import { isUnavailable, TABLE_UNAVAILABLE } from '../db/unavailable';
import { conflict, DomainError, unavailable } from '../errors';
import type { ApiRequest, ApiResponse } from '../http/types';

/** Route ids whose operation creates something: the ones a retry could duplicate. */
export const IDEMPOTENT_ROUTES: ReadonlySet<string> = new Set(['POST /risk', 'POST /key', 'PUT /job', 'POST /hook/{username}/{pin}']);

export interface IdempotencyOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** How long a completed request's answer is replayed. */
  readonly windowSeconds: number;
  /** After this long an in-progress record of a crashed request stops blocking its retries. */
  readonly inProgressMs?: number;
  /** Routes whose answer must not be stored as it is (route id → policy). */
  readonly policies?: Readonly<Record<string, ReplayPolicy>>;
}

/** For an answer that must not be stored as it is (a one-time secret). */
export interface ReplayPolicy {
  /** What the record keeps of a first answer. */
  persist(response: ApiResponse): ApiResponse;
  /** The answer to an identical retry, from what the record kept. */
  replay(stored: ApiResponse, whoami: Whoami | undefined): Promise<ApiResponse>;
}

/** What identifies "the same request": route, caller, path (the webhook's tenant and PIN), query and body bytes. */
interface RequestFingerprint {
  readonly route: string;
  readonly caller: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: string;
}

const WAIT_STEP_MS = 100;

/** The domain error (or store outage) inside a Powertools error, so the edge maps it as usual. */
function unwrap(error: unknown): unknown {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof DomainError) return e;
    if (isUnavailable(e)) return Object.assign(unavailable(TABLE_UNAVAILABLE), { cause: e });
  }
  return error;
}

export type RunIdempotent = (route: string, request: ApiRequest, whoami: Whoami | undefined, run: () => Promise<ApiResponse>) => Promise<ApiResponse>;

export function idempotentRunner(options: IdempotencyOptions): RunIdempotent {
  const inProgressMs = options.inProgressMs ?? 20_000;
  const config = new IdempotencyConfig({ expiresAfterSeconds: options.windowSeconds });
  // Not a Lambda context: the deadline after which an in-progress record no longer blocks (a crash mid-request).
  config.registerLambdaContext({ getRemainingTimeInMillis: () => inProgressMs } as never);
  return async (route, request, whoami, run) => {
    if (!IDEMPOTENT_ROUTES.has(route)) return run();
    const persistenceStore = new DynamoDBPersistenceLayer({
      tableName: options.tableName,
      awsSdkV3Client: options.client,
      keyAttr: TABLE_SCHEMA.partitionKey,
      sortKeyAttr: TABLE_SCHEMA.sortKey,
      // One partition per tenant (the webhook's is its path): no tenant can read it, and no hot partition.
      staticPkValue: `idempotency#${whoami?.tenant ?? request.path}`,
      expiryAttr: TABLE_SCHEMA.timeToLiveAttribute,
      // Not `status`: the byStatus index would pick the records up.
      statusAttr: 'idempotencyStatus',
    });
    const fingerprint: RequestFingerprint = { route, caller: whoami?.username ?? '', path: request.path, query: request.query, body: request.body ?? '' };
    const policy = options.policies?.[route];
    let answered: ApiResponse | undefined; // this request's own answer (undefined: the record's is replayed)
    const once = makeIdempotent(
      async (_fingerprint: RequestFingerprint) => {
        answered = await run();
        return policy ? policy.persist(answered) : answered;
      },
      { persistenceStore, config, keyPrefix: 'idempotency' },
    );
    const deadline = Date.now() + inProgressMs;
    for (;;) {
      try {
        const recorded = await once(fingerprint);
        if (answered) return answered;
        return policy ? await policy.replay(recorded, whoami) : recorded;
      } catch (error) {
        if (!(error instanceof IdempotencyAlreadyInProgressError)) throw unwrap(error);
        if (Date.now() > deadline) throw conflict('the same request is still in progress; try again');
        await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
      }
    }
  };
}
