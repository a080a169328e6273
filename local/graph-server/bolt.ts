/**
 * A small Bolt 5.4 server for neo4j-driver: handshake, HELLO/LOGON, BEGIN/RUN/PULL/DISCARD/COMMIT/ROLLBACK,
 * RESET, GOODBYE, TELEMETRY and ROUTE. What a RUN answers is up to a backend: the local graph server runs the
 * Cypher engine behind it, the driver-wiring tests a double with canned answers.
 * Binds 127.0.0.1 only; `setNoDelay(true)` matters (Nagle + delayed ACK make each query take ~40 ms).
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';

/** A PackStream structure (Node, …) to put in a record. */
export class BoltStruct {
  constructor(
    readonly signature: number,
    readonly fields: unknown[],
  ) {}
}

/** A graph node as Bolt 5 sends it: id, labels, properties, element id. */
export const boltNode = (id: number, labels: string[], properties: Record<string, unknown>) =>
  new BoltStruct(0x4e, [id, labels, properties, `4:stub:${id}`]);

export interface BoltFailure {
  readonly code: string;
  readonly message: string;
}
export type BoltReply = { readonly fields: string[]; readonly records: unknown[][] } | { readonly failure: BoltFailure };

export interface BoltQuery {
  readonly text: string;
  readonly parameters: Record<string, unknown>;
  /** Whether it ran inside BEGIN … COMMIT (executeRead/executeWrite) rather than auto-commit. */
  readonly inTransaction: boolean;
}

export interface BoltMessage {
  readonly type: string;
  readonly fields: unknown[];
}

const REQUEST_NAMES: Record<number, string> = {
  0x01: 'HELLO', 0x02: 'GOODBYE', 0x0f: 'RESET', 0x10: 'RUN', 0x11: 'BEGIN', 0x12: 'COMMIT', 0x13: 'ROLLBACK',
  0x2f: 'DISCARD', 0x3f: 'PULL', 0x54: 'TELEMETRY', 0x66: 'ROUTE', 0x6a: 'LOGON', 0x6b: 'LOGOFF',
};
const SUCCESS = 0x70;
const RECORD = 0x71;
const IGNORED = 0x7e;
const FAILURE = 0x7f;

// ---- PackStream ------------------------------------------------------------------------------------------

function encode(value: unknown, out: Buffer[]): void {
  const header = (small: number, size: number, b8: number, b16: number, b32: number) => {
    if (size < 16 && small >= 0) out.push(Buffer.from([small + size]));
    else if (size < 0x100) out.push(Buffer.from([b8, size]));
    else if (size < 0x10000) out.push(Buffer.from([b16, size >> 8, size & 0xff]));
    else {
      const b = Buffer.alloc(5);
      b[0] = b32;
      b.writeUInt32BE(size, 1);
      out.push(b);
    }
  };
  if (value === null || value === undefined) out.push(Buffer.from([0xc0]));
  else if (value === true || value === false) out.push(Buffer.from([value ? 0xc3 : 0xc2]));
  else if (typeof value === 'number' && !Number.isInteger(value)) {
    const b = Buffer.alloc(9);
    b[0] = 0xc1;
    b.writeDoubleBE(value, 1);
    out.push(b);
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    const n = BigInt(value);
    if (n >= -16n && n < 128n) out.push(Buffer.from([Number(n) & 0xff]));
    else {
      const b = Buffer.alloc(9);
      b[0] = 0xcb;
      b.writeBigInt64BE(n, 1);
      out.push(b);
    }
  } else if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    header(0x80, bytes.length, 0xd0, 0xd1, 0xd2);
    out.push(bytes);
  } else if (Array.isArray(value)) {
    header(0x90, value.length, 0xd4, 0xd5, 0xd6);
    for (const item of value) encode(item, out);
  } else if (value instanceof BoltStruct) {
    out.push(Buffer.from([0xb0 + value.fields.length, value.signature]));
    for (const field of value.fields) encode(field, out);
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    header(0xa0, entries.length, 0xd8, 0xd9, 0xda);
    for (const [k, v] of entries) {
      encode(k, out);
      encode(v, out);
    }
  } else throw new Error(`bolt: cannot encode ${typeof value}`);
}

