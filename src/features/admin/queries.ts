// Reads for the secretariat's pages. Everything here is for the secretariat only (the routes have
// checked that); results are view shapes, so snake_case stops in this file.
import { hiraganaToKatakana } from '../../domain/kana.ts';
import { sql, type Kysely } from 'kysely';
import { contains } from '../../db/dialect.ts';
import type { AccountStatus, Database, GovernmentKind, NotificationFrequency, Role } from '../../db/schema.ts';
import { toInstant } from '../../domain/japanese-date.ts';
import { normalizeForSearch } from '../../domain/search-text.ts';
import { preferencesOf, type NotificationKind } from '../notifications/index.ts';
import type { AccountFilter, AuditFilter } from './form.ts';

export const accountsPageSize = 50;
export const auditPageSize = 100;

export interface LocalGovernmentRef {
  code: string;
  name: string;
  prefectureName: string;
  kind: GovernmentKind;
  isWard: boolean;
}

export interface AuditEntry {
  id: string;
  occurredAt: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  /** The target account's email, when the target is an account that still exists. */
  targetEmail: string | null;
  ip: string;
  detail: Array<[string, string]>;
}

// ---------------------------------------------------------------------------------------------
// Dashboard

export interface DashboardSummary {
  pendingApprovals: number;
  /** Count of accounts by role, then by status. */
  accounts: Record<Role, Record<AccountStatus, number>>;
  registeredMembers: number;
  latestEvents: AuditEntry[];
}

