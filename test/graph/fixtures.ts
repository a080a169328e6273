/** Table rows and stream records for the graph tests, in the fixed row shapes of the single table. */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

export type Row = Record<string, unknown>;

export const assetKey = (dns: string, name = dns) => `#asset#${dns}#${name}`.toLowerCase();
export const riskKey = (dns: string, name: string) => `#risk#${dns}#${name}`;
export const attributeKey = (name: string, value: string, parentKey: string) => `#attribute#${name}#${value}${parentKey}`;

export function assetRow(username: string, dns: string, extra: Row = {}): Row {
  return {
    username,
    key: assetKey(dns, (extra.name as string) ?? dns),
    dns,
    name: dns,
    status: 'A',
    source: 'self',
    created: '2026-11-01T10:00:00Z',
    visited: '2026-11-02T10:00:00Z',
    ttl: 1_800_000_000,
    ...extra,
  };
}

export function riskRow(username: string, target: string, dns: string, name: string, extra: Row = {}): Row {
  return { username, key: riskKey(dns, name), dns, name, status: 'TH', target, created: '2026-11-03T10:00:00Z', ...extra };
}

export function attributeRow(username: string, parentKey: string, name: string, value: string, extra: Row = {}): Row {
  return { username, key: attributeKey(name, value, parentKey), name, value, source: parentKey, status: 'A', ...extra };
}

let sequence = 0;
const nextSequence = () => String(++sequence).padStart(21, '0');

export const insert = (row: Row): DynamoDBRecord => ({
  eventName: 'INSERT',
  // The Lambda typings and util-dynamodb spell AttributeValue differently; the wire shape is the same.
  dynamodb: { Keys: marshall({ username: row.username, key: row.key }) as never, NewImage: marshall(row) as never, SequenceNumber: nextSequence() },
});

export const modify = (row: Row): DynamoDBRecord => ({ ...insert(row), eventName: 'MODIFY' });

export const remove = (row: Row): DynamoDBRecord => ({
  eventName: 'REMOVE',
  dynamodb: { Keys: marshall({ username: row.username, key: row.key }) as never, SequenceNumber: nextSequence() },
});
