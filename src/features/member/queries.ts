// Reads for the member area, always of the signed-in person's own records. Returns view shapes.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { sessionLimits } from '../../db/sessions.ts';
import { sessionRefLength } from './form.ts';

export interface MemberProfile {
  email: string;
  displayName: string;
  department: string;
  fullName: string;
  fullNameKana: string;
  phone: string;
  twoFactorEnabledAt: string | null;
}

export async function getProfile(db: Kysely<Database>, accountId: string): Promise<MemberProfile> {
  const row = await db
    .selectFrom('accounts')
    .select(['email', 'display_name', 'department', 'full_name', 'full_name_kana', 'phone', 'totp_enabled_at'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return {
    email: row.email,
    displayName: row.display_name,
    department: row.department,
    fullName: row.full_name,
    fullNameKana: row.full_name_kana,
    phone: row.phone,
    twoFactorEnabledAt: row.totp_enabled_at,
  };
}

/** What a password check needs; kept out of the profile so the hash never reaches a view. */
export async function getCredentials(db: Kysely<Database>, accountId: string): Promise<{ passwordHash: string; totpSecret: string | null }> {
  const row = await db.selectFrom('accounts').select(['password_hash', 'totp_secret']).where('id', '=', accountId).executeTakeFirstOrThrow();
  return { passwordHash: row.password_hash, totpSecret: row.totp_secret };
}

export interface MyMunicipality {
  code: string;
  name: string;
  kana: string;
  prefectureName: string;
  /** 'YYYY-MM-DD' when the municipality is a registered member. */
  memberSince: string | null;
}

export async function getMyMunicipality(db: Kysely<Database>, code: string): Promise<MyMunicipality | undefined> {
  const row = await db
    .selectFrom('local_governments as lg')
    .leftJoin('local_governments as pref', (join) => join.onRef('pref.prefecture_code', '=', 'lg.prefecture_code').on('pref.level', '=', 'prefecture'))
    .leftJoin('registered_members as rm', 'rm.local_government_code', 'lg.code')
    .select(['lg.code', 'lg.name', 'lg.kana', 'lg.level', 'pref.name as prefecture_name', 'rm.joined_on'])
    .where('lg.code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    code: row.code,
    name: row.name,
    kana: row.kana,
    prefectureName: row.level === 'prefecture' ? '' : (row.prefecture_name ?? ''),
    memberSince: row.joined_on ?? null,
  };
}

/** The events shown under お知らせ: sign-ins and changes to how the account is protected. */
export const securityActions = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_locked',
  'auth.password_changed',
  'auth.password_reset',
  'auth.two_factor_enabled',
  'auth.two_factor_disabled',
  'auth.backup_codes_regenerated',
  'auth.backup_code_used',
  'session.revoked',
] as const;
export type SecurityAction = (typeof securityActions)[number];

export interface SecurityEvent {
  occurredAt: string;
  action: SecurityAction;
  ip: string;
}

export async function listSecurityEvents(db: Kysely<Database>, accountId: string, limit = 5): Promise<SecurityEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['occurred_at', 'action', 'ip'])
    .where('action', 'in', [...securityActions])
    .where((eb) => eb.or([eb('actor_account_id', '=', accountId), eb.and([eb('target_type', '=', 'account'), eb('target_id', '=', accountId)])]))
    .orderBy('occurred_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ occurredAt: r.occurred_at, action: r.action as SecurityAction, ip: r.ip }));
}

export async function countUnusedBackupCodes(db: Kysely<Database>, accountId: string): Promise<number> {
  const { n } = await db
    .selectFrom('account_backup_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export interface LiveSession {
  /** The first 16 hex characters of the id hash: how the revoke form names a session. */
  ref: string;
  idHash: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string;
  browser: string | null;
  os: string | null;
  isCurrent: boolean;
}

/**
 * The account's signed-in sessions that are still live, newest activity first. A person has few
 * sessions, so expiry is checked here in plain code, the same way findSession does.
 */
export async function listLiveSessions(db: Kysely<Database>, accountId: string, currentIdHash: string, now = new Date()): Promise<LiveSession[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id_hash', 'stage', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('account_id', '=', accountId)
    .where('stage', '=', 'authenticated')
    .execute();
  return rows
    .filter((r) => new Date(r.expires_at) > now && now.getTime() - new Date(r.last_seen_at).getTime() <= sessionLimits.idleMs)
    .map((r) => ({
      ref: r.id_hash.slice(0, sessionRefLength),
      idHash: r.id_hash,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      ip: r.ip,
      ...describeUserAgent(r.user_agent),
      isCurrent: r.id_hash === currentIdHash,
    }))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || b.lastSeenAt.localeCompare(a.lastSeenAt));
}

/** A rough, human name for a browser and system, from the User-Agent header. */
export function describeUserAgent(userAgent: string): { browser: string | null; os: string | null } {
  const ua = userAgent;
  const browser = /Edg(e|A|iOS)?\//.test(ua)
    ? 'Microsoft Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /Firefox\/|FxiOS\//.test(ua)
        ? 'Firefox'
        : /Chrome\/|CriOS\//.test(ua)
          ? 'Google Chrome'
          : /Safari\//.test(ua) && /Version\//.test(ua)
            ? 'Safari'
            : /Trident\//.test(ua)
              ? 'Internet Explorer'
              : null;
  const os = /Windows NT/.test(ua)
    ? 'Windows'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Android/.test(ua)
        ? 'Android'
        : /CrOS/.test(ua)
          ? 'ChromeOS'
          : /Mac OS X|Macintosh/.test(ua)
            ? 'macOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null;
  return { browser, os };
}
