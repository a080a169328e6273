/**
 * A Bolt test double for neo4j-driver wiring (sessions, transactions, retries, error mapping): the shared Bolt
 * server with canned answers chosen by a handler instead of the Cypher engine.
 */
import { startBoltServer, type BoltFailure, type BoltMessage, type BoltQuery, type BoltReply } from '../../local/graph-server/bolt';

export { boltNode, BoltStruct } from '../../local/graph-server/bolt';

export interface BoltStubOptions {
  /** Chooses each RUN's answer; the default answers every query with no fields and no records. */
  handler?: (query: BoltQuery) => BoltReply;
  /** Chooses each COMMIT's answer: a failure, or undefined for success. */
  onCommit?: () => BoltFailure | undefined;
  /** Listen on this port (default: a free one); lets a test bring a "database" back on the same address. */
  port?: number;
  /** Accepted credentials (default neo4j / secret). */
  user?: string;
  password?: string;
}

export interface BoltStub {
  readonly uri: string;
  readonly port: number;
  /** Every client request, in arrival order. */
  readonly messages: BoltMessage[];
  /** Every RUN, in arrival order. */
  readonly queries: BoltQuery[];
  options: BoltStubOptions;
  stop(): Promise<void>;
}

export async function startBoltStub(options: BoltStubOptions = {}): Promise<BoltStub> {
  const messages: BoltMessage[] = [];
  const queries: BoltQuery[] = [];
  const stub = { messages, queries, options } as { -readonly [K in keyof BoltStub]: BoltStub[K] };
  const server = await startBoltServer({
    port: options.port,
    onMessage: (message) => messages.push(message),
    connect: () => ({
      authenticate: (principal, credentials) => principal === (stub.options.user ?? 'neo4j') && credentials === (stub.options.password ?? 'secret'),
      begin: () => undefined,
      run: (query) => {
        queries.push(query);
        return stub.options.handler?.(query) ?? { fields: [], records: [] };
      },
      commit: () => stub.options.onCommit?.(),
      rollback: () => undefined,
    }),
  });
  return Object.assign(stub, { uri: server.uri, port: server.port, stop: server.stop });
}
