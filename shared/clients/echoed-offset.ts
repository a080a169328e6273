/**
 * The `offset` as clients send it back. Every client passes the previous answer's `offset` through
 * `JSON.stringify` / `json.dumps` before sending it (chariot-ui src/hooks/useMy.ts, praetorian-cli sdk/chariot.py
 * `my`), so a string token `abc.def` arrives as `"abc.def"`, quotes included. Decoded ONCE: valid JSON that is a
 * string gives that string; anything that is not JSON is taken raw (curl users, the contract suite). Our tokens
 * (`<base64url>.<base64url>`) are never valid JSON, so the two readings cannot collide. A JSON value that is not a
 * string (a number, an object) is no token we issued: it is returned as its text and fails verification (400).
 */
export function decodeEchoedOffset(sent: string): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(sent);
  } catch {
    return sent;
  }
  return typeof decoded === 'string' ? decoded : sent;
}
