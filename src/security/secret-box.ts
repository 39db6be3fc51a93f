// Secrets kept in the database that the app must read back (TOTP seeds), sealed with AES-256-GCM
// under a key from the environment (TOTP_ENCRYPTION_KEY): a copy of the database alone does not
// give anyone the second factor. Stored as `v1:` + base64url(12-byte IV | 16-byte tag | ciphertext);
// the version names the format (and, later, the key) so that a rotation can tell values apart.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const version = 'v1:';

export function isSealed(stored: string): boolean {
  return stored.startsWith(version);
}

/** Seals `plaintext` under the 32-byte `key`; every call uses a fresh random IV. */
export function sealSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${version}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/**
 * The plaintext of a sealed value; throws when the key is wrong or the value was tampered with.
 * A value that is not sealed (a TOTP seed stored before encryption, or written by an instance of
 * the previous release during a rolling deploy) is returned as it is; the app seals those at start.
 */
export function openSecret(key: Buffer, stored: string): string {
  if (!isSealed(stored)) return stored;
  const raw = Buffer.from(stored.slice(version.length), 'base64url');
  if (raw.length < 12 + 16) throw new Error('sealed secret too short');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
