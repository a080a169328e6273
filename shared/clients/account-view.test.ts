import { clientAccountView, normaliseAccountInput } from './account-view';

describe('account rows: config and settings, the webhook PIN', () => {
  const PIN = '3f2c1d7e-8a9b-4c5d-9e0f-1a2b3c4d5e6f';

  test('input: the SDKs send value + config:{}, the UI config:{pin} or config:{displayName}', () => {
    expect(normaliseAccountInput('hook', { config: {}, value: PIN, role: 'readonly' })).toEqual({ value: PIN, role: 'readonly' });
    expect(normaliseAccountInput('hook', { config: { pin: PIN } })).toEqual({ value: PIN });
    expect(normaliseAccountInput('settings', { config: { displayName: 'Demo Org' } })).toEqual({ settings: { displayName: 'Demo Org' } });
    expect(normaliseAccountInput('github', { settings: { org: 'a' }, config: { org: 'b' } })).toEqual({ settings: { org: 'a' } });
    expect(normaliseAccountInput('bob@beta.test', { config: null })).toEqual({});
    expect(normaliseAccountInput('bob@beta.test', undefined)).toEqual({});
  });

  test('output: the bare row with config and settings alike; the webhook row carries config.pin', () => {
    const settings = { key: '#account#ada@alpha.test#settings#', member: 'settings', value: '', settings: { displayName: 'Demo Org' } };
    expect(clientAccountView(settings)).toMatchObject({ config: { displayName: 'Demo Org' }, settings: { displayName: 'Demo Org' } });
    const hook = { key: `#account#ada@alpha.test#hook#${PIN}`, member: 'hook', value: PIN };
    expect(clientAccountView(hook)).toMatchObject({ value: PIN, config: { pin: PIN } });
    expect(clientAccountView({ member: 'bob@beta.test', value: '' }).config).toEqual({});
  });
});
