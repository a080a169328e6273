/**
 * Cypher's value semantics, for the embedded store: three-valued logic (`null` = unknown, which a WHERE
 * treats as false) and Cypher's ordering across types. Keeping these exact is what lets the same behaviour
 * suite run against the embedded store and against Neo4j.
 */
import type { Filter, FilterScalar, Operator } from './query';

export type Ternary = boolean | null;

const isScalar = (v: unknown): v is FilterScalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Cypher `=`: equal values of one type are true, different types false, anything with null unknown. */
export function equals(a: unknown, b: unknown): Ternary {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => equals(x, b[i]) === true);
  }
  return typeof a === typeof b && a === b;
}

/** Cypher `<` and friends: only numbers with numbers, strings with strings, booleans with booleans. */
export function compare(a: unknown, b: unknown): number | null {
  if (!isScalar(a) || !isScalar(b) || typeof a !== typeof b) return null;
  return a < b ? -1 : a > b ? 1 : 0;
}

function stringTest(a: unknown, b: unknown, test: (a: string, b: string) => boolean): Ternary {
  return typeof a === 'string' && typeof b === 'string' ? test(a, b) : null;
}

function applyOperator(operator: Operator, actual: unknown, expected: FilterScalar): Ternary {
  switch (operator) {
    case '=':
      return equals(actual, expected);
    case 'STARTS WITH':
      return stringTest(actual, expected, (a, b) => a.startsWith(b));
    case 'ENDS WITH':
      return stringTest(actual, expected, (a, b) => a.endsWith(b));
    case 'CONTAINS':
      return stringTest(actual, expected, (a, b) => a.includes(b));
    default: {
      const order = compare(actual, expected);
      if (order === null) return null;
      if (operator === '<') return order < 0;
      if (operator === '<=') return order <= 0;
      if (operator === '>') return order > 0;
      return order >= 0; // '>='
    }
  }
}

/** Cypher `any(x IN list WHERE p)`: true if one is true, else unknown if one is unknown, else false. */
function any(results: Ternary[]): Ternary {
  if (results.includes(true)) return true;
  return results.includes(null) ? null : false;
}

export function evaluateFilter(filter: Filter, properties: Record<string, unknown>): Ternary {
  const actual = properties[filter.field] ?? null;
  let result: Ternary;
  if (filter.operator === 'IS NULL') result = actual === null;
  else if (filter.operator === 'IS NOT NULL') result = actual !== null;
  else if (filter.operator === 'IN') {
    const set = filter.value as FilterScalar[];
    result = actual === null ? null : any(set.map((v) => equals(actual, v)));
  } else if (Array.isArray(filter.value)) result = any(filter.value.map((v) => applyOperator(filter.operator, actual, v)));
  else result = applyOperator(filter.operator, actual, filter.value as FilterScalar);
  return filter.not && result !== null ? !result : result;
}

/** A WHERE clause keeps a node only when every filter is definitely true. */
export const matchesAll = (filters: readonly Filter[], properties: Record<string, unknown>): boolean =>
  filters.every((filter) => evaluateFilter(filter, properties) === true);

/** Cypher ORDER BY (ascending) ranks lists < strings < booleans < numbers < null. */
function typeRank(v: unknown): number {
  if (Array.isArray(v)) return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  if (typeof v === 'number') return 3;
  return v === null || v === undefined ? 5 : 4;
}

export function cypherOrder(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return rank;
  if (Array.isArray(a) || !isScalar(a)) return 0;
  return a < (b as FilterScalar) ? -1 : a > (b as FilterScalar) ? 1 : 0;
}
