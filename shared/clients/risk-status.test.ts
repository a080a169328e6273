import { RISK_STATUSES } from '../model/risk';
import { clientRiskView, isUiClosedStatus, toStoredRiskStatus, toUiRiskStatus } from './risk-status';

describe('risk status vocabularies', () => {
  test.each([
    ['CH', 'RH'], // Resolved
    ['CHR', 'IH'], // Rejected: "we acknowledge … and accept it"
    ['CHF', 'DHF'], // False Positive
    ['CHS', 'DHS'], // Out of Scope
    ['CC', 'RC'],
    ['CIR', 'II'],
  ])('the UI closed form %s is stored as %s', (ui, stored) => {
    expect(isUiClosedStatus(ui)).toBe(true);
    expect(toStoredRiskStatus(ui)).toBe(stored);
  });

  test('every stored status passes unchanged and survives the trip through the UI vocabulary', () => {
    for (const status of RISK_STATUSES) {
      expect(toStoredRiskStatus(status)).toBe(status);
      expect(toStoredRiskStatus(toUiRiskStatus(status))).toBe(status);
    }
  });

  test('the UI reads closed states as C…; open, triage, other and duplicate stay as stored', () => {
    expect(['RH', 'IH', 'DHF', 'DHS'].map(toUiRiskStatus)).toEqual(['CH', 'CHR', 'CHF', 'CHS']);
    expect(['TH', 'OC', 'DHO', 'DHD', 'OE'].map(toUiRiskStatus)).toEqual(['TH', 'OC', 'DHO', 'DHD', 'OE']);
  });

  test('what the UI composes from what it read maps back onto the stored vocabulary', () => {
    // useRisks.ts: change of state `${new[0]}${old[1]}${new[1] ?? ''}`, change of severity `${cur[0]}${sev}${cur[2] ?? ''}`.
    const state = (old: string, next: string) => `${next[0]}${old[1]}${next[1] ?? ''}`;
    const severity = (cur: string, sev: string) => `${cur[0]}${sev}${cur[2] ?? ''}`;
    expect(toStoredRiskStatus(state(toUiRiskStatus('OH'), 'CF'))).toBe('DHF');
    expect(toStoredRiskStatus(state(toUiRiskStatus('DHF'), 'O'))).toBe('OH');
    expect(toStoredRiskStatus(severity(toUiRiskStatus('IH'), 'L'))).toBe('IL');
    expect(toStoredRiskStatus(severity(toUiRiskStatus('DHO'), 'L'))).toBe('DLO');
  });

  test('the system-only M and anything unknown are 400s naming the vocabularies', () => {
    expect(() => toStoredRiskStatus('MH')).toThrow(expect.objectContaining({ kind: 'invalid-input', message: expect.stringContaining('system') }));
    for (const bad of ['', 'C', 'CX', 'CHX', 'TE', 'X', 'ch']) {
      expect(() => toStoredRiskStatus(bad)).toThrow(expect.objectContaining({ kind: 'invalid-input', message: expect.stringContaining('C<severity>') }));
    }
  });

  test('a risk row: browsers read status and history in their vocabulary, SDKs as stored', () => {
    const risk = { key: '#risk#a.com#x', status: 'DHF', history: [{ from: 'TH', to: 'OH', updated: 't' }, { from: 'OH', to: 'DHF', updated: 't' }, { by: 'ada', comment: 'c', updated: 't' }] };
    expect(clientRiskView(risk, false)).toBe(risk);
    expect(clientRiskView(risk, true)).toEqual({ ...risk, status: 'CHF', history: [{ from: 'TH', to: 'OH', updated: 't' }, { from: 'OH', to: 'CHF', updated: 't' }, { by: 'ada', comment: 'c', updated: 't' }] });
  });
});
