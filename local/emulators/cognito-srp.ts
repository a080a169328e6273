/**
 * The server side of Cognito's SRP-6a (`USER_SRP_AUTH` → `PASSWORD_VERIFIER`), the math the clients
 * (amazon-cognito-identity-js's AuthenticationHelper, Amplify v6's srp helpers) do on their side:
 * RFC 5054's 3072-bit group, g = 2, SHA-256, k = H(N | g), x = H(salt | H(poolName userId ":" password)),
 * u = H(A | B), K = HKDF(S, u, "Caldera Derived Key")[0..16], and the claim signature
 * HMAC(K, poolName | userId | secretBlock | timestamp). Hex values are hashed "padded" as the clients
 * do (an even number of digits, and a leading 00 when the top bit is set).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/** The clients' padHex: even length, and 00 in front when the first digit has its top bit set (a positive number). */
export function padHex(value: bigint): string {
  const hex = value.toString(16);
  if (hex.length % 2 === 1) return `0${hex}`;
  return '89abcdef'.includes(hex[0]) ? `00${hex}` : hex;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const hexHash = (hex: string) => sha256(Buffer.from(hex, 'hex')).toString('hex');
const toBig = (hex: string) => BigInt(`0x${hex}`);

const k = toBig(hexHash(padHex(N) + padHex(g)));

/** A challenge in progress: what the server sends (salt, B) and keeps (b, v). */
export interface SrpChallenge {
  readonly saltHex: string;
  readonly srpB: string;
  readonly secretBlock: string;
  readonly b: bigint;
  readonly verifier: bigint;
  readonly B: bigint;
}

/**
 * Starts a challenge for a user whose password the emulator knows: the verifier v = g^x is derived
 * from it with a fresh salt, so nothing but the plain password needs to be stored.
 */
export function startChallenge(poolName: string, userId: string, password: string): SrpChallenge {
  const saltHex = padHex(toBig(randomBytes(16).toString('hex')));
  const x = toBig(hexHash(padHex(toBig(saltHex)) + sha256(`${poolName}${userId}:${password}`).toString('hex')));
  const verifier = modPow(g, x, N);
  let b: bigint;
  let B: bigint;
  do {
    b = toBig(randomBytes(128).toString('hex')) % N;
    B = (k * verifier + modPow(g, b, N)) % N;
  } while (B === 0n);
  return { saltHex, srpB: B.toString(16), secretBlock: randomBytes(64).toString('base64'), b, verifier, B };
}

/** Whether the client's PASSWORD_CLAIM_SIGNATURE proves it knows the password (false for a bad A, too). */
export function verifyClaim(
  challenge: SrpChallenge,
  poolName: string,
  userId: string,
  claim: { srpA: string; secretBlock: string; timestamp: string; signature: string },
): boolean {
  if (!/^[0-9a-fA-F]+$/.test(claim.srpA) || claim.secretBlock !== challenge.secretBlock) return false;
  const A = toBig(claim.srpA);
  if (A % N === 0n) return false;
  const u = toBig(hexHash(padHex(A) + padHex(challenge.B)));
  if (u === 0n) return false;
  const S = modPow((A * modPow(challenge.verifier, u, N)) % N, challenge.b, N);
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  const key = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])])).digest().subarray(0, 16);
  const expected = createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(poolName), Buffer.from(userId), Buffer.from(claim.secretBlock, 'base64'), Buffer.from(claim.timestamp)]))
    .digest();
  const given = Buffer.from(claim.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