class Reader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}

  private size(marker: number, small: number, b8: number, b16: number, b32: number): number | undefined {
    if (marker >= small && marker < small + 16) return marker - small;
    if (marker === b8) return this.buf[this.at++];
    if (marker === b16) return (this.at += 2), this.buf.readUInt16BE(this.at - 2);
    if (marker === b32) return (this.at += 4), this.buf.readUInt32BE(this.at - 4);
    return undefined;
  }

  read(): unknown {
    const m = this.buf[this.at++];
    if (m < 0x80) return m;
    if (m >= 0xf0) return m - 0x100;
    if (m === 0xc0) return null;
    if (m === 0xc2 || m === 0xc3) return m === 0xc3;
    if (m === 0xc1) return (this.at += 8), this.buf.readDoubleBE(this.at - 8);
    if (m === 0xc8) return (this.at += 1), this.buf.readInt8(this.at - 1);
    if (m === 0xc9) return (this.at += 2), this.buf.readInt16BE(this.at - 2);
    if (m === 0xca) return (this.at += 4), this.buf.readInt32BE(this.at - 4);
    if (m === 0xcb) return (this.at += 8), Number(this.buf.readBigInt64BE(this.at - 8));
    let n = this.size(m, 0x80, 0xd0, 0xd1, 0xd2);
    if (n !== undefined) return (this.at += n), this.buf.toString('utf8', this.at - n, this.at);
    n = this.size(m, 0x90, 0xd4, 0xd5, 0xd6);
    if (n !== undefined) return Array.from({ length: n }, () => this.read());
    n = this.size(m, 0xa0, 0xd8, 0xd9, 0xda);
    if (n !== undefined) {
      const map: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) map[this.read() as string] = this.read();
      return map;
    }
    if (m >= 0xb0 && m <= 0xbf) {
      const signature = this.buf[this.at++];
      return new BoltStruct(signature, Array.from({ length: m - 0xb0 }, () => this.read()));
    }
    if (m === 0xcc || m === 0xcd || m === 0xce) {
      const len = m === 0xcc ? this.buf[this.at++] : m === 0xcd ? ((this.at += 2), this.buf.readUInt16BE(this.at - 2)) : ((this.at += 4), this.buf.readUInt32BE(this.at - 4));
      return (this.at += len), this.buf.subarray(this.at - len, this.at);
    }
    throw new Error(`bolt: cannot decode marker 0x${m.toString(16)}`);
  }
}

/** One message as Bolt chunks: [u16 size][bytes]… then the 0x0000 end marker. */
function frame(signature: number, fields: unknown[]): Buffer {
  const parts: Buffer[] = [];
  encode(new BoltStruct(signature, fields), parts);
  const body = Buffer.concat(parts);
  const chunks: Buffer[] = [];
  for (let at = 0; at < body.length; at += 0xffff) {
    const piece = body.subarray(at, at + 0xffff);
    const size = Buffer.alloc(2);
    size.writeUInt16BE(piece.length);
    chunks.push(size, piece);
  }
  chunks.push(Buffer.from([0, 0]));
  return Buffer.concat(chunks);
}

// ---- server --------------------------------------------------------------------------------------------

/** One client connection's view of the database. Calls for one connection never overlap. */
export interface BoltConnection {
  /** HELLO/LOGON credentials; false answers Unauthorized and closes the connection. */
  authenticate(principal: unknown, credentials: unknown): boolean;
  /** BEGIN: `mode` is 'r' for read transactions, 'w' otherwise. */
  begin(mode: 'r' | 'w'): Promise<void> | void;
  run(query: BoltQuery): Promise<BoltReply> | BoltReply;
  /** COMMIT: a failure, or undefined for success. */
  commit(): Promise<BoltFailure | undefined> | BoltFailure | undefined;
  /** ROLLBACK, RESET inside a transaction, or the connection closing mid-transaction. */
  rollback(): void;
}

export interface BoltServerOptions {
  /** A backend per connection. */
  readonly connect: () => BoltConnection;
  /** Listen on this port (default: a free one), so a restarted server keeps its address. */
  readonly port?: number;
  /** Every client request, in arrival order (for tests). */
  readonly onMessage?: (message: BoltMessage) => void;
}

export interface BoltServer {
  readonly uri: string;
  readonly port: number;
  /** Closes every connection and stops listening. */
  stop(): Promise<void>;
}

