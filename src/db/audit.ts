// The audit log: every security event, written in the same transaction as the change it records
// when there is one. Times are stored in UTC and shown in JST.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
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
  | 'event_feed.removed';

export interface AuditEvent {
  actorAccountId: string | null;
  action: AuditAction;
  targetType?: 'account' | 'session' | 'mail_domain' | 'local_government' | 'route' | 'registry_record' | 'import_job' | 'article' | 'event' | 'event_feed';
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