export async function dashboardSummary(db: Kysely<Database>): Promise<DashboardSummary> {
  const counts = await db
    .selectFrom('accounts')
    .select(['role', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['role', 'status'])
    .execute();
  const empty = (): Record<AccountStatus, number> => ({ pending_email: 0, pending_approval: 0, active: 0, disabled: 0, rejected: 0 });
  const accounts: Record<Role, Record<AccountStatus, number>> = { secretariat: empty(), ward_staff: empty(), member: empty() };
  let pendingApprovals = 0;
  for (const row of counts) {
    const byStatus = accounts[row.role];
    if (byStatus && row.status in byStatus) byStatus[row.status] = Number(row.n);
    if (row.status === 'pending_approval') pendingApprovals += Number(row.n);
  }
  const members = await db.selectFrom('registered_members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const { items } = await listAuditEvents(db, { action: '', actor: '', from: '', to: '', page: 1 }, 10);
  return { pendingApprovals, accounts, registeredMembers: Number(members.n), latestEvents: items };
}

// ---------------------------------------------------------------------------------------------
// Approval queue

export interface Application {
  id: string;
  appliedAt: string;
  email: string;
  role: Role;
  localGovernment: LocalGovernmentRef | null;
  department: string;
  fullName: string;
  fullNameKana: string;
  displayName: string;
  phone: string;
  /** Domains on the allowlist for the applicant's local government. */
  allowedDomains: string[];
  /** The email's domain is on that list (or is a subdomain of a listed domain). */
  domainMatches: boolean;
}

function localGovernmentQuery(db: Kysely<Database>) {
  return db
    .selectFrom('local_governments as lg')
    .leftJoin('local_governments as pref', (join) => join.onRef('pref.prefecture_code', '=', 'lg.prefecture_code').on('pref.level', '=', 'prefecture'));
}

async function localGovernmentsByCode(db: Kysely<Database>, codes: string[]): Promise<Map<string, LocalGovernmentRef>> {
  if (codes.length === 0) return new Map();
  const rows = await localGovernmentQuery(db)
    .select(['lg.code', 'lg.name', 'lg.kind', 'pref.name as prefecture_name'])
    .where('lg.code', 'in', [...new Set(codes)])
    .execute();
  return new Map(
    rows.map((r) => [r.code, { code: r.code, name: r.name, prefectureName: r.prefecture_name ?? '', kind: r.kind, isWard: r.kind === '特別区' }]),
  );
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function domainAllowed(email: string, allowed: string[]): boolean {
  const domain = domainOf(email);
  return allowed.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** Applications waiting for a decision, oldest first. */
export async function listPendingApplications(db: Kysely<Database>): Promise<Application[]> {
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'created_at', 'email', 'role', 'local_government_code', 'department', 'full_name', 'full_name_kana', 'display_name', 'phone'])
    .where('status', '=', 'pending_approval')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const codes = rows.map((r) => r.local_government_code).filter((c): c is string => c !== null);
  const governments = await localGovernmentsByCode(db, codes);
  const domains = new Map<string, string[]>();
  if (codes.length > 0) {
    const domainRows = await db.selectFrom('mail_domains').select(['local_government_code', 'domain']).where('local_government_code', 'in', [...new Set(codes)]).orderBy('domain').execute();
    for (const d of domainRows) domains.set(d.local_government_code, [...(domains.get(d.local_government_code) ?? []), d.domain]);
  }
  return rows.map((r) => {
    const allowedDomains = (r.local_government_code && domains.get(r.local_government_code)) || [];
    return {
      id: r.id,
      appliedAt: r.created_at,
      email: r.email,
      role: r.role,
      localGovernment: r.local_government_code ? (governments.get(r.local_government_code) ?? null) : null,
      department: r.department,
      fullName: r.full_name,
      fullNameKana: r.full_name_kana,
      displayName: r.display_name,
      phone: r.phone,
      allowedDomains,
      domainMatches: domainAllowed(r.email, allowedDomains),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Accounts

export interface AccountListItem {
  id: string;
  email: string;
  displayName: string;
  fullName: string;
  role: Role;
  status: AccountStatus;
  localGovernment: LocalGovernmentRef | null;
  createdAt: string;
  isSample: boolean;
}


export async function listAccounts(db: Kysely<Database>, filter: AccountFilter): Promise<{ total: number; items: AccountListItem[] }> {
  let query = db.selectFrom('accounts').leftJoin('local_governments as lg', 'lg.code', 'accounts.local_government_code');
  if (filter.role) query = query.where('accounts.role', '=', filter.role);
  if (filter.status) query = query.where('accounts.status', '=', filter.status);
  for (const raw of filter.q.split(/\s+/).filter(Boolean)) {
    const term = raw.normalize('NFKC');
    const lower = term.toLowerCase();
    const normalized = normalizeForSearch(term);
    query = query.where((eb) =>
      eb.or([
        contains(eb.fn<string>('lower', [eb.ref('accounts.email')]), lower),
        contains(eb.ref('accounts.full_name'), term),
        contains(eb.ref('accounts.full_name_kana'), hiraganaToKatakana(term)),
        contains(eb.fn<string>('lower', [eb.ref('accounts.display_name')]), lower),
        ...(normalized ? [contains(eb.fn.coalesce('lg.search_text', sql<string>`''`), normalized)] : []),
      ]),
    );
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'accounts.id',
      'accounts.email',
      'accounts.display_name',
      'accounts.full_name',
      'accounts.role',
      'accounts.status',
      'accounts.local_government_code',
      'accounts.created_at',
      'accounts.is_sample',
    ])
    .orderBy('accounts.created_at', 'desc')
    .orderBy('accounts.id')
    .limit(accountsPageSize)
    .offset((filter.page - 1) * accountsPageSize)
    .execute();
  const governments = await localGovernmentsByCode(db, rows.map((r) => r.local_government_code).filter((c): c is string => c !== null));
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      fullName: r.full_name,
      role: r.role,
      status: r.status,
      localGovernment: r.local_government_code ? (governments.get(r.local_government_code) ?? null) : null,
      createdAt: r.created_at,
      isSample: r.is_sample === 1,
    })),
  };
}

export interface AccountDetail {
  id: string;
  email: string;
  role: Role;
  status: AccountStatus;
  localGovernment: LocalGovernmentRef | null;
  department: string;
  fullName: string;
  fullNameKana: string;
  displayName: string;
  phone: string;
  termsAcceptedAt: string | null;
  emailVerifiedAt: string | null;
  decidedAt: string | null;
  decidedByEmail: string | null;
  decisionReason: string | null;
  disabledAt: string | null;
  /** The reason given when the account was last disabled (from the audit log). */
  disableReason: string | null;
  twoFactorEnabledAt: string | null;
  passwordChangedAt: string;
  /** How often the account gets mail for each kind of notification (its choice or the kind's default). */
  notificationSettings: Record<NotificationKind, NotificationFrequency>;
  isSample: boolean;
  createdAt: string;
  updatedAt: string;
  liveSessions: number;
  lastSignIn: { at: string; ip: string } | null;
}

export async function findAccount(db: Kysely<Database>, id: string): Promise<AccountDetail | undefined> {
  const a = await db
    .selectFrom('accounts')
    .leftJoin('accounts as decider', 'decider.id', 'accounts.decided_by')
    .select([
      'accounts.id',
      'accounts.email',
      'accounts.role',
      'accounts.status',
      'accounts.local_government_code',
      'accounts.department',
      'accounts.full_name',
      'accounts.full_name_kana',
      'accounts.display_name',
      'accounts.phone',
      'accounts.terms_accepted_at',
      'accounts.email_verified_at',
      'accounts.decided_at',
      'decider.email as decided_by_email',
      'accounts.decision_reason',
      'accounts.disabled_at',
      'accounts.totp_enabled_at',
      'accounts.password_changed_at',
      'accounts.is_sample',
      'accounts.created_at',
      'accounts.updated_at',
    ])
    .where('accounts.id', '=', id)
    .executeTakeFirst();
  if (!a) return undefined;
  const now = new Date().toISOString();
  const [governments, sessions, signIn, disabled, notificationSettings] = await Promise.all([
    localGovernmentsByCode(db, a.local_government_code ? [a.local_government_code] : []),
    db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', id)
      .where('stage', '=', 'authenticated')
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_events')
      .select(['occurred_at', 'ip'])
      .where('action', '=', 'auth.sign_in')
      .where('actor_account_id', '=', id)
      .orderBy('occurred_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    a.status === 'disabled'
      ? db
          .selectFrom('audit_events')
          .select('detail')
          .where('action', '=', 'account.disabled')
          .where('target_type', '=', 'account')
          .where('target_id', '=', id)
          .orderBy('occurred_at', 'desc')
          .limit(1)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    preferencesOf(db, id),
  ]);
  const disableReason = disabled ? parseDetail(disabled.detail)['reason'] : undefined;
  return {
    id: a.id,
    email: a.email,
    role: a.role,
    status: a.status,
    localGovernment: a.local_government_code ? (governments.get(a.local_government_code) ?? null) : null,
    department: a.department,
    fullName: a.full_name,
    fullNameKana: a.full_name_kana,
    displayName: a.display_name,
    phone: a.phone,
    termsAcceptedAt: a.terms_accepted_at,
    emailVerifiedAt: a.email_verified_at,
    decidedAt: a.decided_at,
    decidedByEmail: a.decided_by_email,
    decisionReason: a.decision_reason,
    disabledAt: a.disabled_at,
    disableReason: typeof disableReason === 'string' && disableReason !== '' ? disableReason : null,
    twoFactorEnabledAt: a.totp_enabled_at,
    passwordChangedAt: a.password_changed_at,
    notificationSettings,
    isSample: a.is_sample === 1,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    liveSessions: Number(sessions.n),
    lastSignIn: signIn ? { at: signIn.occurred_at, ip: signIn.ip } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Mail-domain allowlist

export interface MailDomainEntry {
  localGovernment: LocalGovernmentRef;
  domain: string;
  createdAt: string;
}

export async function listMailDomains(db: Kysely<Database>): Promise<MailDomainEntry[]> {
  const rows = await db
    .selectFrom('mail_domains')
    .innerJoin('local_governments as lg', 'lg.code', 'mail_domains.local_government_code')
    .leftJoin('local_governments as pref', (join) => join.onRef('pref.prefecture_code', '=', 'lg.prefecture_code').on('pref.level', '=', 'prefecture'))
    .select(['lg.code', 'lg.name', 'lg.kind', 'pref.name as prefecture_name', 'mail_domains.domain', 'mail_domains.created_at'])
    .orderBy('lg.code')
    .orderBy('mail_domains.domain')
    .execute();
  return rows.map((r) => ({
    localGovernment: { code: r.code, name: r.name, prefectureName: r.prefecture_name ?? '', kind: r.kind, isWard: r.kind === '特別区' },
    domain: r.domain,
    createdAt: r.created_at,
  }));
}

export async function localGovernmentExists(db: Kysely<Database>, code: string): Promise<boolean> {
  const row = await db.selectFrom('local_governments').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Audit log

/** The detail JSON as [key, value-as-text] pairs; anything unreadable is shown raw. */
export function detailEntries(json: string): Array<[string, string]> {
  return Object.entries(parseDetail(json)).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)]);
}

function parseDetail(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    return { value };
  } catch {
    return { raw: json };
  }
}

/** The first instant after the end of a JST day given as YYYY-MM-DD. */
function endOfJstDay(day: string): string {
  return new Date(toInstant(day).getTime() + 24 * 60 * 60_000).toISOString();
}

export async function listAuditEvents(db: Kysely<Database>, filter: AuditFilter, pageSize = auditPageSize): Promise<{ total: number; items: AuditEntry[] }> {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('accounts as actor', 'actor.id', 'audit_events.actor_account_id')
    .leftJoin('accounts as target', (join) => join.onRef('target.id', '=', 'audit_events.target_id').on('audit_events.target_type', '=', 'account'));
  if (filter.action) query = query.where('audit_events.action', '=', filter.action);
  if (filter.actor) query = query.where((eb) => contains(eb.fn<string>('lower', [eb.ref('actor.email')]), filter.actor));
  if (filter.from) query = query.where('audit_events.occurred_at', '>=', toInstant(filter.from).toISOString());
  if (filter.to) query = query.where('audit_events.occurred_at', '<', endOfJstDay(filter.to));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'audit_events.id',
      'audit_events.occurred_at',
      'audit_events.action',
      'audit_events.actor_account_id',
      'actor.email as actor_email',
      'audit_events.target_type',
      'audit_events.target_id',
      'target.email as target_email',
      'audit_events.ip',
      'audit_events.detail',
    ])
    .orderBy('audit_events.occurred_at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(pageSize)
    .offset((filter.page - 1) * pageSize)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      action: r.action,
      actorId: r.actor_account_id,
      actorEmail: r.actor_email,
      targetType: r.target_type,
      targetId: r.target_id,
      targetEmail: r.target_email,
      ip: r.ip,
      detail: detailEntries(r.detail),
    })),
  };
}
