/**
 * Risk writes as each client sends them, normalised:
 *
 *   chariot-ui     POST /risk {key: <asset key>, name, status: T<sev>, severity, comment: ""}   create
 *                  PUT  /risk {key: <risk key>, name, status: T…|O…|C…, comment}              update (C… = closed, see risk-status.ts)
 *   cli 1.6.x      PUT  /risk {key: <asset key>, name, status, comment: null}                 create (upsert)
 *                  PUT  /risk {key: <risk key>, status?, comment?}                            update (a key prefix may name several)
 *   cli 2.x        PUT  /risk {key: <asset key>, name, status, comment: null, source: "", title?, tags?}   create
 *                  PUT  /risk {key: <risk key>, status?, comment?, title?, tags?, remove?}    update
 *
 * The key decides, whatever the method: a risk key updates, any other entity key (the target) creates
 * `#risk#<target dns>#<name>`. `comment: null`, `source: ""` and the UI's redundant `severity` (the status carries it)
 * mean "not given"; the UI's `name` on an update is ignored (it is the key's last segment).
 */
import { invalidInput } from '../errors';
import { toStoredRiskStatus } from './risk-status';

export interface RiskCreate {
  readonly action: 'create';
  /** The target's key (an asset key for every client today). */
  readonly target: string;
  readonly name: string;
  readonly status?: string;
  readonly comment?: string;
  readonly source?: string;
  readonly title?: string;
  readonly tags?: string[];
}

export interface RiskUpdate {
  readonly action: 'update';
  readonly key: string;
  readonly status?: string;
  readonly comment?: string;
  readonly title?: string;
  readonly tags?: string[];
  /** 2.x: index of a history comment to delete. */
  readonly remove?: number;
}

export type RiskWrite = RiskCreate | RiskUpdate;

const given = (body: Record<string, unknown>, field: string): string | undefined => {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidInput(`${field} must be a string`);
  return value === '' ? undefined : value;
};

export function normaliseRiskInput(raw: unknown): RiskWrite {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalidInput('the body must be a JSON object');
  const body = raw as Record<string, unknown>;
  const key = given(body, 'key');
  if (!key?.startsWith('#')) throw invalidInput('key must be a risk key (update) or the key of the risk target (create)');
  const sent = given(body, 'status');
  const status = sent === undefined ? undefined : toStoredRiskStatus(sent);
  const comment = given(body, 'comment');
  const title = given(body, 'title');
  const tags = body.tags === undefined || body.tags === null ? undefined : body.tags;
  if (tags !== undefined && (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string'))) throw invalidInput('tags must be a list of strings');
  const common = { status, comment, title, tags: tags as string[] | undefined };
  const strip = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  if (key.startsWith('#risk#')) {
    const remove = body.remove;
    if (remove !== undefined && remove !== null && !Number.isInteger(remove)) throw invalidInput('remove must be the index of a history comment');
    return strip({ action: 'update', key, ...common, remove: (remove ?? undefined) as number | undefined });
  }
  const name = given(body, 'name');
  if (!name?.trim()) throw invalidInput('name is required to add a risk to a target');
  return strip({ action: 'create', target: key, name, ...common, source: given(body, 'source') });
}
