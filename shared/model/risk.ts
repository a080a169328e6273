/**
 * Risk: `#risk#<dns>#<name>` where name is slugged (lower-case, spaces → `-`) unless it is a CVE id,
 * which is upper-cased. Status = state (T O I R D) + severity (I L M H C E) + deleted reason (F S O D).
 */
import { randomUUID } from 'node:crypto';
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

const SEVERITIES = ['I', 'L', 'M', 'H', 'C', 'E'] as const;
export const RISK_STATUSES = [
  ...['TI', 'TL', 'TM', 'TH', 'TC'],
  ...['O', 'I', 'R'].flatMap((state) => SEVERITIES.map((severity) => `${state}${severity}`)),
  ...['F', 'S', 'O', 'D'].flatMap((reason) => SEVERITIES.map((severity) => `D${severity}${reason}`)),
] as readonly string[];
/** Statuses a user may give a risk they add by hand (Chariot's AddRisk). */
export const NEW_RISK_STATUSES = ['TI', 'TL', 'TM', 'TH', 'TC'] as const;
export const RISK_DELETE_REASONS = ['F', 'S', 'O', 'D'] as const;

const PRIORITY: Record<string, number> = { C: 0, H: 10, M: 20, L: 30, I: 40, E: 50 };
export const riskState = (status: string): string => status[0] ?? '';
export const riskSeverity = (status: string): string => status[1] ?? '';
export const riskPriority = (status: string): number => PRIORITY[riskSeverity(status)] ?? 60;

const riskStatus = z.string().refine((s) => RISK_STATUSES.includes(s), {
  error: 'status must be a risk status: state T|O|I|R|D + severity I|L|M|H|C|E (+ reason F|S|O|D when deleted), e.g. TH, OC, DMF',
});

export interface Risk extends BaseRow {
  dns: string;
  name: string;
  title: string;
  /** Key of the asset (or other target) this risk belongs to: the graph's HAS_VULNERABILITY edge. */
  target: string;
  status: string;
  source: string;
  priority: number;
  created: string;
  updated: string;
  visited: string;
  ttl: number;
  guid: string;
  comment?: string;
  tags?: string[];
  history?: HistoryRecord[];
}

export const RiskInput = z.object({
  name: z.string().trim().min(1, 'name is required').max(512),
  status: riskStatus.optional(),
  title: z.string().trim().max(1024).optional(),
  source: z.string().trim().min(1).max(256).optional(),
  comment: z.string().max(4096).optional(),
  tags: tags.optional(),
});

/** CVE ids are upper-cased; everything else is lower-cased with spaces turned into `-`. */
export function riskName(raw: string): string {
  const name = raw.trim();
  return /^cve-\d{4}-\d+$/i.test(name) ? name.toUpperCase() : name.toLowerCase().replace(/ /g, '-');
}

export const riskKey = (dns: string, name: string): string => assertKeyLength(`#risk#${dns}#${name}`);

/** A new risk on `target` (an asset row, or anything with a key and a dns). */
export function newRisk(tenant: string, target: { key: string; dns: string }, raw: unknown, at = new Date()): Risk {
  const input = parseInput(RiskInput, raw);
  const name = riskName(input.name);
  parseInput(segment('name'), name);
  parseInput(segment('dns'), target.dns);
  const status = input.status ?? 'TI';
  const timestamp = now(at);
  const title = input.title || (/^cve-\d{4}-\d+$/i.test(input.name.trim()) ? input.name.trim().toUpperCase() : input.name.trim());
  return compact({
    username: tenant,
    key: riskKey(target.dns, name),
    dns: target.dns,
    name,
    title,
    target: target.key,
    status,
    source: input.source ?? 'provided',
    priority: riskPriority(status),
    created: timestamp,
    updated: timestamp,
    visited: timestamp,
    ttl: future(TTL_HOURS.risk, at),
    guid: randomUUID(),
    comment: input.comment,
    tags: input.tags,
  });
}

export const RiskUpdate = z.object({
  status: riskStatus.optional(),
  comment: z.string().max(4096).optional(),
  title: z.string().trim().max(1024).optional(),
  tags: tags.optional(),
});
export type RiskUpdate = z.input<typeof RiskUpdate>;

/** User update (PUT /risk): status changes and comments go to history; ttl 0 once out of triage. */
export function mergeRisk(existing: Risk, raw: unknown, by: string, at = new Date()): Risk {
  const update = parseInput(RiskUpdate, raw);
  const next: Risk = { ...existing };
  const timestamp = now(at);
  const { history, statusChanged } = recordHistory(existing.history, { from: existing.status, to: update.status, by, comment: update.comment }, timestamp);
  if (history.length) next.history = history;
  if (statusChanged && update.status) {
    next.status = update.status;
    next.priority = riskPriority(update.status);
    next.updated = timestamp;
  }
  if (riskState(next.status) !== 'T') next.ttl = 0;
  if (update.title) next.title = update.title;
  if (update.tags) next.tags = update.tags;
  return next;
}

/** Re-discovery: refreshes visited (and ttl in triage); a remediated risk seen again re-opens. */
export function visitRisk(existing: Risk, incoming: Risk, at = new Date()): Risk {
  const next: Risk = { ...existing, visited: incoming.visited };
  const timestamp = now(at);
  if (riskState(existing.status) === 'T') next.ttl = incoming.ttl;
  if (riskState(existing.status) === 'R' && riskState(incoming.status) !== 'R') {
    const reopened = `O${riskSeverity(existing.status)}`;
    next.history = recordHistory(existing.history, { from: existing.status, to: reopened, by: incoming.source }, timestamp).history;
    next.status = reopened;
    next.updated = timestamp;
  } else if (incoming.comment && riskState(existing.status) === 'T' && riskSeverity(incoming.status) !== riskSeverity(existing.status)) {
    const to = `T${riskSeverity(incoming.status)}`;
    next.history = recordHistory(existing.history, { from: existing.status, to, by: incoming.source, comment: incoming.comment }, timestamp).history;
    next.status = to;
    next.priority = riskPriority(to);
  }
  next.tags = union(existing.tags, incoming.tags);
  return compact(next);
}

/** Soft delete: `D` + the current severity + a reason (F false positive, S out of scope, O other, D duplicate). */
export function deleteRisk(existing: Risk, by: string, options: { status?: string; comment?: string } = {}, at = new Date()): Risk {
  let status = options.status ?? `D${riskSeverity(existing.status)}O`;
  if (status.length === 1 && RISK_DELETE_REASONS.includes(status as never)) status = `D${riskSeverity(existing.status)}${status}`;
  if (!/^D[ILMHCE][FSOD]$/.test(status)) throw invalidInput('a deleted risk status is D + severity + reason (F, S, O or D), e.g. DHF');
  // Deleting a deleted risk again is an idempotent success that rewrites nothing (unless it changes the reason or adds a comment).
  if (existing.status.startsWith('D') && !options.comment && (options.status === undefined || status === existing.status)) return existing;
  return mergeRisk(existing, { status, comment: options.comment }, by, at);
}
