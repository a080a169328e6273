/**
 * Cypher's value semantics for the engine: equality and comparison with `null` meaning unknown (which a
 * WHERE treats as false), and Cypher's ordering across types. Keeping these exact is what lets the same
 * behaviour suite run against the engine and against Neo4j.
 */
type FilterScalar = string | number | boolean;

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
