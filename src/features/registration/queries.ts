// Reads for registration: which local government a typed name or code means, and the account
// behind an email address.
import type { Kysely } from 'kysely';
import { cachedPerDatabase } from '../../db/cache.ts';
import { unconfirmedRegistrationMs } from '../../db/housekeeping.ts';
import type { AccountStatus, Database, GovernmentKind, GovernmentLevel } from '../../db/schema.ts';
import { isValidLocalGovCode, withCheckDigit } from '../../domain/local-gov-code.ts';
import { normalizeForSearch } from '../../domain/search-text.ts';

export interface GovernmentChoice {
  code: string;
  level: GovernmentLevel;
  kind: GovernmentKind;
  name: string;
  prefectureCode: string;
  prefectureName: string;
  /** 「東京都府中市」, or the prefecture's own name. */
  fullName: string;
  /** Reading in hiragana. */
  kana: string;
}

/** Every local government one may register with: counted, current, municipalities and prefectures. */
const registrableGovernments = cachedPerDatabase(60_000, async (db: Kysely<Database>): Promise<GovernmentChoice[]> => {
  const rows = await db
    .selectFrom('local_governments')
    .select(['code', 'level', 'kind', 'name', 'prefecture_code', 'kana'])
    .where('is_counted', '=', 1)
    .where('valid_to', 'is', null)
    .where('level', 'in', ['municipality', 'prefecture'])
    .orderBy('code')
    .execute();
  const prefectures = new Map(rows.filter((r) => r.level === 'prefecture').map((r) => [r.prefecture_code, r.name]));
  return rows.map((r) => {
    const prefectureName = prefectures.get(r.prefecture_code) ?? '';
    return {
      code: r.code,
      level: r.level,
      kind: r.kind,
      name: r.name,
      prefectureCode: r.prefecture_code,
      prefectureName,
      fullName: r.level === 'prefecture' ? r.name : `${prefectureName}${r.name}`,
      kana: r.kana,
    };
  });
});

const suffix = /[都道府県市区町村]$/;

/**
 * The local governments a typed text may mean: a name (千代田区, 府中市), a prefecture and a name
 * (東京都府中市), a reading (ふちゅうし), a 6-digit code or a 5-digit code without check digit.
 * Without an exact match, the name without its 市区町村 suffix is tried (千代田 → 千代田区・千代田町).
 */
export async function findGovernmentCandidates(db: Kysely<Database>, typed: string): Promise<GovernmentChoice[]> {
  const text = typed.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return [];
  const all = await registrableGovernments(db);
  if (/^\d{5,6}$/.test(text)) {
    const code = text.length === 5 ? withCheckDigit(text) : text;
    if (!isValidLocalGovCode(code)) return [];
    return all.filter((g) => g.code === code);
  }
  const reading = normalizeForSearch(text);
  const exact = all.filter((g) => g.name === text || g.fullName === text || g.kana === reading);
  if (exact.length > 0) return exact;
  return all.filter((g) => g.name.replace(suffix, '') === text || g.fullName.replace(suffix, '') === text);
}

export interface AccountByEmail {
  id: string;
  email: string;
  fullName: string;
  status: AccountStatus;
  passwordHash: string;
  createdAt: string;
}

export async function findAccountByEmail(db: Kysely<Database>, email: string): Promise<AccountByEmail | undefined> {
  const row = await db.selectFrom('accounts').select(['id', 'email', 'full_name', 'status', 'password_hash', 'created_at']).where('email', '=', email).executeTakeFirst();
  return row ? { id: row.id, email: row.email, fullName: row.full_name, status: row.status, passwordHash: row.password_hash, createdAt: row.created_at } : undefined;
}

/** An application waiting for its email confirmation, not yet expired (housekeeping deletes it after 24 hours). */
export function isLiveApplication(account: AccountByEmail | undefined, now = Date.now()): account is AccountByEmail {
  return account !== undefined && account.status === 'pending_email' && Date.parse(account.createdAt) > now - unconfirmedRegistrationMs;
}
