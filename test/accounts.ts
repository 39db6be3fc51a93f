// Accounts for tests that need a signed-in person: an active account of a role (with its
// municipality, and TOTP when the role requires it), and a TestClient carrying its session.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AccountStatus, Database, Role } from '../src/db/schema.ts';
import { createSession } from '../src/db/sessions.ts';
import { hashPassword } from '../src/security/passwords.ts';
import { newTotpSecret } from '../src/security/totp.ts';
import { TestClient } from './client.ts';

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export interface TestAccount {
  role: Role;
  /** The account's municipality (a ward for ward staff); null for the secretariat. */
  code: string | null;
  twoFactor?: boolean;
  status?: AccountStatus;
  /** The display name the header shows (at most 30 characters); 「試験」 and the role by default. */
  name?: string;
}

export async function insertAccount(db: Kysely<Database>, account: TestAccount): Promise<string> {
  // argon2id is slow on purpose: one hash serves every test account.
  passwordHash ??= hashPassword(testPassword);
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('accounts')
    .values({
      id,
      email: `${id}@example.lg.jp`,
      password_hash: await passwordHash,
      role: account.role,
      status: account.status ?? 'active',
      local_government_code: account.code,
      department: '企画課',
      full_name: '試験 太郎',
      full_name_kana: 'シケン タロウ',
      display_name: (account.name ?? `試験${account.role}`).slice(0, 30),
      phone: '03-0000-0000',
      terms_accepted_at: now,
      email_verified_at: now,
      totp_secret: account.twoFactor ? newTotpSecret() : null,
      totp_enabled_at: account.twoFactor ? now : null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A client signed in as the account (a session made directly, as after a completed login). */
export async function clientSignedInAs(app: FastifyInstance, db: Kysely<Database>, accountId: string): Promise<TestClient> {
  const { token } = await createSession(db, { accountId, stage: 'authenticated', ip: '', userAgent: 'test' });
  const client = new TestClient(app);
  client.cookies.set('renkei_session', token);
  return client;
}

/** A client signed in as a new account. */
export async function signedInClient(app: FastifyInstance, db: Kysely<Database>, account: TestAccount): Promise<TestClient> {
  return clientSignedInAs(app, db, await insertAccount(db, account));
}
