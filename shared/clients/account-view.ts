/**
 * Account rows as the clients read and write them. The model names the free-form field `settings` (tabularium);
 * chariot-ui reads and writes `config` (`config.displayName` on the `#settings#` row, `config.pin` on the webhook
 * row); the SDKs send `config: {}` and read `member`, `value`, `key`. Input: `settings` or `config` (either), and the
 * webhook PIN from `value` (SDKs) or else `config.pin` (UI). Output: the bare row with BOTH `config` and `settings`
 * (the same object) and, on the webhook row, `config.pin` = `value`. Every client reads the bare row: no
 * `{"accounts": [row]}` wrapper on the account write routes.
 */
export interface AccountWriteInput {
  readonly value?: string;
  readonly role?: string;
  readonly settings?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** The body of `POST|DELETE /account/{member}` in the model's terms (validation stays in shared/model/account.ts). */
export function normaliseAccountInput(member: string, raw: unknown): AccountWriteInput {
  const body = isObject(raw) ? raw : {};
  const config = isObject(body.settings) ? body.settings : isObject(body.config) ? body.config : undefined;
  let value = typeof body.value === 'string' && body.value ? body.value : undefined;
  let settings: Record<string, unknown> | undefined = config;
  if (member === 'hook' && !value && typeof config?.pin === 'string') {
    value = config.pin;
    const { pin: _pin, ...rest } = config;
    settings = Object.keys(rest).length ? rest : undefined;
  }
  const out: AccountWriteInput = { value, role: typeof body.role === 'string' ? body.role : undefined, settings: settings && Object.keys(settings).length ? settings : undefined };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** A stored account row as every client reads it. */
export function clientAccountView<T extends { member: string; value: string; settings?: unknown }>(row: T): T & { config: Record<string, unknown>; settings: Record<string, unknown> } {
  const config: Record<string, unknown> = { ...(isObject(row.settings) ? row.settings : {}) };
  if (row.member === 'hook' && row.value) config.pin = row.value;
  return { ...row, config, settings: config };
}
