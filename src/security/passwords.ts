// Password rules (ASVS 5.0 §6.2) and hashing with argon2id (@node-rs/argon2, OWASP parameters).
// At least 8 and up to 128 characters, any characters, paste allowed, no composition rules, no
// forced rotation; the 50,000 most common passwords of 8+ characters are refused.
import { hash, verify } from '@node-rs/argon2';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const commonPasswords = require('fxa-common-password-list') as { test(password: string): boolean };

export const passwordLength = { min: 8, max: 128 } as const;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** How each refusal is explained, wherever a new password is chosen (registration, reset, change). */
export const passwordProblemMessages: Record<PasswordProblem, { ja: string; en: string }> = {
  too_short: { ja: '8文字以上で入力してください。', en: 'Use at least 8 characters.' },
  too_long: { ja: '128文字以内で入力してください。', en: 'Use at most 128 characters.' },
  common: {
    ja: 'よく使われているパスワードのため使用できません。別のパスワードを入力してください。',
    en: 'This password is too common. Choose another one.',
  },
  contains_email: { ja: 'メールアドレスの一部を含むパスワードは使用できません。', en: 'The password must not contain part of your email address.' },
};

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordLength.min) return 'too_short';
  if (length > passwordLength.max) return 'too_long';
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) return 'common';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return 'contains_email';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the account does not exist, so timing does not tell. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash('decoy-password-for-timing');
  return decoyHash;
}
