import { compareAnswers, normalise } from './compare';

const json = (status: number, value: unknown) => ({ status, body: Buffer.from(JSON.stringify(value)) });

describe('shadow comparison', () => {
  test('timestamps, uuids and request ids do not count as differences', () => {
    const a = json(200, { data: [{ key: '#asset#a', updated: '2026-01-01T00:00:00Z', id: '3f0c1a52-8d6e-4b7a-9c1d-2e3f4a5b6c7d' }], requestId: 'r1' });
    const b = json(200, { data: [{ key: '#asset#a', updated: '2026-12-02T14:00:00.123Z', id: '0b1c2d3e-4f50-4617-8899-aabbccddeeff' }], requestId: 'r2' });
    expect(compareAnswers(a, b)).toEqual({ match: true, diffs: [] });
    expect(normalise({ nested: { ttl: 5 } })).toEqual({ nested: { ttl: '<volatile>' } });
  });

  test('a difference names the path and the value types with short hashes, never the values', () => {
    const secret = 'customer-secret-hostname.example.com';
    const result = compareAnswers(json(200, { data: [{ dns: secret, status: 'A' }] }), json(200, { data: [{ dns: secret, status: 7 }], extra: 1 }));
    expect(result.match).toBe(false);
    expect(result.diffs).toEqual([expect.stringMatching(/^\$\.data\[0\]\.status: string#[0-9a-f]{6} != number#[0-9a-f]{6}$/), expect.stringMatching(/^\$\.extra: absent != number#/)]);
    expect(result.diffs.join(' ')).not.toContain(secret);
  });

  test('status and non-JSON bodies are compared too; the diff list stays short', () => {
    expect(compareAnswers(json(200, {}), json(503, {})).diffs).toEqual(['status: 200 != 503']);
    expect(compareAnswers({ status: 200, body: Buffer.from('a') }, { status: 200, body: Buffer.from('b') }).diffs[0]).toMatch(/^body: 1 bytes#\w+ != 1 bytes#\w+$/);
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    expect(compareAnswers(json(200, many), json(200, {})).diffs).toHaveLength(5);
  });
});
