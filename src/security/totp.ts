// TOTP (RFC 6238) with the otpauth library: 30-second steps, 6 digits, SHA-1 (what every
// authenticator app supports), one step of clock drift either way.
import { Secret, TOTP } from 'otpauth';

const issuer = '特別区全国連携プロジェクト';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// URI that authenticator apps read from a QR code. */
export function totpUri(secret: string, accountEmail: string): string {
  return totp(secret, accountEmail).toString();
}

export function verifyTotp(secret: string, code: string, timestamp = Date.now()): boolean {
  return matchTotpStep(secret, code, timestamp) !== null;
}

/** The time step (30-second counter) the code belongs to, or null when it is wrong. */
export function matchTotpStep(secret: string, code: string, timestamp = Date.now()): number | null {
  const token = code.normalize('NFKC').replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret, 'check').validate({ token, timestamp, window: 1 });
  return delta === null ? null : Math.floor(timestamp / 1000 / 30) + delta;
}

/** For tests and the demo: the code an authenticator would show now. */
export function currentTotp(secret: string, timestamp = Date.now()): string {
  return totp(secret, 'demo').generate({ timestamp });
}
