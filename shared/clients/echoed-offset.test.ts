import { decodeEchoedOffset } from './echoed-offset';

describe('offsets as the clients echo them', () => {
  const token = 'eyJrZXkiOiIjYXNzZXQjYS5jb20jYS5jb20ifQ.mEa0Qm1t-_x';

  test('JSON.stringify / json.dumps of the returned token (every client) gives the token', () => {
    expect(decodeEchoedOffset(JSON.stringify(token))).toBe(token);
  });

  test('a raw token (curl, the contract suite) is taken as sent: our tokens are never valid JSON', () => {
    expect(decodeEchoedOffset(token)).toBe(token);
  });

  test('a JSON value that is not a string is no token of ours: its text goes on to fail verification', () => {
    expect(decodeEchoedOffset('3')).toBe('3');
    expect(decodeEchoedOffset('{"key":"#asset#"}')).toBe('{"key":"#asset#"}');
  });
});
