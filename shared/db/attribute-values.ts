/**
 * DynamoDB attribute values ⇄ plain JS, for the repository's hot paths. It does what lib-dynamodb's
 * marshalling does with `removeUndefinedValues` (the same shapes, and the same error words, which
 * `rethrowWriteError` maps to 400), without its per-command middleware and generic converters: on a
 * 100-row page that was a measurable share of a request's CPU (docs/bench.md).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { isStorableNumber } from '../model/common';

export type Item = Record<string, AttributeValue>;

function fromNumber(text: string): number {
  const value = Number(text);
  // lib-dynamodb refuses these rather than lose digits; we never write them (validation keeps them out).
  if (!Number.isSafeInteger(value) && Number.isInteger(value)) throw new Error(`Number ${text} is outside MAX_SAFE_INTEGER; it cannot be read exactly`);
  return value;
}

export function fromAttributeValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return fromNumber(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.M !== undefined) return fromItem(value.M);
  if (value.L !== undefined) return value.L.map(fromAttributeValue);
  if (value.NULL !== undefined) return null;
  if (value.SS !== undefined) return new Set(value.SS);
  if (value.NS !== undefined) return new Set(value.NS.map(fromNumber));
  if (value.B !== undefined) return value.B;
  if (value.BS !== undefined) return new Set(value.BS);
  throw new Error(`unsupported DynamoDB attribute value: ${Object.keys(value).join(',')}`);
}

/** An item as a plain object (numbers as numbers, lists as arrays, maps as objects, sets as Sets). */
export function fromItem(item: Item): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name in item) out[name] = fromAttributeValue(item[name]);
  return out;
}

function toNumber(value: number): AttributeValue {
  if (!Number.isFinite(value)) throw new Error(`Special numeric value ${value} is not allowed`);
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) throw new Error(`Number ${value} is greater than Number.MAX_SAFE_INTEGER`);
  // A fraction DynamoDB cannot hold would be a ValidationException ("Number underflow") at write time.
  if (!isStorableNumber(value)) throw new Error(`Number ${value} is outside DynamoDB's number range`);
  return { N: String(value) };
}

function toSet(set: Set<unknown>): AttributeValue {
  const values = [...set];
  if (values.every((v) => typeof v === 'string')) return { SS: values };
  if (values.every((v) => typeof v === 'number')) return { NS: values.map((v) => toNumber(v).N!) };
  throw new Error('Unsupported type passed: a Set of mixed or non-scalar values');
}

/** A JS value as an attribute value; undefined (dropped, like `removeUndefinedValues`) for undefined. */
export function toAttributeValue(value: unknown): AttributeValue | undefined {
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      return toNumber(value);
    case 'boolean':
      return { BOOL: value };
    case 'undefined':
      return undefined;
    case 'object':
      if (value === null) return { NULL: true };
      if (Array.isArray(value)) return { L: value.flatMap((v) => toAttributeValue(v) ?? []) };
      if (value instanceof Set) return toSet(value);
      if (value instanceof Uint8Array) return { B: value };
      if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) return { M: toItem(value) };
      throw new Error(`Unsupported type passed: ${Object.prototype.toString.call(value)}`);
    default:
      throw new Error(`Unsupported type passed: ${typeof value}`);
  }
}

/** A plain object as an item; undefined fields are left out. */
export function toItem<T extends object>(row: T): Item {
  const item: Item = {};
  for (const name in row) {
    const value = toAttributeValue(row[name]);
    if (value !== undefined) item[name] = value;
  }
  return item;
}
