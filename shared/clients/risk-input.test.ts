import { normaliseRiskInput } from './risk-input';

const ASSET = '#asset#a.com#a.com';
const RISK = '#risk#a.com#sql-injection';
const bad = (message: string) => expect.objectContaining({ kind: 'invalid-input', message: expect.stringContaining(message) });

describe('risk writes of every client era → one input', () => {
  test('creates: UI POST, 1.6.x PUT with comment null, 2.x PUT with source ""', () => {
    expect(normaliseRiskInput({ key: ASSET, name: 'SQL Injection', status: 'TH', severity: 'H', comment: '' })).toEqual({ action: 'create', target: ASSET, name: 'SQL Injection', status: 'TH' });
    expect(normaliseRiskInput({ key: ASSET, name: 'x', status: 'TH', comment: null })).toEqual({ action: 'create', target: ASSET, name: 'x', status: 'TH' });
    expect(normaliseRiskInput({ key: ASSET, name: 'x', status: 'TH', comment: null, source: '', title: 'X', tags: ['t'] })).toEqual({ action: 'create', target: ASSET, name: 'x', status: 'TH', title: 'X', tags: ['t'] });
  });

  test('updates by risk key; the UI closed vocabulary is translated, its name ignored', () => {
    expect(normaliseRiskInput({ key: RISK, name: 'sql-injection', status: 'CHF', comment: 'fp' })).toEqual({ action: 'update', key: RISK, status: 'DHF', comment: 'fp' });
    expect(normaliseRiskInput({ key: RISK, status: 'OH' })).toEqual({ action: 'update', key: RISK, status: 'OH' });
    expect(normaliseRiskInput({ key: RISK, remove: 0, comment: null })).toEqual({ action: 'update', key: RISK, remove: 0 });
  });

  test('bad shapes are 400s', () => {
    expect(() => normaliseRiskInput({ name: 'x' })).toThrow(bad('key must be'));
    expect(() => normaliseRiskInput({ key: ASSET })).toThrow(bad('name is required'));
    expect(() => normaliseRiskInput({ key: RISK, status: 'MH' })).toThrow(bad('system'));
    expect(() => normaliseRiskInput({ key: RISK, tags: 't' })).toThrow(bad('tags'));
    expect(() => normaliseRiskInput({ key: RISK, remove: 'x' })).toThrow(bad('remove'));
    expect(() => normaliseRiskInput('x')).toThrow(bad('JSON object'));
  });
});
