/**
 * Password hashing with node:crypto's scrypt: a random 16-byte salt per password, the
 * parameters stored beside the hash (`scrypt$N$r$p$salt$hash`, base64) so they can be raised
 * later without locking anyone out, and a timing-safe comparison. The password itself is never
 * stored or logged. It is NFC-normalised first, so the same characters typed through another
 * input method hash the same.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
// scrypt needs 128·N·r bytes; Node's default cap (32 MB) is just enough for N = 2^14, r = 8.
const MAX_MEMORY = 64 * 1024 * 1024;

export function hashPassword(password: string): string {
  const salt = randomBytes(SALT_BYTES);
  const key = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A well-formed hash made with the same password? Malformed or absent hashes never match. */
export function verifyPassword(password: string, stored: string | null): boolean {
  const parsed = stored === null ? null : parseHash(stored);
  if (!parsed) {
    // Spend the same time as a real check, so a missing account is not told apart by timing.
    scryptSync(password.normalize('NFC'), DUMMY_SALT, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY });
    return false;
  }
  const key = scryptSync(password.normalize('NFC'), parsed.salt, parsed.key.length, {
    N: parsed.n,
    r: parsed.r,
    p: parsed.p,
    maxmem: MAX_MEMORY,
  });
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

const DUMMY_SALT = Buffer.alloc(SALT_BYTES);

function parseHash(stored: string): { n: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  const sane = [n, r, p].every((x) => Number.isInteger(x) && x > 0) && n <= 1 << 20 && salt.length > 0 && key.length >= 16;
  return sane ? { n, r, p, salt, key } : null;
}
