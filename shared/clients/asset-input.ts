/**
 * Asset writes as each client era sends them, normalised into one internal input:
 *
 *   chariot-ui        POST /asset {dns, name, status}           (it sets dns = name = the typed name)
 *                     PUT  /asset {key, status, comment?}       update by key
 *   cli 1.6.x         PUT  /asset {dns, name, status}           create
 *                     PUT  /asset {key, status}                 update by key
 *   cli 2.x           PUT  /asset {group, identifier, status, attackSurface: [""] | [free strings], type, resourceType?}
 *                     PUT  /asset {key, status?, attackSurface?, secret?}   update by key (a prefix may name several)
 *   seeds             PUT /seed {dns, status} (1.6.x), PUT /seed {type, model: {dns, status}} (2.x): see normaliseSeedInput
 *
 * A body with `key` and none of dns/name/group/identifier is an update; anything else creates (or merges into the
 * asset with the same key). `group`/`identifier` win over `dns`/`name` (Chariot's useGroupAndIdentifier).
 * `comment: null` and `source: ""` mean "not given". `attackSurface` takes any strings; blank ones (2.x's default
 * `[""]`) are dropped, so `[""]` stores no surface. Field values are validated later by the model (shared/model/asset.ts).
 */
import { invalidInput } from '../errors';

export interface AssetCreate {
  readonly action: 'create';
  /** Which field pair the client used: `dns-name` (UI, 1.6.x) or `group-identifier` (2.x). */
  readonly era: 'dns-name' | 'group-identifier';
  /** The registry kind: `asset` unless 2.x names another (`addomain`, `webapplication`, `repository`, …). */
  readonly type: string;
  readonly dns?: string;
  readonly name?: string;
  readonly status?: string;
  readonly comment?: string;
  readonly source?: string;
  readonly origin?: string;
  readonly tags?: string[];
  readonly attackSurface?: string[];
  readonly resourceType?: string;
}

export interface AssetUpdate {
  readonly action: 'update';
  /** An asset key (or, per the 2.x docstring, a key prefix naming several). */
  readonly key: string;
  readonly status?: string;
  readonly comment?: string;
  readonly attackSurface?: string[];
  readonly secret?: string;
}

export type AssetWrite = AssetCreate | AssetUpdate;

type Body = Record<string, unknown>;

function objectOf(body: unknown, what = 'the body'): Body {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidInput(`${what} must be a JSON object`);
  return body as Body;
}

/** A string field; `null`, absent and (where `blankIsAbsent`) `""` mean "not given". */
function text(body: Body, field: string, blankIsAbsent = false): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidInput(`${field} must be a string`);
  return blankIsAbsent && !value.trim() ? undefined : value;
}

function strings(body: Body, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw invalidInput(`${field} must be a list of strings`);
  return value as string[];
}

/** Blank surfaces dropped; none left means no surface. */
export function normaliseAttackSurface(sent: readonly string[] | undefined): string[] | undefined {
  const kept = sent?.map((surface) => surface.trim()).filter(Boolean);
  return kept?.length ? [...new Set(kept)] : undefined;
}

const compact = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function normaliseAssetInput(raw: unknown): AssetWrite {
  const body = objectOf(raw);
  const [dns, name, group, identifier] = ['dns', 'name', 'group', 'identifier'].map((field) => text(body, field, true));
  const key = text(body, 'key', true);
  const attackSurface = normaliseAttackSurface(strings(body, 'attackSurface'));
  if (key !== undefined && [dns, name, group, identifier].every((v) => v === undefined)) {
    if (!key.startsWith('#')) throw invalidInput('key must start with #');
    return compact({ action: 'update', key, status: text(body, 'status', true), comment: text(body, 'comment', true), attackSurface, secret: text(body, 'secret', true) });
  }
  const era = group !== undefined || identifier !== undefined ? 'group-identifier' : 'dns-name';
  return compact({
    action: 'create',
    era,
    type: text(body, 'type', true)?.toLowerCase() ?? 'asset',
    dns: group ?? dns,
    name: identifier ?? name,
    status: text(body, 'status', true),
    comment: text(body, 'comment', true),
    source: text(body, 'source', true),
    origin: text(body, 'origin', true),
    tags: strings(body, 'tags'),
    attackSurface,
    resourceType: text(body, 'resourceType', true),
  });
}

/**
 * `PUT /seed`: 1.6.x sends `{dns, status}` (and deletes by resending status `D`); 2.x wraps it,
 * `{type: "asset", model: {dns, status}}`. Told apart by `model`. Both become an asset create with source `seed`
 * (a seed is a seed-sourced asset: docs/data-model.md); a missing name is the dns.
 */
export function normaliseSeedInput(raw: unknown): AssetCreate & { readonly seedEra: '1.6' | '2.x' } {
  const body = objectOf(raw);
  const wrapped = body.model !== undefined;
  const model = wrapped ? objectOf(body.model, 'model') : body;
  const type = (wrapped ? text(body, 'type', true) : undefined) ?? text(model, 'type', true);
  const asset = normaliseAssetInput({ ...model, type, source: 'seed' });
  if (asset.action !== 'create') throw invalidInput('a seed needs dns (or group)');
  const dns = asset.dns ?? asset.name;
  if (!dns) throw invalidInput('a seed needs dns (or group)');
  return { ...asset, dns, name: asset.name ?? dns, seedEra: wrapped ? '2.x' : '1.6' };
}
