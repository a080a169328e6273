/**
 * Job requests as each client sends them, normalised:
 *
 *   chariot-ui   POST /job/ {name: <capability>, key: <job key> | "#asset#<dns>"}   "Scan Now" and re-run (trailing slash)
 *   cli 1.6.x    POST /job  {key: <target key>, capabilities?: [...]}              no capabilities = the target's defaults
 *   cli 2.x      POST /job  {key, capabilities?, config?, credential_ids?}
 *   today        PUT  /job  {key, capabilities: [≥1], config?}
 *
 * One internal request: the key, the capabilities (undefined = the defaults for the target), config, credential ids.
 * (useReRunJob drops `key` when it has no job key: such a request is a 400 naming `key`.)
 * `keyKind` tells the service how to find the target: an entity key is the target; a job key (the UI's re-run)
 * names the job whose target to use; the UI's `#asset#<dns>` (two segments) names the assets with that dns.
 */
import { invalidInput } from '../errors';

export interface JobRequest {
  readonly key: string;
  readonly keyKind: 'target' | 'job' | 'asset-dns';
  readonly capabilities?: string[];
  readonly config?: Record<string, string>;
  readonly credentialIds?: string[];
}

const stringList = (value: unknown, field: string): string[] | undefined => {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !item.trim())) throw invalidInput(`${field} must be a list of names`);
  return value as string[];
};

export function normaliseJobInput(raw: unknown): JobRequest {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalidInput('the body must be a JSON object');
  const body = raw as Record<string, unknown>;
  const key = body.key;
  if (typeof key !== 'string' || !key.startsWith('#')) throw invalidInput('key must be the key of a job target');
  let capabilities = stringList(body.capabilities, 'capabilities');
  if (typeof body.name === 'string' && body.name.trim()) capabilities = [...new Set([...(capabilities ?? []), body.name.trim()])];
  if (capabilities?.length === 0) capabilities = undefined;
  const config = body.config ?? undefined;
  if (config !== undefined && (typeof config !== 'object' || Array.isArray(config) || Object.values(config as object).some((v) => typeof v !== 'string'))) {
    throw invalidInput('config must map names to strings');
  }
  const keyKind = key.startsWith('#job#') ? 'job' : /^#asset#[^#]+$/.test(key) ? 'asset-dns' : 'target';
  const result: JobRequest = { key, keyKind, capabilities, config: config as Record<string, string> | undefined, credentialIds: stringList(body.credential_ids, 'credential_ids') };
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined)) as unknown as JobRequest;
}
