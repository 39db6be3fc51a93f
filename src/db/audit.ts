// The audit log: every security event, written in the same transaction as the change it records
// when there is one. Times are stored in UTC and shown in JST.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { hitRateLimit } from './rate-limit.ts';
import type { Database } from './schema.ts';

export type AuditAction =
  | 'account.registered'
  | 'account.email_verified'
  | 'account.approved'
  | 'account.rejected'
  | 'account.disabled'
  | 'account.enabled'
  | 'account.role_changed'
  | 'account.created'
  | 'account.profile_updated'
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_in_locked'
  | 'auth.sign_out'
  | 'auth.second_factor_failed'
  | 'auth.password_changed'
  | 'auth.password_reset_requested'
  | 'auth.password_reset'
  | 'auth.two_factor_enabled'
  | 'auth.two_factor_disabled'
  | 'auth.backup_codes_regenerated'
  | 'auth.backup_code_used'
  | 'session.revoked'
  | 'mail_domain.added'
  | 'mail_domain.removed'
  | 'authz.denied'
  | 'registry.created'
  | 'registry.updated'
  | 'registry.deleted'
  | 'registry.restored'
  | 'registry.imported'
  | 'news.created'
  | 'news.updated'
  | 'news.published'
  | 'news.withdrawn'
  | 'news.restored'
  | 'event.created'
  | 'event.updated'
  | 'event.submitted'
  | 'event.published'
  | 'event.returned'
  | 'event.withdrawn'
  | 'event.imported'
  | 'event_feed.added'
  | 'event_feed.updated'
  | 'event_feed.removed'
  | 'site_page.updated'
  | 'site_page.restored'
  | 'accessibility_test.added'
  | 'accessibility_test.updated'
  | 'accessibility_test.removed'
  | 'pr.created'
  | 'pr.updated'
  | 'pr.restored'
  | 'pr.hidden'
  | 'pr.shown'
  | 'notifications.preferences_changed'
  | 'notifications.unsubscribed'
  | 'job.retried'
  | 'matching.created'
  | 'matching.updated'
  | 'board.category_saved'
  | 'board.thread_created'
  | 'board.post_created'
  | 'board.post_edited'
  | 'board.post_deleted'
  | 'board.status_changed'
  | 'board.moderated'
  | 'board.reported'
  | 'board.report_decided';

export interface AuditEvent {
  actorAccountId: string | null;
  action: AuditAction;
  targetType?: 'account' | 'session' | 'mail_domain' | 'local_government' | 'route' | 'registry_record' | 'import_job' | 'article' | 'event' | 'event_feed' | 'site_page' | 'accessibility_test' | 'pr_page' | 'job' | 'matching_entry' | 'board_thread' | 'board_post' | 'board_category' | 'board_report';
  targetId?: string;
  ip?: string;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<Database> | Transaction<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: randomUUID(),
      occurred_at: new Date().toISOString(),
      actor_account_id: event.actorAccountId,
      action: event.action,
      target_type: event.targetType ?? null,
      target_id: event.targetId ?? null,
      ip: event.ip ?? '',
      detail: JSON.stringify(event.detail ?? {}),
    })
    .execute();
}

/**
 * For events anyone can cause in bulk without an account (a POST without its CSRF token): the
 * occurrences are counted per `subject` (the IP) and window in the rate-limit table, and a row is
 * written only for the 1st, 10th, 100th, 1000th… occurrence of the window, each with the count so
 * far. A flood of a million requests writes seven rows, and still says how many there were.
 */
export const aggregatedAuditWindowMs = 10 * 60_000;

export async function recordAggregatedAudit(db: Kysely<Database>, subject: string, event: AuditEvent, now = Date.now()): Promise<void> {
  const counted = await hitRateLimit(db, { name: `audit:${event.action}`, limit: Number.MAX_SAFE_INTEGER, windowMs: aggregatedAuditWindowMs }, subject, now);
  const count = counted.hits;
  if (!/^10*$/.test(String(count))) return;
  await recordAudit(db, { ...event, detail: { ...event.detail, count, windowMinutes: aggregatedAuditWindowMs / 60_000 } });
}
