// Writes for registration: the application itself and the email confirmation. Each records its
// audit event in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit.ts';
import type { Database, Role } from '../../db/schema.ts';
import type { GovernmentChoice } from './queries.ts';

export interface Application {
  government: GovernmentChoice;
  department: string;
  fullName: string;
  fullNameKana: string;
  displayName: string;
  email: string;
  phone: string;
  passwordHash: string;
  ip: string;
}

/** Staff of a special ward get the ward role; everyone else (municipalities, prefectures) is a member. */
export function roleFor(government: GovernmentChoice): Role {
  return government.kind === '特別区' ? 'ward_staff' : 'member';
}

/**
 * Creates the account, waiting for its email confirmation. `duplicate` when the address belongs to
 * an account past that step (also when another request took it a moment earlier). An application
 * still waiting for its confirmation is replaced, with this application's details and password:
 * whoever applied first for an address cannot block its owner, and the earlier application's
 * codes die with it (they belong to its id).
 */
export async function applyForMembership(db: Kysely<Database>, a: Application): Promise<{ ok: true; accountId: string } | { ok: false; reason: 'duplicate' }> {
  const id = randomUUID();
  const now = new Date().toISOString();
  let replaced: string | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('accounts').select(['id', 'status']).where('email', '=', a.email).executeTakeFirst();
      if (taken && taken.status !== 'pending_email') throw new DuplicateEmail();
      if (taken) {
        // Its one-time codes go with it (foreign key, on delete cascade).
        await trx.deleteFrom('accounts').where('id', '=', taken.id).where('status', '=', 'pending_email').execute();
        replaced = taken.id;
      }
      await trx
        .insertInto('accounts')
        .values({
          id,
          email: a.email,
          password_hash: a.passwordHash,
          role: roleFor(a.government),
          status: 'pending_email',
          local_government_code: a.government.code,
          department: a.department,
          full_name: a.fullName,
          full_name_kana: a.fullNameKana,
          display_name: a.displayName,
          phone: a.phone,
          terms_accepted_at: now,
          email_verified_at: null,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await recordAudit(trx, {
        actorAccountId: id,
        action: 'account.registered',
        targetType: 'account',
        targetId: id,
        ip: a.ip,
        detail: { email: a.email, localGovernmentCode: a.government.code, role: roleFor(a.government), ...(replaced ? { replacedUnconfirmed: replaced } : {}) },
      });
    });
  } catch (error) {
    if (error instanceof DuplicateEmail) return { ok: false, reason: 'duplicate' };
    // A concurrent registration of the same address loses on the unique index.
    const again = await db.selectFrom('accounts').select('id').where('email', '=', a.email).executeTakeFirst();
    if (again) return { ok: false, reason: 'duplicate' };
    throw error;
  }
  return { ok: true, accountId: id };
}

class DuplicateEmail extends Error {}

/** The mailed code was right: the application now waits for the secretariat. */
export async function confirmEmail(db: Kysely<Database>, accountId: string, ip: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('accounts')
      .set({ status: 'pending_approval', email_verified_at: now, updated_at: now })
      .where('id', '=', accountId)
      .where('status', '=', 'pending_email')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, { actorAccountId: accountId, action: 'account.email_verified', targetType: 'account', targetId: accountId, ip });
    return true;
  });
}
