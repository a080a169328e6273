/**
 * Risk status vocabularies. The store keeps Chariot's current (tabularium) form: state T|O|I|R|D + severity
 * I|L|M|H|C|E (+ reason F|S|O|D when deleted). chariot-ui (2024-08) speaks an older one: it closes a risk with
 * `C` and composes `${new[0]}${old[1]}${new[1] ?? ''}`, so Resolved = `C<sev>`, Rejected ("we accept it") =
 * `C<sev>R`, False Positive = `C<sev>F`, Out of Scope = `C<sev>S`; `M` (Automatically Closed) is only ever set
 * by the system. Mapping (docs/client-compat.md):
 *
 *   UI sends      stored        UI reads back (browser requests only)
 *   C<sev>    →   R<sev>    →   C<sev>
 *   C<sev>R   →   I<sev>    →   C<sev>R
 *   C<sev>F   →   D<sev>F   →   C<sev>F
 *   C<sev>S   →   D<sev>S   →   C<sev>S
 *   (none)        D<sev>O, D<sev>D   unchanged (the UI has no "other"/"duplicate"; a severity change it
 *                                    composes from them, `D<sev'>O`, is still a valid stored status)
 *   T…, O…        unchanged
 */
import { invalidInput } from '../errors';
import { RISK_STATUSES } from '../model/risk';

const STORED = new Set(RISK_STATUSES);

/** The UI's closed sub-states (its third letter) onto stored state + reason. */
const UI_CLOSED: Readonly<Record<string, (severity: string) => string>> = {
  '': (severity) => `R${severity}`,
  R: (severity) => `I${severity}`,
  F: (severity) => `D${severity}F`,
  S: (severity) => `D${severity}S`,
};

/** Is this a status only the UI writes (a `C…` closed form)? */
export const isUiClosedStatus = (status: string): boolean => /^C[ILMHCE][RFS]?$/.test(status);

/**
 * A status as any client sent it, in the stored vocabulary. SDK statuses pass unchanged; the UI's `C…`
 * forms are translated; anything else (including the system-only `M…`) is a 400 naming both vocabularies.
 */
export function toStoredRiskStatus(sent: string): string {
  if (STORED.has(sent)) return sent;
  const ui = /^C([ILMHCE])([RFS]?)$/.exec(sent);
  if (ui) return UI_CLOSED[ui[2]](ui[1]);
  if (/^M/.test(sent)) throw invalidInput('status M (automatically closed) is set by the system only');
  throw invalidInput(
    'status must be a risk status: state T|O|I|R|D + severity I|L|M|H|C|E (+ reason F|S|O|D when deleted), e.g. TH, OC, DMF; ' +
      'or a closed status C<severity>[R|F|S], e.g. CH, CHF',
  );
}

/** A stored status as the UI reads it (labels exist only for T, O, C, CF, CR, CS, M). */
export function toUiRiskStatus(stored: string): string {
  const [state, severity = '', reason = ''] = stored;
  if (state === 'R') return `C${severity}`;
  if (state === 'I') return `C${severity}R`;
  if (state === 'D' && (reason === 'F' || reason === 'S')) return `C${severity}${reason}`;
  return stored;
}

/** A risk row as a client reads it: browsers get status and history (`from`/`to`) in the UI vocabulary. */
export function clientRiskView<T extends { status: string; history?: readonly { from?: string; to?: string }[] }>(risk: T, uiVocabulary: boolean): T {
  if (!uiVocabulary) return risk;
  const history = risk.history?.map((record) => ({
    ...record,
    ...(record.from ? { from: toUiRiskStatus(record.from) } : {}),
    ...(record.to ? { to: toUiRiskStatus(record.to) } : {}),
  }));
  return { ...risk, status: toUiRiskStatus(risk.status), ...(history ? { history } : {}) };
}
