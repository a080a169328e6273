/**
 * `GET /my` (and `GET /my/count`) parameters as the union of what chariot-ui, praetorian-cli 1.6.x and 2.x send,
 * parsed into one typed description. The service turns it into table queries; this module decides only what the
 * request means. Grammar of `key` (docs/client-compat.md has the sources):
 *
 *   #<kind>[#<prefix>]   key prefix of one kind: `#asset`, `#risk#a.com`, `#job#a.com`, `#file#home`, `#statistic#…`
 *                        (`#asset` alone means `#asset#`: every asset, and nothing of a kind merely starting "asset")
 *   <field>:<value>      prefix of a field: status, source, dns, name, ip (`ip:` = the name of IP-class rows)
 *   <term>               anything else (no leading `#`, no known `field:`): a bare term, see termSearches()
 *
 * Parameters: exact, desc, global, user, allTenants (`true`/`false`), label (a kind: restricts the rows to it),
 * to (the end key of a `#` range, statistics), convId (2.x conversations), offset (JSON-echoed, see
 * echoed-offset.ts), limit. A `label` that contradicts the key's kind makes a query that matches nothing: it answers
 * 200 with empty groups (the UI retries a 400 three times), never 400 or 500.
 */
import * as z from 'zod';
import { invalidInput } from '../errors';
import { parseInput } from '../model/common';
import { riskName } from '../model/risk';
import { decodeEchoedOffset } from './echoed-offset';

export const MY_FIELDS = ['status', 'source', 'dns', 'name', 'ip'] as const;
export type MyField = (typeof MY_FIELDS)[number];

export type MyKey =
  /** `value` is the whole sort-key prefix (or the exact key), e.g. `#asset#a.com`. */
  | { readonly form: 'prefix'; readonly kind: string; readonly value: string }
  | { readonly form: 'field'; readonly field: MyField; readonly value: string }
  | { readonly form: 'term'; readonly value: string };

export interface MyQuery {
  readonly key: MyKey;
  readonly exact: boolean;
  readonly desc: boolean;
  readonly global: boolean;
  /** 2.x `user=true` (sdk/model/globals.py): accepted; its meaning is decided where it is wired. */
  readonly user: boolean;
  /** 2.x `allTenants=true`: every tenant the caller may act in. */
  readonly allTenants: boolean;
  readonly label?: string;
  /** End of a `#` key range (inclusive), same kind as `key`. */
  readonly to?: string;
  readonly convId?: string;
  /** The decoded token, ready for verification. */
  readonly offset?: string;
  readonly limit?: number;
  /** The parameters contradict each other (label vs the key's kind): answer empty groups. */
  readonly matchesNothing: boolean;
}

const flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');
const kind = z.string().regex(/^[a-z][a-z_-]{0,63}$/, 'label must be an entity kind such as asset or job');

export const MyParams = z.object({
  key: z.string({ error: 'key is required' }).min(1, 'key is required').refine((k) => Buffer.byteLength(k) <= 1024, 'key longer than 1024 bytes'),
  exact: flag.optional(),
  desc: flag.optional(),
  global: flag.optional(),
  user: flag.optional(),
  allTenants: flag.optional(),
  label: kind.optional(),
  to: z.string().min(1).max(1024).optional(),
  convId: z.string().min(1).max(256).optional(),
  offset: z.string().min(1).max(4096).optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be an integer').min(1, 'limit must be at least 1').max(1000, 'limit must be at most 1000').optional(),
});

/** The kind a `#` key names: its second segment (`#asset#a.com` → `asset`). */
const kindOf = (key: string): string => key.split('#')[1] ?? '';

export function parseMyKey(key: string): MyKey {
  if (key === '#') return { form: 'prefix', kind: '', value: '#' }; // every row of the tenant
  if (key.startsWith('#')) {
    const named = kindOf(key);
    if (!/^[a-z][a-z0-9_-]*$/.test(named)) throw invalidInput('key must name an entity kind after #, e.g. #asset or #risk#example.com');
    return { form: 'prefix', kind: named, value: key === `#${named}` ? `#${named}#` : key };
  }
  const field = /^([a-zA-Z]+):(.*)$/s.exec(key);
  if (field && (MY_FIELDS as readonly string[]).includes(field[1])) {
    if (!field[2]) throw invalidInput(`${field[1]}: needs a value`);
    return { form: 'field', field: field[1] as MyField, value: field[2] };
  }
  return { form: 'term', value: key.trim() };
}

/** Query-string parameters (single values) → the typed query; 400 only for malformed values. */
export function parseMyQuery(params: Readonly<Record<string, string | undefined>>): MyQuery {
  const input = parseInput(MyParams, params);
  const key = parseMyKey(input.key);
  if (key.form === 'term' && !key.value) throw invalidInput('key is required');
  if (input.to !== undefined) {
    if (key.form !== 'prefix' || !input.to.startsWith('#') || kindOf(input.to) !== key.kind) throw invalidInput('to must be a key of the same kind as key');
    if (input.exact) throw invalidInput('to and exact cannot be combined');
  }
  const matchesNothing = key.form === 'prefix' && key.kind !== '' && input.label !== undefined && input.label !== key.kind;
  return {
    key,
    exact: input.exact ?? false,
    desc: input.desc ?? false,
    global: input.global ?? false,
    user: input.user ?? false,
    allTenants: input.allTenants ?? false,
    label: input.label,
    to: input.to,
    convId: input.convId,
    offset: input.offset === undefined ? undefined : decodeEchoedOffset(input.offset),
    limit: input.limit,
    matchesNothing,
  };
}

/** The stored field a `field:` form searches: `ip:` reads the name (an IP asset's name is its address). */
export const storedField = (field: MyField): 'status' | 'source' | 'dns' | 'name' => (field === 'ip' ? 'name' : field);

/**
 * What a bare term matches: rows (of any kind, or of `label`) whose `dns` or `name` STARTS WITH the term, as typed,
 * lower-cased (asset keys and most DNS names are lower-case) or slugged like a risk name (`SQL Injection` →
 * `sql-injection`; `cve-2024-3400` → `CVE-2024-3400`). So `example.com` finds the asset, its risks and jobs;
 * `CVE` finds every CVE risk; `port` finds port attributes. It is never a substring or full-text search.
 */
export function termSearches(term: string): { field: 'dns' | 'name'; value: string }[] {
  const variants = [...new Set([term, term.toLowerCase(), riskName(term)])];
  return (['dns', 'name'] as const).flatMap((field) => variants.map((value) => ({ field, value })));
}
