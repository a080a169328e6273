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
  const second = rotatedKeyRing(first, key('b'));
  expect(second).toEqual({ current: key('b'), previous: key('a') });
  expect(decodeOffset(second, scope, token)).toEqual(start);
  // New tokens are signed with the new key only.
  expect(() => decodeOffset(first, scope, encodeOffset(second, scope, start))).toThrow('invalid offset');
  expect(() => decodeOffset(rotatedKeyRing(second, key('c')), scope, token)).toThrow('invalid offset');
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
