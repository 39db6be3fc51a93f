// Sample accounts, one per role, for development and demonstrations (DEMO_DATA=true and APP_ENV
// other than production). Each is marked is_sample = 1 and named 「サンプル…」. Idempotent by
// email: an existing account is left exactly as it is.
//
// DEVELOPMENT ONLY: all three share the published password below, and the secretariat's TOTP
// secret is fixed so that a developer can add it to an authenticator app once (`npm start` prints
// it in development mode). Never enable sample accounts on a server reachable by others.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../security/passwords.ts';
import type { Database, Role } from '../schema.ts';

/** The shared password of every sample account. Development only. */
export const demoPassword = 'renkei-sample-2026';

/**
 * The sample secretariat's TOTP secret (base32, 160 bits). Development only. Add it to an
 * authenticator app by hand (issuer 特別区全国連携プロジェクト, 6 digits, 30 seconds, SHA-1).
 */
export const demoTotpSecret = 'RENKEIDEMOSAMPLESECRETJIMUKYOKU2';

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  /** Only the secretariat, for whom two-factor authentication is mandatory. */
  totpSecret?: string;
}

interface DemoAccountSpec extends DemoAccount {
  localGovernmentCode: string | null;
  department: string;
  fullName: string;
  fullNameKana: string;
  displayName: string;
}

const specs: DemoAccountSpec[] = [
  {
    role: 'secretariat',
    email: 'sample-secretariat@renkei.example',
    password: demoPassword,
    totpSecret: demoTotpSecret,
    localGovernmentCode: null,
    department: 'サンプル事務局',
    fullName: 'サンプル 事務局',
    fullNameKana: 'サンプル ジムキョク',
    displayName: 'サンプル事務局',
  },
  {
    role: 'ward_staff',
    email: 'sample-ward@renkei.example',
    password: demoPassword,
    // 千代田区
    localGovernmentCode: '131016',
    department: 'サンプル課',
    fullName: 'サンプル 千代田',
    fullNameKana: 'サンプル チヨダ',
    displayName: 'サンプル千代田区職員',
  },
  {
    role: 'member',
    email: 'sample-member@renkei.example',
    password: demoPassword,
    // 名寄市（北海道）
    localGovernmentCode: '012211',
    department: 'サンプル課',
    fullName: 'サンプル 名寄',
    fullNameKana: 'サンプル ナヨロ',
    displayName: 'サンプル名寄市職員',
  },
];

// argon2 is deliberately slow; every test database seeds these, so hash once per process.
let passwordHash: Promise<string> | undefined;

/**
 * Inserts the sample accounts that do not exist yet and returns the sign-in details of all three.
 * The member's municipality is NOT made a registered member: that record comes from real
 * approvals only.
 */
export async function seedDemoAccounts(db: Kysely<Database>): Promise<DemoAccount[]> {
  const existing = new Set(
    (await db.selectFrom('accounts').select('email').where('email', 'in', specs.map((s) => s.email)).execute()).map((r) => r.email),
  );
  const missing = specs.filter((s) => !existing.has(s.email));
  if (missing.length > 0) {
    passwordHash ??= hashPassword(demoPassword);
    const hash = await passwordHash;
    const now = new Date().toISOString();
    await db
      .insertInto('accounts')
      .values(
        missing.map((s) => ({
          id: randomUUID(),
          email: s.email,
          password_hash: hash,
          role: s.role,
          status: 'active' as const,
          local_government_code: s.localGovernmentCode,
          department: s.department,
          full_name: s.fullName,
          full_name_kana: s.fullNameKana,
          display_name: s.displayName,
          phone: '',
          terms_accepted_at: now,
          email_verified_at: now,
          decided_at: now,
          totp_secret: s.totpSecret ?? null,
          totp_enabled_at: s.totpSecret ? now : null,
          password_changed_at: now,
          is_sample: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
  }
  return specs.map(({ role, email, password, totpSecret }) => (totpSecret ? { role, email, password, totpSecret } : { role, email, password }));
}
