// The unsubscribe link in every notification mail works without signing in, so the link itself
// must prove who may use it: it carries the account id, the scope (one kind, or 'all') and an
// HMAC-SHA256 over both. Changing either breaks the HMAC; nobody without the server's key can make
// one. The key is derived from SESSION_SECRET (required in production) with its own label, so the
// same secret never signs two kinds of thing. Rotating SESSION_SECRET ends old links (a member then
// signs in and changes the settings) — acceptable for a one-click convenience.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isNotificationKind, type NotificationKind } from './kinds.ts';

export type UnsubscribeScope = NotificationKind | 'all';

export interface UnsubscribeClaim {
  accountId: string;
  scope: UnsubscribeScope;
}

function keyFrom(secret: string): Buffer {
  return createHmac('sha256', secret).update('renkei:notification-unsubscribe:v1').digest();
}

function macOf(secret: string, accountId: string, scope: UnsubscribeScope): string {
  return createHmac('sha256', keyFrom(secret)).update(`${accountId}\n${scope}`).digest('base64url');
}

/** `<account id>.<scope>.<mac>`: URL-safe as it is. */
export function unsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  return `${claim.accountId}.${claim.scope}.${macOf(secret, claim.accountId, claim.scope)}`;
}

/** The claim of a genuine token; undefined for anything forged, altered or malformed. */
export function verifyUnsubscribeToken(secret: string, token: unknown): UnsubscribeClaim | undefined {
  if (typeof token !== 'string' || token.length > 200) return undefined;
  const match = /^([A-Za-z0-9-]{1,64})\.([a-z]{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, accountId = '', scope = '', mac = ''] = match;
  if (scope !== 'all' && !isNotificationKind(scope)) return undefined;
  const expected = Buffer.from(macOf(secret, accountId, scope));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { accountId, scope };
}
