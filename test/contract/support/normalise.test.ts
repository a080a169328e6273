import { normalise, normaliseOffset, normaliseRequestLine } from './normalise';

const token = (payload: object) => `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.MAC`;

test('wall-clock and random values are normalised; everything else is kept', () => {
  const a = { assets: [{ key: '#asset#x#y', status: 'A', created: '2026-01-01T00:00:00Z', ttl: 1767225600, guid: 'u1' }], offset: 'abc.def' };
  const b = { assets: [{ key: '#asset#x#y', status: 'A', created: '2026-01-01T00:00:09Z', ttl: 1767225609, guid: 'u2' }], offset: 'abc.def' };
  expect(normalise(a)).toEqual(normalise(b));
  expect(normalise({ ...b, assets: [{ ...b.assets[0], status: 'D' }] })).not.toEqual(normalise(a));
  expect(normalise({ ttl: 0 })).toEqual({ ttl: 0 });
  expect(normalise({ status: 'JQ#2026-01-01T00:00:00Z', key: '#key#RETBZ5E64N7QYRVN4XCDX7U22Y======' })).toEqual({ status: 'JQ#<time>', key: '#key#<key-id>' });
});

test('offset tokens are compared verbatim unless their payload embeds a varying value', () => {
  expect(normaliseOffset(token({ key: '#asset#a', username: 'u' }))).toBe(token({ key: '#asset#a', username: 'u' }));
  expect(normaliseOffset(token({ status: 'JQ#2026-01-01T00:00:00Z' }))).toBe('<offset {"status":"JQ#<time>"}>');
  expect(normaliseRequestLine(`GET /my?key=x&offset=${token({ status: 'JQ#2026-01-01T00:00:00Z' })}`)).toBe(
    `GET /my?key=x&offset=${encodeURIComponent('<offset {"status":"JQ#<time>"}>').replace(/%20/g, '+')}`,
  );
});
