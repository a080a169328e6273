/**
 * The tenant-scoped repository. It is built FROM a Whoami, and its partition key is always
 * `whoami.tenant` (or the read-only `global` partition): no method takes a partition key, and rows
 * handed in get their `username` overwritten, so request input can never reach another tenant.
 *
 * Writes are conditional on the row's `version` counter: a concurrent writer makes ours fail, and
 * we re-read, re-merge and retry; after a few lost races the caller gets 409 — never a lost update.
 */
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type DynamoDBClient,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { Whoami } from '../auth/whoami';
import { conflict, invalidInput, notFound, payloadTooLarge } from '../errors';
import { combine } from '../model';
import type { BaseRow } from '../model/common';
import { fromItem, toItem, type Item } from './attribute-values';
import { decodeOffset, encodeOffset, type OffsetKeyRing } from './offset';
import { TABLE_SCHEMA } from './table-schema';

export const GLOBAL_PARTITION = 'global';
const MAX_ATTEMPTS = 5;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface RepositoryDeps {
  /** The low-level client: the repository marshals its own items (attribute-values.ts). */
  readonly dynamodb: DynamoDBClient;
  readonly tableName: string;
  /** The offset key ring (read from its secret at start, cached; see shared/config/secrets.ts). */
  readonly offsetKeys: () => Promise<OffsetKeyRing>;
  /** Told of every acknowledged write, before the caller is answered (the graph's read-your-writes); must not throw. */
  readonly onWrite?: (change: RowChange) => Promise<void>;
}

/** A row the table now holds (`put`) or no longer holds (`remove`, with the row that was there). */
export type RowChange = { readonly kind: 'put' | 'remove'; readonly row: BaseRow };

/** Fields that may be searched as `field:value` (each has a GSI keyed by username). */
export const SEARCH_FIELDS = { status: 'byStatus', source: 'bySource', dns: 'byDns', name: 'byName' } as const;
export type SearchField = keyof typeof SEARCH_FIELDS;

export interface QueryInput {
  /** `#prefix` of the sort key, or `field:value` on status/source/dns. */
  readonly key: string;
  /** Equality instead of begins_with. */
  readonly exact?: boolean;
  /** Only rows of this entity type (`job`, `asset`, …), matched on the key prefix. */
  readonly label?: string;
  /** The opaque token from a previous page. */
  readonly offset?: string;
  readonly limit?: number;
  /** Read the shared `global` partition instead of the tenant's. */
  readonly global?: boolean;
  /** Descending sort-key order. */
  readonly desc?: boolean;
}

export interface Page<T> {
  readonly items: T[];
  /** Present when there are more rows; pass it back as `offset`. */
  readonly offset?: string;
}

/** Attributes that tell one incarnation of a row from the next (a row deleted and created again starts at version 1). */
const INCARNATION_STAMPS = ['created', 'updated'] as const;

/** The condition "the row is still the one read": same version (or still none) and the same stamps. */
export function unchangedSince(row: BaseRow): { ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues?: Item } {
  const names: Record<string, string> = { '#v': 'version' };
  const values: Item = {};
  // (A missing row satisfies attribute_not_exists: a row without a version must still exist.)
  const terms = [row.version === undefined ? 'attribute_exists(#v_key) AND attribute_not_exists(#v)' : '#v = :v'];
  if (row.version === undefined) names['#v_key'] = TABLE_SCHEMA.sortKey;
  if (row.version !== undefined) values[':v'] = { N: String(row.version) };
  for (const stamp of INCARNATION_STAMPS) {
    const value = (row as unknown as Record<string, unknown>)[stamp];
    if (typeof value !== 'string') continue;
    names[`#${stamp}`] = stamp;
    values[`:${stamp}`] = { S: value };
    terms.push(`#${stamp} = :${stamp}`);
  }
  return { ConditionExpression: terms.join(' AND '), ExpressionAttributeNames: names, ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}) };
}

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException || (error as Error)?.name === 'ConditionalCheckFailedException';

/**
 * A row the table cannot hold is the client's input, not our fault: too large → 413, a value the document
 * client cannot marshal → 400. (Validation keeps these out; this is the net under it.) Anything else rethrows.
 */
function rethrowWriteError(error: unknown): never {
  const { name, message } = (error ?? {}) as Error;
  if (name === 'ValidationException' && /item size/i.test(message)) throw payloadTooLarge('the entity is too large to store');
  if (name === 'ValidationException' && /nesting levels/i.test(message)) throw invalidInput('the entity nests too deeply to store');
  if (/MAX_SAFE_INTEGER|special numeric value|unsupported type|number range|number (underflow|overflow)/i.test(message ?? '')) throw invalidInput(`unsupported value: ${message}`);
  throw error;
}

export class TenantRepository {
  readonly tenant: string;

  constructor(
    private readonly deps: RepositoryDeps,
    private readonly whoami: Whoami,
  ) {
    if (!whoami.tenant || whoami.tenant === GLOBAL_PARTITION) throw new Error('a repository needs a tenant Whoami');
    this.tenant = whoami.tenant;
  }

