/**
 * Asset: `#asset#<dns>#<name>`, lower-cased after punycode (dns/name keep their case).
 * A seed is an asset with source `seed`, status `P` and ttl 0 (there is no separate seed row).
 */
import { BlockList, isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import type * as Tldts from 'tldts';
import * as z from 'zod';
import { invalidInput } from '../errors';
import {
  assertKeyLength,
  compact,
  future,
  now,
  parseInput,
  recordHistory,
  segment,
  tags,
  TTL_HOURS,
  union,
  type BaseRow,
  type HistoryRecord,
} from './common';

export const ASSET_STATUSES = ['A', 'AH', 'AL', 'AP', 'P', 'F', 'FR', 'D'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];
export const ASSET_SOURCES = ['self', 'seed', 'account', 'provided'] as const;
/** Sources whose assets never expire and never lose that source. */
const PERMANENT_SOURCES = new Set(['seed', 'account']);

export interface Asset extends BaseRow {
  dns: string;
  name: string;
  status: AssetStatus;
  source: string;
  origin?: string;
  created: string;
  visited: string;
  ttl: number;
  class: string;
  private: boolean;
  group: string;
  identifier: string;
  /** Key of the asset or seed this one was discovered from (the graph's DISCOVERED edge). */
  discoveredFrom?: string;
  tags?: string[];
  attackSurface?: string[];
  history?: HistoryRecord[];
}

export const AssetInput = z.object({
  dns: segment('dns').optional(),
  name: segment('name').optional(),
  /** Chariot clients may send group/identifier instead of dns/name; they win when present. */
  group: segment('group').optional(),
  identifier: segment('identifier').optional(),
  status: z.enum(ASSET_STATUSES, { error: `status must be one of ${ASSET_STATUSES.join(', ')}` }).optional(),
  source: z.enum(ASSET_SOURCES, { error: `source must be one of ${ASSET_SOURCES.join(', ')}` }).optional(),
  origin: z.string().max(256).optional(),
  comment: z.string().max(4096).optional(),
  tags: tags.optional(),
  /** Free strings: praetorian-cli 2.x sends `[""]` by default or any surface name (blanks are dropped on input). */
  attackSurface: z.array(z.string().max(256, 'an attackSurface is at most 256 characters')).max(64, 'at most 64 attackSurface values').optional(),
  discoveredFrom: z.string().regex(/^#asset(#[^#]+){2,}$/, 'discoveredFrom must be an asset key').optional(),
});
export type AssetInput = z.input<typeof AssetInput>;

const DOMAIN = /^(https?:\/\/)?((xn--[a-zA-Z0-9-]+|[a-zA-Z0-9-]+)\.)+([a-zA-Z]{2,})$/;
const PRIVATE = new BlockList();
PRIVATE.addSubnet('10.0.0.0', 8);
PRIVATE.addSubnet('172.16.0.0', 12);
PRIVATE.addSubnet('192.168.0.0', 16);
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/** Punycode for internationalised names (Go's idna.ToASCII); ASCII input is left exactly as given. */
function toAscii(value: string, field: string): string {
  if (/^[\x00-\x7f]*$/.test(value)) return value;
  const ascii = domainToASCII(value);
  if (!ascii) throw invalidInput(`${field} is not a valid DNS name: ${value}`);
  return ascii;
}

function parseCidr(value: string): { address: string; prefix: number; family: 4 | 6 } | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(value);
  if (!match) return undefined;
  const family = isIP(match[1]);
  const prefix = Number(match[2]);
  if (!family || prefix > (family === 4 ? 32 : 128)) return undefined;
  return { address: match[1], prefix, family: family as 4 | 6 };
}

let tldts: typeof Tldts | undefined;
/** tldts (the public-suffix list) on the first dns classified: a Lambda bundle ships it as a lazy chunk (lib/lambda-bundling.ts). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const getDomain: typeof Tldts.getDomain = (url, options) => (tldts ??= require('tldts') as typeof Tldts).getDomain(url, options);

const isPrivateIp = (ip: string): boolean => PRIVATE.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');

/** Chariot's GetClass: from the name first (arn, s3, ip), then the dns (cidr, tld, domain). */
export function assetClass(dns: string, name: string, source: string): string {
  if (source === 'account') return dns;
  if (/^arn:aws:/.test(name)) return 'aws';
  if (/^(s3:\/\/)([^/]+)\/?$/.test(name)) return 's3';
  const family = isIP(name);
  if (family) return family === 4 ? 'ipv4' : 'ipv6';
  if (parseCidr(dns)) return 'cidr';
  if (DOMAIN.test(dns)) {
    const bare = dns.replace(/^https?:\/\//, '').toLowerCase();
    return getDomain(bare, { allowPrivateDomains: false }) === bare ? 'tld' : 'domain';
  }
  return '';
}

function isPrivateAsset(cls: string, dns: string, name: string): boolean {
  if (cls === 'ipv4' || cls === 'ipv6') return isPrivateIp(name);
  if (cls === 'cidr') return isPrivateIp(parseCidr(dns)!.address);
  return false;
}

/** The dns must be something we can scan: a domain, an IP, a CIDR, or (for integrations) a provider name. */
function assertValidDns(dns: string, source: string): void {
  const ok =
    DOMAIN.test(dns) || isIP(dns) !== 0 || parseCidr(dns) !== undefined || /^[a-z0-9][a-z0-9-]*$/i.test(dns) && source === 'account';
  if (!ok) throw invalidInput(`dns is not a valid DNS name, IP address or CIDR: ${dns}`);
}

export const assetKey = (dns: string, name: string): string => assertKeyLength(`#asset#${dns}#${name}`.toLowerCase());

/** A new asset row for `tenant` from client input (defaults applied, key built, input validated). */
export function newAsset(tenant: string, raw: unknown, at = new Date()): Asset {
  const input = parseInput(AssetInput, raw);
  const source = input.source ?? 'self';
  let dns = input.group ?? input.dns;
  let name = input.identifier ?? input.name;
  if (!dns && !name) throw invalidInput('dns is required');
  dns = toAscii(dns ?? name!, 'dns');
  name = toAscii(name ?? dns, 'name');
  assertValidDns(dns, source);
  const cls = assetClass(dns, name, source);
  const isSeed = source === 'seed';
  const timestamp = now(at);
  return compact({
    username: tenant,
    key: assetKey(dns, name),
    dns,
    name,
    group: dns,
    identifier: name,
    status: input.status ?? (isSeed ? 'P' : 'A'),
    source,
    origin: input.origin,
    created: timestamp,
    visited: timestamp,
    ttl: PERMANENT_SOURCES.has(source) ? 0 : future(TTL_HOURS.asset, at),
    class: cls,
    private: isPrivateAsset(cls, dns, name),
    discoveredFrom: input.discoveredFrom,
    tags: input.tags,
    attackSurface: input.attackSurface,
  });
}

/** A seed: an asset with source `seed` (status `P`, never expires). */
export const newSeed = (tenant: string, raw: unknown, at = new Date()): Asset =>
  newAsset(tenant, { status: 'P', ...(raw as object), source: 'seed' }, at);

/** A new asset from a user: its comment, if any, is the first history entry (nothing else records it). */
export function createdAsset(incoming: Asset, by: string, comment: string | undefined, at = new Date()): Asset {
  if (!comment) return incoming;
  return { ...incoming, history: recordHistory(undefined, { from: incoming.status, by, comment }, now(at)).history };
}

/** User update (PUT /asset): status change and comments go to history; tags and surfaces are replaced. */
export function mergeAsset(existing: Asset, update: Asset & { comment?: string }, by: string, at = new Date()): Asset {
  const next: Asset = { ...existing };
  if (update.source === 'seed' && existing.source !== 'seed') {
    // Seed promotion: the asset becomes a permanent seed, and the history says who promoted it.
    next.source = 'seed';
    next.ttl = 0;
    next.history = [...(next.history ?? []), { from: '', to: update.status, by, updated: now(at) }];
  }
  const { history, statusChanged } = recordHistory(next.history, { from: existing.status, to: update.status, by, comment: update.comment }, now(at));
  if (history.length) next.history = history;
  if (statusChanged) next.status = update.status;
  if (!next.status.startsWith('A')) next.ttl = 0;
  if (!next.origin && update.origin) next.origin = update.origin;
  if (update.tags) next.tags = update.tags;
  if (update.attackSurface) next.attackSurface = update.attackSurface;
  return next;
}

/** Re-discovery: refreshes visited/ttl, unions tags and surfaces, never writes history. */
export function visitAsset(existing: Asset, incoming: Asset): Asset {
  const next: Asset = { ...existing, visited: incoming.visited };
  if (existing.source === 'self' && existing.status === 'P' && incoming.status.startsWith('A')) next.status = incoming.status;
  if (next.status.startsWith('A') && existing.ttl !== 0) next.ttl = incoming.ttl;
  if (PERMANENT_SOURCES.has(incoming.source)) {
    next.ttl = 0;
    if (!PERMANENT_SOURCES.has(existing.source)) next.source = incoming.source;
  }
  if (incoming.ttl === 0) next.ttl = 0;
  if (!next.origin && incoming.origin) next.origin = incoming.origin;
  if (!next.discoveredFrom && incoming.discoveredFrom) next.discoveredFrom = incoming.discoveredFrom;
  next.tags = union(existing.tags, incoming.tags);
  next.attackSurface = union(existing.attackSurface, incoming.attackSurface);
  return compact(next);
}

/** Soft delete: status `D`; the row stays (like any non-active asset, with ttl 0) and keeps its history. */
export function deleteAsset(existing: Asset, by: string, at = new Date()): Asset {
  if (existing.status === 'D') return existing; // already deleted: an idempotent success, no rewrite
  return mergeAsset(existing, { ...existing, status: 'D' }, by, at);
}
