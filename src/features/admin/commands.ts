// The secretariat's decisions. Each command re-checks its rule, writes inside one transaction
// together with its audit row, and returns a tagged result; the routes map it to HTTP and send
// mail after the commit. Nothing here knows about Fastify.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit.ts';
import { bumpRevision } from '../../db/revisions.ts';
import type { Database, Role } from '../../db/schema.ts';
import { revokeSessions } from '../../db/sessions.ts';
import { formatIsoDate } from '../../domain/japanese-date.ts';
import type { Actor } from '../../policy/index.ts';
import type { MailDomainInput } from './form.ts';

export type Secretariat = Extract<Actor, { kind: 'account' }>;

interface Request {
  /** The client's address, for the audit log. */
  ip: string;
}

export interface Applicant {
  email: string;
  fullName: string;
  role: Role;
}

export type DecisionResult = { ok: true; applicant: Applicant; registeredMemberSince?: string } | { ok: false; reason: 'not_found' | 'not_pending' };

/**
 * Approves an application: the account becomes active with the role it registered with. The first
 * approved member of a municipality makes it a registered member from today (JST); later ones
 * leave that date alone.
 */
export async function approveApplication(db: Kysely<Database>, actor: Secretariat, input: Request & { id: string }): Promise<DecisionResult> {
  return db.transaction().execute(async (trx): Promise<DecisionResult> => {
    const account = await trx
      .selectFrom('accounts')
      .select(['email', 'full_name', 'role', 'local_government_code'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!account) return { ok: false, reason: 'not_found' };
    const now = new Date();
    // The status condition makes the decision atomic: two secretaries cannot both decide.
    const updated = await trx
      .updateTable('accounts')
      .set({ status: 'active', decided_at: now.toISOString(), decided_by: actor.id, decision_reason: null, updated_at: now.toISOString() })
      .where('id', '=', input.id)
      .where('status', '=', 'pending_approval')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'not_pending' };
    // People's names, roles and status are printed on kept pages (the board's authors).
    await bumpRevision(trx, 'accounts');
    let registeredMemberSince: string | undefined;
    if (account.role === 'member' && account.local_government_code) {
      const joinedOn = formatIsoDate(now);
      const inserted = await trx
        .insertInto('registered_members')
        .values({ local_government_code: account.local_government_code, joined_on: joinedOn, source: 'account', note: null })
        .onConflict((oc) => oc.column('local_government_code').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
        registeredMemberSince = joinedOn;
        // A new member municipality changes the registry's figures: its read model must reload.
        await bumpRevision(trx, 'registry');
      }
    }
    await recordAudit(trx, {
      actorAccountId: actor.id,
      action: 'account.approved',
      targetType: 'account',
      targetId: input.id,
      ip: input.ip,
      detail: {
        email: account.email,
        role: account.role,
        localGovernmentCode: account.local_government_code,
        ...(registeredMemberSince ? { registeredMemberSince } : {}),
      },
    });
    const applicant = { email: account.email, fullName: account.full_name, role: account.role };
    return registeredMemberSince ? { ok: true, applicant, registeredMemberSince } : { ok: true, applicant };
  });
}

export async function rejectApplication(db: Kysely<Database>, actor: Secretariat, input: Request & { id: string; reason: string }): Promise<DecisionResult> {
  return db.transaction().execute(async (trx): Promise<DecisionResult> => {
    const account = await trx.selectFrom('accounts').select(['email', 'full_name', 'role']).where('id', '=', input.id).executeTakeFirst();
    if (!account) return { ok: false, reason: 'not_found' };
    const now = new Date().toISOString();
    const updated = await trx
      .updateTable('accounts')
      .set({ status: 'rejected', decided_at: now, decided_by: actor.id, decision_reason: input.reason, updated_at: now })
      .where('id', '=', input.id)
      .where('status', '=', 'pending_approval')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'not_pending' };
    await revokeSessions(trx, input.id);
    await recordAudit(trx, {
      actorAccountId: actor.id,
      action: 'account.rejected',
      targetType: 'account',
      targetId: input.id,
      ip: input.ip,
      detail: { email: account.email, reason: input.reason },
    });
    return { ok: true, applicant: { email: account.email, fullName: account.full_name, role: account.role } };
  });
}

export type StatusChangeResult = { ok: true; sessionsEnded: number } | { ok: false; reason: 'not_found' | 'self' | 'wrong_status' };

/** Disables an active account; every session of it ends at once. */
export async function disableAccount(db: Kysely<Database>, actor: Secretariat, input: Request & { id: string; reason: string }): Promise<StatusChangeResult> {
  if (input.id === actor.id) return { ok: false, reason: 'self' };
  return db.transaction().execute(async (trx): Promise<StatusChangeResult> => {
    const account = await trx.selectFrom('accounts').select(['email', 'status']).where('id', '=', input.id).executeTakeFirst();
    if (!account) return { ok: false, reason: 'not_found' };
    const now = new Date().toISOString();
    const updated = await trx
      .updateTable('accounts')
      .set({ status: 'disabled', disabled_at: now, updated_at: now })
      .where('id', '=', input.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'wrong_status' };
    await bumpRevision(trx, 'accounts');
    const sessionsEnded = await revokeSessions(trx, input.id);
    await recordAudit(trx, {
      actorAccountId: actor.id,
      action: 'account.disabled',
      targetType: 'account',
      targetId: input.id,
      ip: input.ip,
      detail: { email: account.email, reason: input.reason, sessionsEnded },
    });
    return { ok: true, sessionsEnded };
  });
}