  async get<T extends BaseRow>(key: string, options: { global?: boolean } = {}): Promise<T | undefined> {
    const { Item } = await this.deps.dynamodb.send(
      new GetItemCommand({ TableName: this.deps.tableName, Key: this.keyOf(key, options.global), ConsistentRead: true }),
    );
    return Item && rowOf<T>(Item);
  }

  /** Inserts a row that must not exist yet (409 if it does). */
  async create<T extends BaseRow>(row: T): Promise<T> {
    const item = { ...row, username: this.tenant, version: 1 };
    try {
      await this.deps.dynamodb.send(
        new PutItemCommand({ TableName: this.deps.tableName, Item: toItem(item), ConditionExpression: 'attribute_not_exists(#key)', ExpressionAttributeNames: { '#key': 'key' } }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw conflict(`${row.key} already exists`);
      rethrowWriteError(error);
    }
    await this.deps.onWrite?.({ kind: 'put', row: item });
    return item;
  }

  /**
   * Reads the row, applies `mutate`, and writes it back only if nobody wrote in between; on a
   * race it re-reads and re-applies. `mutate` receives undefined when the row does not exist.
   */
  async change<T extends BaseRow>(key: string, mutate: (existing: T | undefined) => T | undefined): Promise<T | undefined> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const existing = await this.get<T>(key);
      const next = mutate(existing);
      if (!next || next === existing) return existing; // nothing changed: no write, no version bump, no stream record
      const version = existing?.version;
      const item = { ...next, username: this.tenant, key, version: (version ?? 0) + 1 };
      try {
        await this.deps.dynamodb.send(
          new PutItemCommand({
            TableName: this.deps.tableName,
            Item: toItem(item),
            ...(existing === undefined
              ? { ConditionExpression: 'attribute_not_exists(#key)', ExpressionAttributeNames: { '#key': 'key' } }
              : version === undefined
                ? { ConditionExpression: 'attribute_exists(#key) AND attribute_not_exists(#v)', ExpressionAttributeNames: { '#key': 'key', '#v': 'version' } }
                : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': { N: String(version) } } }),
          }),
        );
        await this.deps.onWrite?.({ kind: 'put', row: item });
        return item;
      } catch (error) {
        if (!isConditionFailure(error)) rethrowWriteError(error);
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
    throw conflict(`${key} was changed concurrently; try again`);
  }

  /** Updates an existing row (404 if absent). */
  async update<T extends BaseRow>(key: string, mutate: (existing: T) => T): Promise<T> {
    const result = await this.change<T>(key, (existing) => {
      if (!existing) throw notFound(`${key} not found`);
      return mutate(existing);
    });
    return result!;
  }

  /**
   * Inserts `row`, or combines it with the stored one: `merge` for a user update (history),
   * `visit` for re-discovery. `by` is who made the change (history's `by`).
   */
  async upsert<T extends BaseRow>(row: T, mode: 'merge' | 'visit', by = this.whoami.username): Promise<{ row: T; created: boolean }> {
    let created = false;
    const result = await this.change<T>(row.key, (existing) => {
      created = !existing;
      return existing ? (combine(mode, existing, row, by) as T) : row;
    });
    return { row: result!, created };
  }

  /** Replaces the row whatever it held (settings and other last-writer-wins rows). */
  async put<T extends BaseRow>(row: T): Promise<T> {
    return (await this.change<T>(row.key, () => row))!;
  }

  /**
   * Hard delete (accounts, attributes). Returns the row that was there, if any (undefined: nothing to delete).
   * Conditional, like every other write: the DeleteItem removes only the row as it was read (its `version`
   * and its creation/update stamps, which tell a re-created row from the one read). A delete the store
   * applies late (a hung store, an attempt the SDK timed out and retried) can therefore never remove a row
   * someone re-created or changed meanwhile; a row changed between our read and our delete is re-read and
   * deleted as it now is.
   */
  async remove<T extends BaseRow>(key: string): Promise<T | undefined> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const existing = await this.get<T>(key);
      if (!existing) return undefined;
      try {
        const { Attributes } = await this.deps.dynamodb.send(
          new DeleteItemCommand({ TableName: this.deps.tableName, Key: this.keyOf(key), ReturnValues: 'ALL_OLD', ...unchangedSince(existing) }),
        );
        if (!Attributes) return undefined;
        const removed = rowOf<T>(Attributes);
        await this.deps.onWrite?.({ kind: 'remove', row: removed });
        return removed;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
    throw conflict(`${key} was changed concurrently; try again`);
  }

  /** `GET /my`-style search: key prefix (or exact), or `field:value` through a GSI, paginated by opaque offset. */
  async query<T extends BaseRow>(input: QueryInput): Promise<Page<T>> {
    const partition = input.global ? GLOBAL_PARTITION : this.tenant;
    const limit = input.limit ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw invalidInput(`limit must be between 1 and ${MAX_PAGE_SIZE}`);
    if (input.label !== undefined && !/^[a-z_-]{1,64}$/.test(input.label)) throw invalidInput('label must be an entity type such as job or asset');

    const names: Record<string, string> = { '#p': TABLE_SCHEMA.partitionKey };
    const values: Item = { ':p': { S: partition } };
    let indexName: string | undefined;
    let condition: string;
    const key = input.key ?? '';
    if (key.startsWith('#')) {
      names['#k'] = TABLE_SCHEMA.sortKey;
      values[':k'] = { S: key };
      condition = input.exact ? '#p = :p AND #k = :k' : '#p = :p AND begins_with(#k, :k)';
    } else {
      const match = /^([a-z]+):(.+)$/s.exec(key);
      if (!match || !(match[1] in SEARCH_FIELDS)) {
        throw invalidInput(`key must start with # or be field:value with field one of ${Object.keys(SEARCH_FIELDS).join(', ')}`);
      }
      indexName = SEARCH_FIELDS[match[1] as SearchField];
      names['#f'] = match[1];
      values[':f'] = { S: match[2] };
      condition = input.exact ? '#p = :p AND #f = :f' : '#p = :p AND begins_with(#f, :f)';
    }
    if (Buffer.byteLength(key) > 1024) throw invalidInput('key longer than 1024 bytes');

    let filter: string | undefined;
    if (input.label) {
      const labelPrefix = `#${input.label}#`;
      if (indexName) {
        names['#key'] = TABLE_SCHEMA.sortKey;
        values[':label'] = { S: labelPrefix };
        filter = 'begins_with(#key, :label)';
      } else if (!key.startsWith(labelPrefix)) {
        // A filter may not name the sort key the query is keyed on, so the label narrows the key condition
        // itself: `#` + label `asset` is the prefix `#asset#`; a key outside the label matches nothing.
        if (input.exact || !labelPrefix.startsWith(key)) return { items: [] };
        values[':k'] = { S: labelPrefix };
      }
    }

    // The offset token is bound to the partition and to this exact query.
    const scope = JSON.stringify([partition, indexName ?? '', key, !!input.exact, input.label ?? '', !!input.desc]);
    const request: QueryCommandInput = {
      TableName: this.deps.tableName,
      IndexName: indexName,
      KeyConditionExpression: condition,
      FilterExpression: filter,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      Limit: limit,
      ScanIndexForward: !input.desc,
    };
    if (input.offset) {
      const start = decodeOffset(await this.deps.offsetKeys(), scope, input.offset);
      if (start[TABLE_SCHEMA.partitionKey] !== partition) throw invalidInput('invalid offset');
      request.ExclusiveStartKey = startKeyOf(start);
    }
    const { Items, LastEvaluatedKey } = await this.deps.dynamodb.send(new QueryCommand(request));
    return {
      items: (Items ?? []).map(rowOf<T>),
      offset: LastEvaluatedKey ? encodeOffset(await this.deps.offsetKeys(), scope, fromItem(LastEvaluatedKey)) : undefined,
    };
  }

  /**
   * The Account rows, in every tenant, that grant the signed-in user access (the byMember index): how a collaborator
   * discovers the tenants it may act in. Keyed on the authenticated identity only, never on request input; the rows
   * say who granted what, nothing of the granting tenant's data. Up to 1,000 (one page).
   */
  async memberships<T extends BaseRow>(): Promise<T[]> {
    const { Items } = await this.deps.dynamodb.send(
      new QueryCommand({
        TableName: this.deps.tableName,
        IndexName: 'byMember',
        KeyConditionExpression: '#m = :m AND begins_with(#k, :k)',
        ExpressionAttributeNames: { '#m': 'member', '#k': TABLE_SCHEMA.sortKey },
        ExpressionAttributeValues: { ':m': { S: this.whoami.username }, ':k': { S: '#account#' } },
        Limit: 1000,
      }),
    );
    return (Items ?? []).map(rowOf<T>);
  }

  private keyOf(key: string, global = false): Item {
    return { [TABLE_SCHEMA.partitionKey]: { S: global ? GLOBAL_PARTITION : this.tenant }, [TABLE_SCHEMA.sortKey]: { S: key } };
  }
}

/**
 * A row as the table holds it. Every row of the table was written by this repository (or by the
 * projection of one), so it is trusted as T without a per-item parse: reading a 100-row page must
 * not cost 100 schema validations.
 */
function rowOf<T extends BaseRow>(item: Item): T {
  const row = fromItem(item);
  if (typeof row.username !== 'string' || typeof row.key !== 'string') throw new Error('a table row without username/key');
  return row as T;
}

/** A decoded offset back into a key: every key attribute of the table and its indexes is a string. */
function startKeyOf(start: Record<string, unknown>): Item {
  const key: Item = {};
  for (const [name, value] of Object.entries(start)) {
    if (typeof value !== 'string') throw invalidInput('invalid offset');
    key[name] = { S: value };
  }
  return key;
}

/** The one way to get a repository: from the authenticated caller. */
export const repositoryFor = (deps: RepositoryDeps, whoami: Whoami): TenantRepository => new TenantRepository(deps, whoami);
