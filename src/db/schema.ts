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
  /**
   * Raised when something only this account's pages show changes (read positions, board visits,
   * watches): pages kept for its sessions are stale (migration 2026-12-11T0900, bumpViewRevision).
   */
  view_revision: Generated<number>;
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

/** A revision counter per topic of data (migration 2026-12-06T0900; src/db/revisions.ts). */
export interface DataRevisionsTable {
  topic: string;
  revision: Generated<number>;
}

export interface Database extends RegistryTables, NewsTables, SearchTables, EventTables, SitePageTables, PrTables, JobTables, NotificationTables, MatchingTables, BoardTables {
  data_revisions: DataRevisionsTable;
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

// ─── The collaboration registry (migration 2026-11-30T0900) ─────────────────────────────────────

/** Where a registry record came from; 'sample' and 'synthetic' records are never real facts. */
export type Provenance = 'seed' | 'entry' | 'import' | 'sample' | 'synthetic';
/** A date known only to the month or year is stored as the first day of that period. */
export type DatePrecision = 'day' | 'month' | 'year';

/** Columns every registry record table has. */
interface RecordColumns {
  source_url: string | null;
  notes: Generated<string>;
  provenance: Generated<Provenance>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface WardsTable extends RecordColumns {
  code: string;
  /** 特別区長会 block, 1–5. */
  block: number;
  mayor_name: Generated<string>;
  mayor_as_of: string | null;
  website_url: string | null;
}

export type AgreementCategory = 'friendship' | 'disaster' | 'other';

export interface AgreementTypesTable {
  id: string;
  name: string;
  name_en: Generated<string>;
  category: Generated<AgreementCategory>;
  sort_order: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type GroupKind = 'city_mayors' | 'town_village_mayors';

export interface WideAreaGroupsTable extends RecordColumns {
  id: string;
  name: string;
  prefecture_code: string;
  kind: GroupKind;
  signed_on: string | null;
  signed_on_precision: Generated<DatePrecision>;
  auto_renewal: Generated<number>;
  published_member_count: number | null;
  sort_order: Generated<number>;
}

export interface WideAreaGroupExceptionsTable {
  id: string;
  group_id: string;
  local_government_code: string;
  change: 'add' | 'remove';
  note: Generated<string>;
  created_at: string;
}

export interface AgreementsTable extends RecordColumns {
  id: string;
  type_id: string;
  title: string;
  signed_on: string | null;
  signed_on_precision: Generated<DatePrecision>;
  /** ISO dates joined with ';'. */
  resigned_dates: Generated<string>;
  ended_on: string | null;
  background: Generated<string>;
  /** 要確認: why the secretariat should check the record; '' when nothing is open. */
  review_note: Generated<string>;
}

export interface AgreementWardsTable {
  agreement_id: string;
  ward_code: string;
}

/** A page, press release, article or document that states facts of the registry. */
export interface SourcesTable {
  id: string;
  /** null only for printed material without a public address. */
  url: string | null;
  title: string;
  publisher: string;
  /** The date the source states for itself (its 「…現在」, publication or update date). */
  stated_on: string | null;
  stated_on_precision: Generated<DatePrecision>;
  /** That date as printed, e.g. 「令和5年4月1日現在」. */
  stated_text: Generated<string>;
  provenance: Generated<Provenance>;
  created_at: string;
}

/** The sources an agreement cites, in order (position 0 is the main source). */
export interface AgreementSourcesTable {
  agreement_id: string;
  source_id: string;
  position: number;
}

export interface AgreementPartnersTable {
  id: string;
  agreement_id: string;
  /** A municipality or a prefecture; null when the partner is a group. */
  local_government_code: string | null;
  group_id: string | null;
  former_name: Generated<string>;
}

export interface RegionalExchangesTable extends RecordColumns {
  id: string;
  region_name: string;
  prefecture_code: string;
  ward_code: string;
  started_fiscal_year: number | null;
  ended_on: string | null;
  council_name: Generated<string>;
  activities: Generated<string>;
}

export interface RegionalExchangeMembersTable {
  exchange_id: string;
  local_government_code: string;
}

export type ProjectStatus = '実施' | '予定' | '中止' | '延期';
export type ProjectFormat = 'offline' | 'online' | 'hybrid';
export type OrganiserKind = 'wards' | 'joint';

export interface ProjectsTable extends RecordColumns {
  id: string;
  fiscal_year: number;
  title: string;
  summary: Generated<string>;
  /** 1–6 (src/domain/project-fields.ts). */
  field: number;
  organiser_kind: OrganiserKind;
  starts_on: string | null;
  ends_on: string | null;
  format: Generated<ProjectFormat>;
  status: ProjectStatus;
  news_url: string | null;
}

export interface ProjectWardsTable {
  project_id: string;
  ward_code: string;
}

export interface ProjectPartnersTable {
  project_id: string;
  local_government_code: string;
  prefecture_code: string;
}

export interface CompanyAgreementsTable extends RecordColumns {
  id: string;
  company_name: string;
  former_name: Generated<string>;
  signed_on: string | null;
  signed_on_precision: Generated<DatePrecision>;
  activities: Generated<string>;
}

export interface DisastersTable extends RecordColumns {
  id: string;
  name: string;
  occurred_on: string | null;
  occurred_on_precision: Generated<DatePrecision>;
  occurred_label: Generated<string>;
  support_summary: Generated<string>;
}

export type DisasterSupportKind = 'recovery_fund' | 'sympathy_money' | 'donation' | 'staff' | 'goods';

export interface DisasterSupportTable extends RecordColumns {
  id: string;
  disaster_id: string;
  kind: DisasterSupportKind;
  /** Names as printed, joined with ';'. */
  recipients: Generated<string>;
  amount_yen: number | null;
  /** Cumulative as of as_of: the latest figure replaces, never adds to, the earlier ones. */
  staff_count: number | null;
  as_of: string | null;
  goods: Generated<string>;
  is_joint: Generated<number>;
}

export interface JointPlansTable extends RecordColumns {
  id: string;
  title: string;
  region_label: Generated<string>;
  approved_on: string | null;
  approved_on_precision: Generated<DatePrecision>;
  grant_name: Generated<string>;
}

export interface JointPlanWardsTable {
  plan_id: string;
  ward_code: string;
}

export interface JointPlanPartnersTable {
  plan_id: string;
  local_government_code: string;
}

export interface PlanItemsTable extends RecordColumns {
  id: string;
  number: number;
  title: string;
  period_from_fy: number;
  period_to_fy: number;
}

export type PlanProgressStatus = 'planned' | 'in_progress' | 'done' | 'not_started';

export interface PlanProgressTable {
  id: string;
  item_id: string;
  fiscal_year: number;
  description: Generated<string>;
  status: Generated<PlanProgressStatus>;
  updated_at: string;
}

export type FigureMetric =
  | 'ward_partners'
  | 'registered_members'
  | 'wide_area_members'
  | 'wide_area_groups'
  | 'union'
  | 'staff_dispatched'
  | 'other';

export interface PublishedFiguresTable extends RecordColumns {
  id: string;
  metric: FigureMetric;
  label: string;
  value: number;
  is_lower_bound: Generated<number>;
  as_of: string;
  as_of_precision: Generated<DatePrecision>;
  source_title: Generated<string>;
}

export type RegistryEntity =
  | 'ward'
  | 'agreement_type'
  | 'wide_area_group'
  | 'agreement'
  | 'regional_exchange'
  | 'project'
  | 'company_agreement'
  | 'disaster'
  | 'disaster_support'
  | 'joint_plan'
  | 'plan_item'
  | 'published_figure'
  | 'registered_member';

export type RecordChangeAction = 'create' | 'update' | 'delete' | 'restore' | 'import';

export interface RecordChangesTable {
  id: string;
  occurred_at: string;
  actor_account_id: string | null;
  entity_type: RegistryEntity;
  entity_id: string;
  action: RecordChangeAction;
  before_json: string | null;
  after_json: string | null;
  batch_id: string | null;
}

export type ImportJobStatus = 'uploaded' | 'validated' | 'invalid' | 'applying' | 'applied' | 'failed' | 'cancelled';

export interface ImportJobsTable {
  id: string;
  account_id: string;
  entity_type: 'agreements' | 'projects';
  file_name: string;
  status: ImportJobStatus;
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  rows_json: Generated<string>;
  errors_json: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface RegistryTables {
  wards: WardsTable;
  agreement_types: AgreementTypesTable;
  wide_area_groups: WideAreaGroupsTable;
  wide_area_group_exceptions: WideAreaGroupExceptionsTable;
  agreements: AgreementsTable;
  agreement_wards: AgreementWardsTable;
  agreement_partners: AgreementPartnersTable;
  agreement_sources: AgreementSourcesTable;
  sources: SourcesTable;
  regional_exchanges: RegionalExchangesTable;
  regional_exchange_members: RegionalExchangeMembersTable;
  projects: ProjectsTable;
  project_wards: ProjectWardsTable;
  project_partners: ProjectPartnersTable;
  company_agreements: CompanyAgreementsTable;
  disasters: DisastersTable;
  disaster_support: DisasterSupportTable;
  joint_plans: JointPlansTable;
  joint_plan_wards: JointPlanWardsTable;
  joint_plan_partners: JointPlanPartnersTable;
  plan_items: PlanItemsTable;
  plan_progress: PlanProgressTable;
  published_figures: PublishedFiguresTable;
  record_changes: RecordChangesTable;
  import_jobs: ImportJobsTable;
}

// ─── Files and news (migrations 2026-12-07T0900, 2026-12-07T0930) ──────────────────────────────

export type FileKind = 'pdf' | 'image' | 'office';

export interface FilesTable {
  id: string;
  name: string;
  media_type: string;
  kind: FileKind;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  created_at: string;
}

export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'withdrawn';

export interface ArticlesTable {
  id: string;
  slug: string;
  title: string;
  category: string;
  summary: Generated<string>;
  body: Generated<string>;
  status: ArticleStatus;
  publish_at: string | null;
  published_at: string | null;
  source_url: string | null;
  provenance: Generated<Provenance>;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ArticleFilesTable {
  article_id: string;
  position: number;
  role: 'attachment' | 'photo';
  file_id: string;
  label: string;
  caption: Generated<string>;
}

export type ArticleLinkKind = 'ward' | 'municipality' | 'project' | 'event';

export interface ArticleLinksTable {
  article_id: string;
  kind: ArticleLinkKind;
  target: string;
  position: number;
}

export interface ArticleVersionsTable {
  article_id: string;
  version: number;
  snapshot: string;
  note: Generated<string>;
  saved_by: string | null;
  saved_at: string;
}

export interface NewsTables {
  files: FilesTable;
  articles: ArticlesTable;
  article_files: ArticleFilesTable;
  article_links: ArticleLinksTable;
  article_versions: ArticleVersionsTable;
}

// ─── Events (migration 2026-12-07T1000) ─────────────────────────────────────────────────────────

export type EventStatus = 'draft' | 'pending' | 'published' | 'rejected' | 'withdrawn';
/** Where an event came from; 'sample' and 'synthetic' events are never real. */
export type EventProvenance = 'seed' | 'entry' | 'member' | 'import' | 'harvest' | 'sample' | 'synthetic';

export interface EventsTable {
  id: string;
  title: string;
  title_kana: Generated<string>;
  title_en: Generated<string>;
  kind: string;
  starts_on: string;
  ends_on: string;
  /** 'HH:MM' in Japan; null for an all-day event. */
  start_time: string | null;
  end_time: string | null;
  date_note: Generated<string>;
  venue_name: Generated<string>;
  address: Generated<string>;
  address_extra: Generated<string>;
  access: Generated<string>;
  parking: Generated<string>;
  online: Generated<number>;
  online_url: string | null;
  latitude: number | null;
  longitude: number | null;
  description: Generated<string>;
  organisers: Generated<string>;
  co_organisers: Generated<string>;
  partners: Generated<string>;
  supporters: Generated<string>;
  field: number | null;
  fee_basic: Generated<string>;
  fee_detail: Generated<string>;
  capacity: Generated<string>;
  apply_method: Generated<string>;
  apply_deadline: string | null;
  apply_deadline_time: string | null;
  /** JSON array of { name, phone, extension }. */
  contacts: Generated<string>;
  url: string | null;
  notes: Generated<string>;
  project_id: string | null;
  flyer_file_id: string | null;
  status: EventStatus;
  review_reason: Generated<string>;
  owner_code: string | null;
  provenance: EventProvenance;
  source_url: string | null;
  feed_id: string | null;
  external_uid: string | null;
  content_hash: string | null;
  fetched_at: string | null;
  submitted_by: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface EventMunicipalitiesTable {
  event_id: string;
  local_government_code: string;
  prefecture_code: string;
  position: number;
}

export type EventFeedFormat = 'csv' | 'ical';

export interface EventFeedsTable {
  id: string;
  url: string;
  format: EventFeedFormat;
  local_government_code: string;
  label: Generated<string>;
  active: Generated<number>;
  interval_minutes: Generated<number>;
  next_fetch_at: string;
  lease_until: string | null;
  last_fetched_at: string | null;
  last_status: 'ok' | 'error' | null;
  last_error: Generated<string>;
  last_added: Generated<number>;
  last_updated: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventImportsTable {
  id: string;
  account_id: string;
  file_name: string;
  rows_json: string;
  status: 'validated' | 'applied' | 'cancelled';
  created_at: string;
}

export interface EventTables {
  events: EventsTable;
  event_municipalities: EventMunicipalitiesTable;
  event_feeds: EventFeedsTable;
  event_imports: EventImportsTable;
}

// ─── The site-wide search index (migration 2026-12-07T1400) ───────────────────────────────────

/**
 * One word of ASCII letters each: PostgreSQL's stored tsvector holds `searchkind<kind>` (migration
 * 2026-12-08T1130) and FTS5 a `kind` column, and a kind with a `_` or `-` would be two words there.
 */
export type SearchKind = 'news' | 'event' | 'municipality' | 'pr' | 'sitepage';

export interface SearchDocumentsTable {
  id: string;
  kind: SearchKind;
  title: string;
  excerpt: string;
  url: string;
  dated: string | null;
  tokens: string;
  /** Orders a kind's documents newest day first (src/db/search-index.ts); SQLite's FTS5 is keyed by it. */
  search_key: number;
}

export interface SearchSyncTable {
  kind: string;
  synced_to: string;
}

export interface SearchTables {
  search_documents: SearchDocumentsTable;
  search_sync: SearchSyncTable;
}

// ─── Site pages the secretariat edits (migration 2026-12-08T1010) ──────────────────────────────

export interface SitePagesTable {
  slug: string;
  title_ja: string;
  title_en: string;
  body_ja: string;
  body_en: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface SitePageVersionsTable {
  slug: string;
  version: number;
  snapshot: string;
  note: Generated<string>;
  saved_by: string | null;
  saved_at: string;
}

// ─── Municipal PR pages (migration 2026-12-08T1000) ──────────────────────────────────────────

export interface PrPagesTable {
  code: string;
  catch_copy: string;
  introduction: Generated<string>;
  specialities: Generated<string>;
  sightseeing: Generated<string>;
  relocation: Generated<string>;
  contact_department: Generated<string>;
  contact_phone: Generated<string>;
  contact_email: Generated<string>;
  /** JSON: [{ label, url }] */
  links: Generated<string>;
  source_url: string | null;
  provenance: Generated<Provenance>;
  hidden_at: string | null;
  hidden_reason: Generated<string>;
  hidden_by: string | null;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PrPageFieldsTable {
  code: string;
  field: number;
}

export interface PrPagePhotosTable {
  code: string;
  position: number;
  file_id: string;
  thumb_file_id: string;
  alt: string;
  caption: Generated<string>;
}

export interface PrPageVersionsTable {
  code: string;
  version: number;
  snapshot: string;
  note: Generated<string>;
  saved_by: string | null;
  saved_at: string;
}

export interface AccessibilityTestResultsTable {
  id: string;
  tested_on: string;
  standard: string;
  target_level: string;
  scope: string;
  method: string;
  result: string;
  notes: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface SitePageTables {
  site_pages: SitePagesTable;
  site_page_versions: SitePageVersionsTable;
  accessibility_test_results: AccessibilityTestResultsTable;
}

export interface PrTables {
  pr_pages: PrPagesTable;
  pr_page_fields: PrPageFieldsTable;
  pr_page_photos: PrPagePhotosTable;
  pr_page_versions: PrPageVersionsTable;
}

// ─── The job queue (migration 2026-12-08T1040; src/db/jobs.ts) ─────────────────────────────────

export type JobStatus = 'queued' | 'running' | 'done' | 'dead' | 'cancelled';

export interface JobsTable {
  id: string;
  kind: string;
  /** JSON. */
  payload: string;
  dedupe_key: string | null;
  status: JobStatus;
  run_at: string;
  locked_until: string | null;
  locked_by: string | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: Generated<string>;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface JobTables {
  jobs: JobsTable;
}

// ─── Notifications (migration 2026-12-08T1041; src/features/notifications) ─────────────────────

export type NotificationKindValue = 'watching' | 'mentioned' | 'replied' | 'suggested';

export interface NotificationsTable {
  id: string;
  recipient_id: string;
  kind: NotificationKindValue;
  title: string;
  excerpt: string;
  path: string;
  subject_key: string;
  actor_id: string | null;
  created_at: string;
  read_at: string | null;
  mailed_at: string | null;
}

export interface NotificationPreferencesTable {
  account_id: string;
  kind: NotificationKindValue;
  frequency: NotificationFrequency;
  updated_at: string;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
}

// ─── Partner matching (migration 2026-12-08T1050) ───────────────────────────────────────────────

export interface MatchingEntriesTable {
  id: string;
  local_government_code: string;
  prefecture_code: string;
  direction: 'offer' | 'seek';
  kind: string;
  title: string;
  description: Generated<string>;
  period_start: string | null;
  period_end: string | null;
  status: 'open' | 'closed';
  provenance: 'member' | 'sample';
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MatchingEntryFieldsTable {
  entry_id: string;
  field: number;
}

export interface MatchingTables {
  matching_entries: MatchingEntriesTable;
  matching_entry_fields: MatchingEntryFieldsTable;
}

// ─── The members' bulletin board (migration 2026-12-08T1030) ───────────────────────────────────

export type BoardThreadStatus = 'open' | 'agreed' | 'closed';

export interface BoardCategoriesTable {
  id: string;
  slug: string;
  name: string;
  name_en: string;
  description: string;
  position: number;
  secretariat_only: number;
  field: number | null;
  archived: number;
  created_at: string;
  updated_at: string;
}

export interface BoardThreadsTable {
  id: Generated<number>;
  category_id: string;
  title: string;
  author_id: string;
  addressee_code: string | null;
  status: BoardThreadStatus;
  project_id: string | null;
  pinned: number;
  locked: number;
  hidden: number;
  moderation_reason: string | null;
  last_position: number;
  last_posted_at: string;
  is_sample: number;
  created_at: string;
  updated_at: string;
}

export interface BoardPostsTable {
  id: Generated<number>;
  thread_id: number;
  position: number;
  author_id: string;
  body: string;
  reply_to_post_id: number | null;
  hidden: number;
  moderation_reason: string | null;
  deleted_at: string | null;
  edited_at: string | null;
  is_sample: number;
  created_at: string;
  updated_at: string;
}

export interface BoardPostVersionsTable {
  id: Generated<number>;
  post_id: number;
  body: string;
  edited_by: string | null;
  reason: string;
  created_at: string;
}

export interface BoardPostFilesTable {
  post_id: number;
  file_id: string;
  position: number;
}

export interface BoardReadsTable {
  account_id: string;
  thread_id: number;
  read_position: number;
  updated_at: string;
}

export interface BoardVisitsTable {
  account_id: string;
  previous_visit_at: string;
  last_visit_at: string;
}

export interface BoardWatchesTable {
  account_id: string;
  target_type: 'thread' | 'category';
  target_id: string;
  created_at: string;
}

export interface BoardReportsTable {
  id: Generated<number>;
  post_id: number;
  reporter_id: string;
  reason: string;
  status: 'open' | 'resolved' | 'dismissed';
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface BoardSearchTable {
  post_id: number;
  thread_id: number;
  tokens: string;
}

export interface BoardTables {
  board_categories: BoardCategoriesTable;
  board_threads: BoardThreadsTable;
  board_posts: BoardPostsTable;
  board_post_versions: BoardPostVersionsTable;
  board_post_files: BoardPostFilesTable;
  board_reads: BoardReadsTable;
  board_visits: BoardVisitsTable;
  board_watches: BoardWatchesTable;
  board_reports: BoardReportsTable;
  board_search: BoardSearchTable;
}
