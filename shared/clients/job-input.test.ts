import { normaliseJobInput } from './job-input';

const bad = (message: string) => expect.objectContaining({ kind: 'invalid-input', message: expect.stringContaining(message) });

describe('job requests of every client → one request', () => {
  test('UI POST /job/ {name, key}: one capability; a job key re-runs, #asset#<dns> names assets by dns', () => {
    expect(normaliseJobInput({ name: 'whois', key: '#job#a.com#a.com#whois' })).toEqual({ key: '#job#a.com#a.com#whois', keyKind: 'job', capabilities: ['whois'] });
    expect(normaliseJobInput({ name: 'whois', key: '#asset#a.com' })).toEqual({ key: '#asset#a.com', keyKind: 'asset-dns', capabilities: ['whois'] });
  });

  test('SDK POST /job {key, capabilities?, config?, credential_ids?}; no capabilities = the defaults', () => {
    expect(normaliseJobInput({ key: '#asset#a.com#a.com' })).toEqual({ key: '#asset#a.com#a.com', keyKind: 'target' });
    expect(normaliseJobInput({ key: '#asset#a.com#a.com', capabilities: [] })).toEqual({ key: '#asset#a.com#a.com', keyKind: 'target' });
    expect(normaliseJobInput({ key: '#asset#a.com#a.com', capabilities: ['nuclei'], config: { k: 'v' }, credential_ids: ['c1'] })).toEqual({
      key: '#asset#a.com#a.com',
      keyKind: 'target',
      capabilities: ['nuclei'],
      config: { k: 'v' },
      credentialIds: ['c1'],
    });
  });

  test('bad shapes are 400s', () => {
    expect(() => normaliseJobInput({ capabilities: ['x'] })).toThrow(bad('key'));
    expect(() => normaliseJobInput({ key: '#asset#a#a', capabilities: 'x' })).toThrow(bad('capabilities'));
    expect(() => normaliseJobInput({ key: '#asset#a#a', config: { n: 1 } })).toThrow(bad('config'));
  });
});
