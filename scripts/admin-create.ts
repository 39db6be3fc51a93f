// `npm run admin:create -- --email someone@example.lg.jp [--name 氏名] [--password-stdin]`
// Creates an active secretariat account in the configured database (SQLITE_FILE or DATABASE_URL).
// Without --password-stdin a one-time password is generated and printed once. Two-factor
// authentication must be set up at the first sign-in (/member/two-factor).
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig, type AppConfig } from '../src/config.ts';
import { recordAudit } from '../src/db/audit.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/index.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { hashPassword, passwordProblem, type PasswordProblem } from '../src/security/passwords.ts';

const usage = 'usage: npm run admin:create -- --email someone@example.lg.jp [--name 氏名] [--password-stdin]';

const passwordMessages: Record<PasswordProblem, string> = {
  too_short: 'パスワードは8文字以上にしてください / the password must have at least 8 characters',
  too_long: 'パスワードは128文字以内にしてください / the password must have at most 128 characters',
  common: 'よく使われているパスワードのため使用できません / this password is too common',
  contains_email: 'メールアドレスの一部を含むパスワードは使用できません / the password must not contain part of the email address',
};

class UsageError extends Error {}

const emailSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').trim().toLowerCase())
  .pipe(z.string().max(254).regex(/^[^\s@"<>()[\],;:\\]+@[^\s@"<>()[\],;:\\]+\.[^\s@"<>()[\],;:\\]+$/));
const nameSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').trim())
  .pipe(z.string().min(1).max(50));

function fail(message: string): never {
  process.stderr.write(`エラー / error: ${message}\n`);
  process.exit(1);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing line break (from echo or a here-string) is not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function parseCommandLine(): { email: string; name: string; passwordFromStdin: boolean } {
  let values: { email?: string; name?: string; 'password-stdin'?: boolean };
  try {
    ({ values } = parseArgs({
      options: { email: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  if (!values.email) throw new UsageError(`--email is required\n${usage}`);
  const email = emailSchema.safeParse(values.email);
  if (!email.success) throw new UsageError(`メールアドレスの形式が正しくありません / not an email address: ${values.email}`);
  const name = nameSchema.safeParse(values.name ?? '事務局');
  if (!name.success) throw new UsageError('--name は1〜50文字にしてください / --name must have 1 to 50 characters');
  return { email: email.data, name: name.data, passwordFromStdin: values['password-stdin'] === true };
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseCommandLine>;
  let config: AppConfig;
  try {
    args = parseCommandLine();
    config = loadConfig();
  } catch (error) {
    if (error instanceof UsageError) fail(error.message);
    if (error instanceof ConfigError) fail(`設定エラー / configuration error: ${error.message}`);
    throw error;
  }

  let password: string;
  let generated = false;
  if (args.passwordFromStdin) {
    password = await readStdin();
    const problem = passwordProblem(password, args.email);
    if (problem) fail(passwordMessages[problem]);
  } else {
    // 12 random bytes = 16 base64url characters (96 bits).
    password = randomBytes(12).toString('base64url');
    generated = true;
  }

  let database: DatabaseHandle | undefined;
  try {
    database = openDatabase(config.database);
    const { db } = database;
    await prepareDatabase(db, { demoData: config.demoData, env: config.env });
    const existing = await db.selectFrom('accounts').select('id').where('email', '=', args.email).executeTakeFirst();
    if (existing) {
      await database.close();
      fail(`このメールアドレスのアカウントはすでにあります / an account with this email already exists: ${args.email}`);
    }
    const id = randomUUID();
    const now = new Date().toISOString();
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('accounts')
        .values({
          id,
          email: args.email,
          password_hash: passwordHash,
          role: 'secretariat',
          status: 'active',
          local_government_code: null,
          department: '',
          full_name: '事務局',
          full_name_kana: 'ジムキョク',
          display_name: args.name,
          phone: '',
          terms_accepted_at: null,
          email_verified_at: now,
          decided_at: now,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await recordAudit(trx, {
        actorAccountId: null,
        action: 'account.created',
        targetType: 'account',
        targetId: id,
        ip: '',
        detail: { email: args.email, role: 'secretariat', via: 'admin:create' },
      });
    });
    await database.close();
    database = undefined;
  } catch (error) {
    await database?.close().catch(() => {});
    fail(`データベースエラー / database error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }

  const lines = [`事務局アカウントを作成しました / secretariat account created: ${args.email}`];
  if (generated) {
    lines.push(
      `初回パスワード / one-time password: ${password}`,
      '  このパスワードは今回だけ表示されます。安全な方法で本人に伝え、ログイン後に変更してください。',
      '  It is shown only this once: hand it over safely and change it after signing in.',
    );
  }
  lines.push(
    `初回ログイン時に2段階認証（TOTP）の設定が必要です: ${config.publicUrl}/member/two-factor`,
    'Two-factor authentication must be set up at the first sign-in (required for the secretariat).',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
