// The database's shape as Kysely sees it. Table interfaces appear only inside `Database`;
// code elsewhere uses the Selectable/Insertable aliases below.
// Engine-neutral conventions (both SQLite and PostgreSQL):
// - flags are integers 0/1 (SQLite has no boolean; one representation keeps queries identical);
// - dates are ISO 'YYYY-MM-DD' strings and timestamps ISO-8601 UTC strings (pg parsers in index.ts).
import type { Insertable, Selectable } from 'kysely';

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

export interface Database {
  local_governments: LocalGovernmentsTable;
}

export type LocalGovernmentRow = Selectable<LocalGovernmentsTable>;
export type NewLocalGovernment = Insertable<LocalGovernmentsTable>;
