/**
 * Setting: `#setting#<name>`, any storable JSON value (`freeJson`), `last_modified` RFC3339 with sub-second precision.
 * Configuration: the same row under `#configuration#<name>` (Chariot's `type Configuration Setting`), with its own
 * validators: operator-level switches such as `customer_type` and `subscription`.
 */
import * as z from 'zod';
import { invalidInput } from '../errors';
import { assertKeyLength, freeJson, nowNano, parseInput, segment, type BaseRow } from './common';

export interface Setting extends BaseRow {
  name: string;
  value: unknown;
  last_modified: string;
}

/** Per-name validators (Chariot's setting validators); unknown names accept any value. */
const VALIDATORS: Record<string, z.ZodType> = {
  'scan-level': z.enum(['A', 'AL', 'AP'], { error: 'scan-level must be A, AL or AP' }),
  'rate-limit': z.object({
    simultaneousHosts: z.number().int().min(10).max(500),
    capabilityRateLimit: z.number().int().min(25),
    simultaneousHostsIsCustom: z.boolean().optional(),
    capabilityRateLimitIsCustom: z.boolean().optional(),
  }),
  blocked_capabilities: z.object({ capabilities: z.array(z.string()).min(1) }),
};

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates must be YYYY-MM-DD');
const CONFIGURATION_VALIDATORS: Record<string, z.ZodType> = {
  subscription: z.object({ startDate: DAY.optional(), endDate: DAY.optional() }),
};

export const SettingInput = z.object({ name: segment('name', 128), value: freeJson });

/** The two kinds of name/value rows: tenant settings and operator configurations. */
export type SettingKind = 'setting' | 'configuration';
const VALIDATORS_OF: Record<SettingKind, Record<string, z.ZodType>> = { setting: VALIDATORS, configuration: CONFIGURATION_VALIDATORS };

export const settingKey = (name: string, kind: SettingKind = 'setting'): string => assertKeyLength(`#${kind}#${name}`);

export function newSetting(tenant: string, raw: unknown, at = new Date(), kind: SettingKind = 'setting'): Setting {
  const input = parseInput(SettingInput, raw);
  if (input.value === undefined) throw invalidInput('value is required');
  const validator = VALIDATORS_OF[kind][input.name];
  const value = validator ? parseInput(validator, input.value) : input.value;
  return { username: tenant, key: settingKey(input.name, kind), name: input.name, value, last_modified: nowNano(at) };
}