export async function enableAccount(db: Kysely<Database>, actor: Secretariat, input: Request & { id: string }): Promise<StatusChangeResult> {
  if (input.id === actor.id) return { ok: false, reason: 'self' };
  return db.transaction().execute(async (trx): Promise<StatusChangeResult> => {
    const account = await trx.selectFrom('accounts').select(['email']).where('id', '=', input.id).executeTakeFirst();
    if (!account) return { ok: false, reason: 'not_found' };
    const now = new Date().toISOString();
    const updated = await trx
      .updateTable('accounts')
      .set({ status: 'active', disabled_at: null, updated_at: now })
      .where('id', '=', input.id)
      .where('status', '=', 'disabled')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'wrong_status' };
    await bumpRevision(trx, 'accounts');
    await recordAudit(trx, { actorAccountId: actor.id, action: 'account.enabled', targetType: 'account', targetId: input.id, ip: input.ip, detail: { email: account.email } });
    return { ok: true, sessionsEnded: 0 };
  });
}

export type RoleChangeResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: 'not_found' | 'self' | 'ward_only' | 'needs_local_government' | 'not_decided' };

/**
 * Changes an account's role. 区職員 is only for people of a 特別区; a member needs a local
 * government; applications are decided first; nobody changes their own role.
 */
export async function changeRole(db: Kysely<Database>, actor: Secretariat, input: Request & { id: string; role: Role }): Promise<RoleChangeResult> {
  if (input.id === actor.id) return { ok: false, reason: 'self' };
  return db.transaction().execute(async (trx): Promise<RoleChangeResult> => {
    const account = await trx
      .selectFrom('accounts')
      .leftJoin('local_governments as lg', 'lg.code', 'accounts.local_government_code')
      .select(['accounts.email', 'accounts.role', 'accounts.status', 'accounts.local_government_code', 'lg.kind'])
      .where('accounts.id', '=', input.id)
      .executeTakeFirst();
    if (!account) return { ok: false, reason: 'not_found' };
    if (account.status !== 'active' && account.status !== 'disabled') return { ok: false, reason: 'not_decided' };
    if (input.role === 'ward_staff' && account.kind !== '特別区') return { ok: false, reason: 'ward_only' };
    if (input.role === 'member' && !account.local_government_code) return { ok: false, reason: 'needs_local_government' };
    if (account.role === input.role) return { ok: true, changed: false };
    const now = new Date().toISOString();
    await trx.updateTable('accounts').set({ role: input.role, updated_at: now }).where('id', '=', input.id).execute();
    await bumpRevision(trx, 'accounts');
    await recordAudit(trx, {
      actorAccountId: actor.id,
      action: 'account.role_changed',
      targetType: 'account',
      targetId: input.id,
      ip: input.ip,
      detail: { email: account.email, before: account.role, after: input.role },
    });
    return { ok: true, changed: true };
  });
}

export type MailDomainResult = { ok: true } | { ok: false; reason: 'unknown_code' | 'duplicate' | 'not_found' };

export async function addMailDomain(db: Kysely<Database>, actor: Secretariat, input: Request & MailDomainInput): Promise<MailDomainResult> {
  return db.transaction().execute(async (trx): Promise<MailDomainResult> => {
    const government = await trx.selectFrom('local_governments').select(['code', 'name']).where('code', '=', input.code).executeTakeFirst();
    if (!government) return { ok: false, reason: 'unknown_code' };
    const inserted = await trx
      .insertInto('mail_domains')
      .values({ local_government_code: input.code, domain: input.domain, created_at: new Date().toISOString(), created_by: actor.id })
      .onConflict((oc) => oc.columns(['local_government_code', 'domain']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return { ok: false, reason: 'duplicate' };
    await recordAudit(trx, {
      actorAccountId: actor.id,
      action: 'mail_domain.added',
      targetType: 'mail_domain',
      targetId: `${input.code}:${input.domain}`.slice(0, 64),
      ip: input.ip,
      detail: { localGovernmentCode: input.code, localGovernment: government.name, domain: input.domain },
    });
    return { ok: true };
  });
}

export async function removeMailDomain(db: Kysely<Database>, actor: Secretariat, input: Request & MailDomainInput): Promise<MailDomainResult> {
  return db.transaction().execute(async (trx): Promise<MailDomainResult> => {
    const deleted = await trx
      .deleteFrom('mail_domains')
      .where('local_government_code', '=', input.code)
      .where('domain', '=', input.domain)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) return { ok: false, reason: 'not_found' };
    await recordAudit(trx, {
      actorAccountId: actor.id,
      action: 'mail_domain.removed',
      targetType: 'mail_domain',
      targetId: `${input.code}:${input.domain}`.slice(0, 64),
      ip: input.ip,
      detail: { localGovernmentCode: input.code, domain: input.domain },
    });
    return { ok: true };
  });
}
