import { normaliseAssetInput, normaliseAttackSurface, normaliseSeedInput } from './asset-input';

const bad = (message: string) => expect.objectContaining({ kind: 'invalid-input', message: expect.stringContaining(message) });

describe('asset writes of every client era → one input', () => {
  test('chariot-ui POST /asset {dns, name, status}', () => {
    expect(normaliseAssetInput({ dns: 'example.com', name: 'example.com', status: 'A' })).toEqual({ action: 'create', era: 'dns-name', type: 'asset', dns: 'example.com', name: 'example.com', status: 'A' });
  });

  test('praetorian-cli 1.6.x PUT /asset {dns, name, status}', () => {
    expect(normaliseAssetInput({ dns: 'a.com', name: '10.0.0.1', status: 'A' })).toMatchObject({ action: 'create', era: 'dns-name', dns: 'a.com', name: '10.0.0.1' });
  });

  test('praetorian-cli 2.x PUT /asset {group, identifier, status, attackSurface: [""], type}', () => {
    expect(normaliseAssetInput({ group: 'a.com', identifier: '10.0.0.1', status: 'A', attackSurface: [''], type: 'asset' })).toEqual({
      action: 'create',
      era: 'group-identifier',
      type: 'asset',
      dns: 'a.com',
      name: '10.0.0.1',
      status: 'A',
    });
    expect(normaliseAssetInput({ group: 'a.com', identifier: 'a.com', attackSurface: ['test-surface'], type: 'WebApplication', resourceType: 'x' })).toMatchObject({
      type: 'webapplication',
      attackSurface: ['test-surface'],
      resourceType: 'x',
    });
    expect(normaliseAssetInput({ dns: 'old.com', group: 'new.com', identifier: 'new.com' })).toMatchObject({ dns: 'new.com', name: 'new.com' });
  });

  test('update by key: UI {key, status, comment}, 1.6.x {key, status}, 2.x {key, attackSurface, secret}', () => {
    expect(normaliseAssetInput({ key: '#asset#a.com#a.com', status: 'F', comment: 'bye' })).toEqual({ action: 'update', key: '#asset#a.com#a.com', status: 'F', comment: 'bye' });
    expect(normaliseAssetInput({ key: '#asset#a.com#a.com', status: 'F' })).toEqual({ action: 'update', key: '#asset#a.com#a.com', status: 'F' });
    expect(normaliseAssetInput({ key: '#asset#a.com', attackSurface: ['abc'], secret: 's' })).toEqual({ action: 'update', key: '#asset#a.com', attackSurface: ['abc'], secret: 's' });
  });

  test('null and blank mean "not given"', () => {
    expect(normaliseAssetInput({ dns: 'a.com', name: 'a.com', comment: null, source: '' })).toEqual({ action: 'create', era: 'dns-name', type: 'asset', dns: 'a.com', name: 'a.com' });
  });

  test('attackSurface: any strings, blanks dropped, duplicates once', () => {
    expect(normaliseAttackSurface([''])).toBeUndefined();
    expect(normaliseAttackSurface([' external ', 'external', 'abc', ''])).toEqual(['external', 'abc']);
    expect(normaliseAttackSurface(undefined)).toBeUndefined();
  });

  test('shapes that are not strings are 400s', () => {
    expect(() => normaliseAssetInput([])).toThrow(bad('JSON object'));
    expect(() => normaliseAssetInput({ dns: 3 })).toThrow(bad('dns must be a string'));
    expect(() => normaliseAssetInput({ dns: 'a.com', attackSurface: 'external' })).toThrow(bad('attackSurface'));
    expect(() => normaliseAssetInput({ key: 'asset' })).toThrow(bad('key must start with #'));
  });
});

describe('seed writes of both SDK eras', () => {
  test('1.6.x {dns, status} and 2.x {type, model: {dns, status}} give the same seed', () => {
    const old = normaliseSeedInput({ dns: 'a.com', status: 'P' });
    const wrapped = normaliseSeedInput({ type: 'asset', model: { dns: 'a.com', status: 'P' } });
    expect(old).toEqual({ action: 'create', era: 'dns-name', type: 'asset', dns: 'a.com', name: 'a.com', status: 'P', source: 'seed', seedEra: '1.6' });
    expect({ ...wrapped, seedEra: '1.6' }).toEqual(old);
    expect(wrapped.seedEra).toBe('2.x');
  });

  test('a seed needs a dns; model must be an object', () => {
    expect(() => normaliseSeedInput({ status: 'P' })).toThrow(bad('needs dns'));
    expect(() => normaliseSeedInput({ type: 'asset', model: 'a.com' })).toThrow(bad('model must be a JSON object'));
  });
});
