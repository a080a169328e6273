/** Setting: `#setting#<name>`, any storable JSON value (`freeJson`), `last_modified` RFC3339 with sub-second precision. */
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

export const SettingInput = z.object({ name: segment('name', 128), value: freeJson });

export const settingKey = (name: string): string => assertKeyLength(`#setting#${name}`);

export function newSetting(tenant: string, raw: unknown, at = new Date()): Setting {
  const input = parseInput(SettingInput, raw);
  if (input.value === undefined) throw invalidInput('value is required');
  const validator = VALIDATORS[input.name];
  const value = validator ? parseInput(validator, input.value) : input.value;
  return { username: tenant, key: settingKey(input.name), name: input.name, value, last_modified: nowNano(at) };
}
