/**
 * Table rows → graph mutations. Pure: the same row always gives the same mutations, and every mutation is
 * idempotent, so replaying the stream (or rebuilding from a table scan) converges on the same graph.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { NODE_KINDS, nodeKindOfKey, primaryLabelOfKey, type GraphMutation, type GraphProperties, type NodeLabel, type NodeRef } from './model';
import type { GraphStore } from './store';
import { publicView } from '../model';

/** The parts of a DynamoDB stream record we read; both the Lambda event and the Streams API have this shape. */
export interface TableStreamRecord {
  readonly eventName?: string;
  readonly dynamodb?: {
    readonly Keys?: Record<string, unknown>;
    readonly NewImage?: Record<string, unknown>;
    readonly OldImage?: Record<string, unknown>;
  };
}

/** Stream images decode Sets and binary; a graph property holds neither, and absent means absent. */
function normaliseValue(value: unknown): unknown {
  if (value instanceof Set) return [...value].map(normaliseValue).sort();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(normaliseValue);
  if (value && typeof value === 'object') return normaliseProperties(value as Record<string, unknown>);
  return value;
}

function normaliseProperties(row: Record<string, unknown>): GraphProperties {
  const properties: GraphProperties = {};
  for (const name of Object.keys(row).sort()) {
    if (row[name] === null || row[name] === undefined) continue;
    properties[name] = normaliseValue(row[name]);
  }
  return properties;
}

const nodeRef = (key: unknown): NodeRef | undefined => {
  if (typeof key !== 'string') return undefined;
  const label = primaryLabelOfKey(key);
  return label && { key, label };
};

/** The row's `version` counter (rows written before versioning count as 0). */
const versionOf = (row: Record<string, unknown>): number => (typeof row.version === 'number' && Number.isSafeInteger(row.version) ? row.version : 0);

/** A row is gone (deleted, or expired by TTL): remove its node unless a newer version has been written since. */
export function projectRemoval(row: Record<string, unknown>, version = versionOf(row)): GraphMutation[] {
  const node = nodeRef(row.key);
  return node && typeof row.username === 'string' ? [{ kind: 'deleteNode', username: row.username, node, version }] : [];
}

/** One table row (plain JS, as DynamoDB returns it) → the mutations that make the graph hold it. */
export function projectRow(row: Record<string, unknown>): GraphMutation[] {
  const { username } = row;
  const node = nodeRef(row.key);
  if (!node || typeof username !== 'string' || !username) return [];

  const kind = NODE_KINDS[nodeKindOfKey(node.key)!];
  const extraLabels: NodeLabel[] = kind.seedable && row.source === 'seed' ? ['Seed'] : [];
  const from = nodeRef(row[kind.incoming.field]);
  const version = versionOf(row);
  return [
    // Only what a client may see goes into the graph (not the row's `version`), so graph results need no filtering.
    { kind: 'upsertNode', username, node, extraLabels, properties: normaliseProperties(publicView(row)), version },
    // Always emitted, even with no source: an edge the row no longer declares must go.
    { kind: 'setIncoming', username, node, type: kind.incoming.type, from: from && from.key !== node.key ? [from] : [], version },
  ];
}

/**
 * DynamoDB Local streams an empty map (an attribute's `metadata: {}`, an account's `settings: {}`) as a bare
 * `{}` with no type, which unmarshall rejects; it is an empty `M`.
 */
function repairEmptyMaps(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const attribute = value as Record<string, unknown>;
  if (Object.keys(attribute).length === 0) return { M: {} };
  if (attribute.M) return { M: Object.fromEntries(Object.entries(attribute.M as object).map(([k, v]) => [k, repairEmptyMaps(v)])) };
  if (Array.isArray(attribute.L)) return { L: attribute.L.map(repairEmptyMaps) };
  return attribute;
}

const decode = (image: Record<string, unknown>) =>
  unmarshall(Object.fromEntries(Object.entries(image).map(([k, v]) => [k, repairEmptyMaps(v)])) as Record<string, AttributeValue>);

/** One DynamoDB stream record → mutations. Rows that are not projected (#job#, #account#…) give none. */
export function projectStreamRecord(record: TableStreamRecord): GraphMutation[] {
  const { eventName, dynamodb } = record;
  // Rows that are never projected (#job#, #account#…) are not even decoded.
  if (!nodeRef((dynamodb?.Keys?.key as { S?: unknown } | undefined)?.S)) return [];
  if (eventName === 'REMOVE') {
    const keys = dynamodb?.Keys ? decode(dynamodb.Keys) : {};
    // The old image's version guards against a late replay deleting a re-created row; without one, delete.
    const old = dynamodb?.OldImage ? decode(dynamodb.OldImage) : undefined;
    return projectRemoval(keys, old ? versionOf(old) : Number.MAX_SAFE_INTEGER);
  }
  if (eventName !== 'INSERT' && eventName !== 'MODIFY') return [];
  if (!dynamodb?.NewImage) {
    // A misconfigured stream, not a bad record: fail loudly so it is fixed, not silently skipped.
    throw new Error('stream record has no NewImage: the table stream must be NEW_IMAGE or NEW_AND_OLD_IMAGES');
  }
  return projectRow(decode(dynamodb.NewImage));
}

/** Applies mutations in order, atomically per call. */
export async function applyMutations(store: GraphStore, mutations: readonly GraphMutation[]): Promise<void> {
  if (mutations.length > 0) await store.apply(mutations);
}
