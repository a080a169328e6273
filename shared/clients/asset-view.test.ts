import { newAsset, mergeAsset, visitAsset } from '../model/asset';
import { assetUpdated, clientAssetView } from './asset-view';

describe('asset updated ("Last Seen")', () => {
  const created = new Date('2026-01-01T00:00:00Z');
  const asset = newAsset('ada@alpha.test', { dns: 'example.com', name: 'example.com' }, created);

  test('a new asset was last seen when it was created', () => {
    expect(clientAssetView(asset)).toEqual({ ...asset, updated: '2026-01-01T00:00:00Z' });
  });

  test('a re-discovery (visit) and a user change (merge) both move it', () => {
    const visited = visitAsset(asset, newAsset('ada@alpha.test', { dns: 'example.com', name: 'example.com' }, new Date('2026-01-02T00:00:00Z')));
    expect(assetUpdated(visited)).toBe('2026-01-02T00:00:00Z');
    const frozen = mergeAsset(visited, { ...visited, status: 'F' }, 'ada@alpha.test', new Date('2026-01-03T00:00:00Z'));
    expect(assetUpdated(frozen)).toBe('2026-01-03T00:00:00Z');
  });
});
