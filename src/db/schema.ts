// The database's shape as Kysely sees it. Table interfaces appear only inside `Database`;
// code elsewhere uses the Selectable/Insertable aliases below.
// Engine-neutral conventions (both SQLite and PostgreSQL):
// - flags are integers 0/1 (SQLite has no boolean; one representation keeps queries identical);
// - dates are ISO 'YYYY-MM-DD' strings and timestamps ISO-8601 UTC strings (pg parsers in index.ts).
import type { Generated, Insertable, Selectable } from 'kysely';

export type GovernmentLevel = 'prefecture' | 'municipality';
export type GovernmentKind = '都' | '道' | '府' | '県' | '市' | '町' | '村' | '特別区';

export interface LocalGovernmentsTable {
  /** 全国地方公共団体コード, 6 digits with its check digit. */
  code: string;
  level: GovernmentLevel;
  /** JIS X 0401 prefecture code, 2 digits. */
  prefecture_code: string;
  name: string;
  /** Reading in hiragana, e.g. ちよだく. */
  kana: string;
  kind: GovernmentKind;
  is_designated_city: number;
  /** 0 for codes that exist but are not counted as municipalities in practice (北方領土の村). */
  is_counted: number;
  region: string;
  /** Position in Japanese (Intl.Collator('ja')) order of the reading; computed by the seed. */
  kana_rank: number;
  search_text: string;
  note: string | null;
  /** Validity period, so that mergers can be recorded without reusing codes. */
  valid_from: string | null;
  valid_to: string | null;
}

export type Role = 'secretariat' | 'ward_staff' | 'member';
/**
 * pending_email → (code confirmed) → pending_approval → (secretariat) → active | rejected;
 * active ⇄ disabled by the secretariat.
 */
export type AccountStatus = 'pending_email' | 'pending_approval' | 'active' | 'rejected' | 'disabled';
export type NotificationFrequency = 'immediate' | 'daily' | 'weekly' | 'none';

export interface AccountsTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  /** argon2id (PHC string). */
  password_hash: string;
  role: Role;
  status: AccountStatus;
  /** The municipality (or ward, or prefecture) the person works for; null for the secretariat. */
  local_government_code: string | null;
  department: string;
  full_name: string;
  full_name_kana: string;
  /** Shown on the board instead of the legal name. */
  display_name: string;
  phone: string;
  terms_accepted_at: string | null;
  email_verified_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  disabled_at: string | null;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The last TOTP time step accepted: a code is good once only. */
  totp_last_step: number | null;
  password_changed_at: string;
  notification_frequency: Generated<NotificationFrequency>;
  /** 1 for the demo accounts marked 「サンプル」. */
  is_sample: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AccountBackupCodesTable {
  account_id: string;
  code_hash: string;
  used_at: string | null;
}

export type SessionStage = 'authenticated' | 'second_factor';

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a stolen database does not yield usable cookies. */
  id_hash: string;
  account_id: string;
  /** second_factor: password checked, TOTP still to enter. */
  stage: SessionStage;
  created_at: string;
  last_seen_at: string;
  /** Absolute end of the session, whatever the activity. */
  expires_at: string;
  ip: string;
  user_agent: string;
}

export type OneTimeCodePurpose = 'verify_email' | 'reset_password';

export interface OneTimeCodesTable {
  id: string;
  account_id: string;
  purpose: OneTimeCodePurpose;
  code_hash: string;
  attempts: number;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start_ms: number;
  hits: number;
}

export interface AuditEventsTable {
  id: string;
  /** UTC, ISO 8601; shown in JST. */
  occurred_at: string;
  actor_account_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string;
  /** JSON object with the event's particulars. */
  detail: string;
}

export interface MailDomainsTable {
  local_government_code: string;
  domain: string;
  created_at: string;
  created_by: string | null;
}

export interface RegisteredMembersTable {
  local_government_code: string;
  joined_on: string;
  /** account: the first approved member; manual: recorded by hand for history. */
  source: 'account' | 'manual';
  note: string | null;
}

export interface Database {
  local_governments: LocalGovernmentsTable;
  accounts: AccountsTable;
  account_backup_codes: AccountBackupCodesTable;
  sessions: SessionsTable;
  one_time_codes: OneTimeCodesTable;
  rate_limits: RateLimitsTable;
  audit_events: AuditEventsTable;
  mail_domains: MailDomainsTable;
  registered_members: RegisteredMembersTable;
}

export type LocalGovernmentRow = Selectable<LocalGovernmentsTable>;
export type AccountRow = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type NewLocalGovernment = Insertable<LocalGovernmentsTable>;
