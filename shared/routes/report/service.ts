/** `GET /risk/export`: every risk of the tenant as one CSV file in its files (metadata row + bytes). */
import type { ApiDependencies } from '../../api/dependencies';
import type { Whoami } from '../../auth/whoami';
import { payloadTooLarge, unavailable } from '../../errors';
import { newFile, type Risk } from '../../model';

type Deps = Pick<ApiDependencies, 'repository' | 'files'>;

const COLUMNS = ['key', 'dns', 'name', 'title', 'status', 'source', 'priority', 'created', 'updated', 'comment'] as const;
/** An export is one file written in one request: past this many risks it would outgrow the request's time. */
export const MAX_EXPORTED_RISKS = 20_000;

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
const cell = (value: unknown): string => {
  const text = value === undefined || value === null ? '' : String(value);
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`;
};

export const risksCsv = (risks: readonly Record<string, unknown>[]): string =>
  [COLUMNS.join(','), ...risks.map((risk) => COLUMNS.map((column) => cell(risk[column])).join(','))].join('\r\n') + '\r\n';

/** Any role may export what it may read. The file is `exports/risks-<UTC time>.csv`; the answer names it. */
export async function exportRisks(deps: Deps, whoami: Whoami, at = new Date()): Promise<{ file: string; risks: number }> {
  if (!deps.files) throw unavailable('file storage is not configured');
  const repository = deps.repository(whoami);
  const risks: Risk[] = [];
  let offset: string | undefined;
  do {
    const page = await repository.query<Risk>({ key: '#risk#', limit: 1000, offset });
    risks.push(...page.items);
    if (risks.length > MAX_EXPORTED_RISKS) throw payloadTooLarge(`more than ${MAX_EXPORTED_RISKS} risks: export them by search (GET /my?key=#risk#…) instead`);
    offset = page.offset;
  } while (offset);
  const name = `exports/risks-${at.toISOString().replace(/[-:]|\.\d{3}/g, '')}.csv`;
  await deps.files.putBytes(whoami.tenant, name, Buffer.from(risksCsv(risks as unknown as Record<string, unknown>[])), { contentType: 'text/csv' });
  await repository.put(newFile(whoami.tenant, name, at));
  return { file: name, risks: risks.length };
}