export async function startBoltServer(options: BoltServerOptions): Promise<BoltServer> {
  const sockets = new Set<Socket>();
  let connections = 0;
  let bookmarks = 0;
  let port = 0;

  const server = createServer((socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    const backend = options.connect();
    const connectionId = `bolt-${++connections}`;
    let pending = Buffer.alloc(0);
    let handshaken = false;
    let message: Buffer[] = [];
    let failed = false;
    let inTransaction = false;
    let records: unknown[][] = [];
    // Messages are handled one after another, even when the backend answers asynchronously.
    let queue: Promise<void> = Promise.resolve();

    const closeTransaction = () => {
      if (inTransaction) backend.rollback();
      inTransaction = false;
    };
    socket.on('close', () => {
      sockets.delete(socket);
      queue = queue.then(closeTransaction);
    });
    socket.on('error', () => socket.destroy());

    const send = (signature: number, ...fields: unknown[]) => {
      if (!socket.destroyed) socket.write(frame(signature, fields));
    };
    const fail = (failure: BoltFailure) => {
      failed = true;
      send(FAILURE, { code: failure.code, message: failure.message });
    };

    const handle = async (signature: number, fields: unknown[]): Promise<void> => {
      const type = REQUEST_NAMES[signature] ?? `0x${signature.toString(16)}`;
      options.onMessage?.({ type, fields });
      if (type === 'GOODBYE') return void socket.end();
      if (type === 'RESET') {
        closeTransaction();
        failed = false;
        records = [];
        return send(SUCCESS, {});
      }
      if (failed) return send(IGNORED);
      switch (type) {
        case 'HELLO':
          return send(SUCCESS, { server: 'Neo4j/5.26.0', connection_id: connectionId, hints: {} });
        case 'LOGON': {
          const auth = fields[0] as Record<string, unknown>;
          if (backend.authenticate(auth.principal, auth.credentials)) return send(SUCCESS, {});
          send(FAILURE, { code: 'Neo.ClientError.Security.Unauthorized', message: 'The client is unauthorized due to authentication failure.' });
          return void socket.end();
        }
        case 'LOGOFF':
        case 'TELEMETRY':
          return send(SUCCESS, {});
        case 'ROLLBACK':
          closeTransaction();
          return send(SUCCESS, {});
        case 'BEGIN': {
          const mode = (fields[0] as Record<string, unknown> | undefined)?.mode === 'r' ? 'r' : 'w';
          await backend.begin(mode);
          inTransaction = true;
          return send(SUCCESS, {});
        }
        case 'RUN': {
          const query: BoltQuery = { text: fields[0] as string, parameters: (fields[1] ?? {}) as Record<string, unknown>, inTransaction };
          const reply = await backend.run(query);
          if ('failure' in reply) return fail(reply.failure);
          records = reply.records;
          return send(SUCCESS, { fields: reply.fields, t_first: 0, ...(inTransaction ? { qid: 0 } : {}) });
        }
        case 'PULL':
        case 'DISCARD': {
          const n = Number((fields[0] as Record<string, unknown> | undefined)?.n ?? -1);
          const batch = type === 'DISCARD' ? records.splice(0) : records.splice(0, n < 0 ? records.length : n);
          if (type === 'PULL') for (const record of batch) send(RECORD, record);
          if (records.length > 0) return send(SUCCESS, { has_more: true });
          return send(SUCCESS, { has_more: false, t_last: 0, type: 'rw', db: 'neo4j', ...(inTransaction ? {} : { bookmark: `bm:${++bookmarks}` }) });
        }
        case 'COMMIT': {
          inTransaction = false;
          const failure = await backend.commit();
          return failure ? fail(failure) : send(SUCCESS, { bookmark: `bm:${++bookmarks}` });
        }
        case 'ROUTE': {
          const address = `127.0.0.1:${port}`;
          const servers = ['WRITE', 'READ', 'ROUTE'].map((role) => ({ addresses: [address], role }));
          return send(SUCCESS, { rt: { ttl: 300, db: 'neo4j', servers } });
        }
        default:
          return fail({ code: 'Neo.ClientError.Request.Invalid', message: `bolt: unsupported message ${type}` });
      }
    };

    socket.on('data', (data) => {
      pending = Buffer.concat([pending, data]);
      if (!handshaken) {
        if (pending.length < 20) return;
        if (pending.readUInt32BE(0) !== 0x6060b017) return void socket.destroy();
        pending = pending.subarray(20);
        handshaken = true;
        socket.write(Buffer.from([0, 0, 4, 5])); // Bolt 5.4: both driver 5.x and 6.x offer it
      }
      while (pending.length >= 2) {
        const size = pending.readUInt16BE(0);
        if (pending.length < 2 + size) return;
        const chunk = pending.subarray(2, 2 + size);
        pending = pending.subarray(2 + size);
        if (size > 0) {
          message.push(chunk);
          continue;
        }
        if (message.length === 0) continue; // a NOOP keep-alive
        const struct = new Reader(Buffer.concat(message)).read() as BoltStruct;
        message = [];
        queue = queue.then(() => handle(struct.signature, struct.fields)).catch((error: Error) => {
          fail({ code: 'Neo.DatabaseError.General.UnknownError', message: error?.message ?? String(error) });
        });
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    uri: `bolt://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
