/** The offset key ring: rotation keeps tokens valid, MACs compare as text; the secret read through the emulator. */
import { decodeOffset, encodeOffset, parseOffsetKeyRing } from '../../shared/db/offset';
import { readSecret } from '../../shared/config/secrets';
import { startSecretsManager } from '../../local/emulators';
import { rotatedKeyRing } from '../../lambdas/offset-key-rotation/key-ring';

const key = (c: string) => c.repeat(40);
const scope = '["tenant","",""]';
const start = { username: 'tenant', key: '#asset#a' };

test('a token signed before a rotation still verifies after it; two rotations later it does not', () => {
  const first = { current: key('a') };
  const token = encodeOffset(first, scope, start);
  // The generated secret has no staged key: the first rotation only stages one, signing is unchanged.
  const staged = rotatedKeyRing(first, key('b'));
  expect(staged).toEqual({ current: key('a'), next: key('b') });
  const second = rotatedKeyRing(staged, key('c'));
  expect(second).toEqual({ current: key('b'), previous: key('a'), next: key('c') });
  expect(decodeOffset(second, scope, token)).toEqual(start);
  expect(() => decodeOffset(rotatedKeyRing(rotatedKeyRing(second, key('d')), key('e')), scope, token)).toThrow('invalid offset');
});

test('a process still holding the ring before a rotation and a rotated one accept each other', () => {
  const before = { current: key('a'), next: key('b') }; // a Fargate task started before the rotation
  const after = rotatedKeyRing(before, key('c')); // a Lambda that re-read the secret
  expect(decodeOffset(before, scope, encodeOffset(after, scope, start))).toEqual(start);
  expect(decodeOffset(after, scope, encodeOffset(before, scope, start))).toEqual(start);
  // A ring that never held a key does not accept it.
  expect(() => decodeOffset({ current: key('a') }, scope, encodeOffset({ current: key('z') }, scope, start))).toThrow('invalid offset');
});

test('tampered, truncated or other-scope tokens are 400s', () => {
  const ring = { current: key('a') };
  const token = encodeOffset(ring, scope, start);
  const [payload, mac] = token.split('.');
  for (const bad of [`${payload}.${mac.slice(1)}`, `${payload}.${mac}x`, `${payload}x.${mac}`, `${payload}.${'é'.repeat(22)}`, payload, `${token}.x`]) {
    expect(() => decodeOffset(ring, scope, bad)).toThrow('invalid offset');
  }
  expect(() => decodeOffset(ring, '["other","",""]', token)).toThrow('invalid offset');
});

test('the key ring secret is checked at parse time', () => {
  expect(parseOffsetKeyRing(JSON.stringify({ current: key('a'), previous: key('b') }))).toEqual({ current: key('a'), previous: key('b') });
  expect(parseOffsetKeyRing(JSON.stringify({ current: key('a'), next: key('c') }))).toEqual({ current: key('a'), next: key('c') });
  expect(() => parseOffsetKeyRing(JSON.stringify({ current: key('a'), next: 'short' }))).toThrow('at least 32');
  expect(() => parseOffsetKeyRing('not json')).toThrow(/JSON/);
  expect(() => parseOffsetKeyRing(JSON.stringify({ current: 'short' }))).toThrow(/32 characters/);
});

test('secrets are read through Powertools Parameters from the Secrets Manager emulator (AWS_ENDPOINT_URL_SECRETS_MANAGER)', async () => {
  const emulator = await startSecretsManager();
  const saved = { ...process.env };
  try {
    Object.assign(process.env, emulator.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
    const arn = emulator.put('chariot/offset-key', JSON.stringify({ current: key('a') }));
    expect(arn).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:chariot\/offset-key-.{6}$/);
    expect(parseOffsetKeyRing(await readSecret(arn))).toEqual({ current: key('a') });
    // Over the SDK: PutSecretValue, as the rotation Lambda writes; the cached value stays until its max age.
    const { PutSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const client = new SecretsManagerClient({});
    await client.send(new PutSecretValueCommand({ SecretId: arn, SecretString: JSON.stringify({ current: key('b'), previous: key('a') }) }));
    client.destroy();
    expect(emulator.get(arn)).toContain(key('b'));
    await expect(readSecret(`${arn}-missing`)).rejects.toThrow();
  } finally {
    process.env = saved;
    await emulator.stop();
  }
});
