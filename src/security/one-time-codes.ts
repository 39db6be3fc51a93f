// Codes mailed to people (6 digits: many municipal mail systems strip links) and backup codes.
// Only keyed hashes are stored.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const oneTimeCodeRules = { digits: 6, validMs: 10 * 60_000, maxAttempts: 5 } as const;

export function generateNumericCode(digits: number = oneTimeCodeRules.digits): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

/** Backup codes: 10 characters from an alphabet without look-alikes, shown as xxxxx-xxxxx. */
export function generateBackupCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let code = '';
  for (let i = 0; i < 10; i++) code += alphabet[randomInt(0, alphabet.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function normalizeCode(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '').toLowerCase();
}

export function hashCode(secret: string, code: string): string {
  return createHmac('sha256', secret).update(normalizeCode(code)).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
