// Reads of the master data of local governments. Returns view shapes, not rows.
import type { Kysely } from 'kysely';
import { cachedPerDatabase } from '../../db/cache.ts';
import { contains } from '../../db/dialect.ts';
import type { Database, GovernmentKind, LocalGovernmentRow } from '../../db/schema.ts';
import { normalizeForSearch } from '../../domain/search-text.ts';
import type { MunicipalityFilter } from './form.ts';
import { codesWithVisiblePr, visiblePrCodes } from '../pr/index.ts';

export interface LocalGovernment {
  code: string;
  level: 'prefecture' | 'municipality';
  prefectureCode: string;
  prefectureName: string;
  name: string;
  kana: string;
  kind: GovernmentKind;
  isDesignatedCity: boolean;
  isCounted: boolean;
  region: string;
  note: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Has a PR page the public may see (set by the directory only). */
  hasPr?: boolean;
}

export interface PrefectureOption {
  prefectureCode: string;
  code: string;
  name: string;
  region: string;
}

export const pageSize = 100;

/** The 47 prefectures in JIS order (master data, so cached). */
export const listPrefectures = cachedPerDatabase(60_000, async (db: Kysely<Database>): Promise<PrefectureOption[]> => {
  const rows = await db
    .selectFrom('local_governments')
    .select(['prefecture_code', 'code', 'name', 'region'])
    .where('level', '=', 'prefecture')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ prefectureCode: r.prefecture_code, code: r.code, name: r.name, region: r.region }));
});

/** Prefecture names by 2-digit code. */
export const prefectureNames = cachedPerDatabase(
  60_000,
  async (db: Kysely<Database>) => new Map((await listPrefectures(db)).map((p) => [p.prefectureCode, p.name])),
);

export async function listMunicipalities(
  db: Kysely<Database>,
  filter: MunicipalityFilter,
): Promise<{ total: number; items: LocalGovernment[] }> {
  let query = db.selectFrom('local_governments').where('level', '=', 'municipality').where('is_counted', '=', 1).where('valid_to', 'is', null);
  if (filter.pref) query = query.where('prefecture_code', '=', filter.pref);
  if (filter.region) query = query.where('region', '=', filter.region);
  if (filter.pr || filter.field !== null) query = query.where('code', 'in', visiblePrCodes(db, filter.field));
  if (filter.kind === '政令指定都市') query = query.where('is_designated_city', '=', 1);
  else if (filter.kind) query = query.where('kind', '=', filter.kind);
  for (const term of filter.q.split(/\s+/).map(normalizeForSearch).filter(Boolean)) {
    query = query.where((eb) => contains(eb.ref('search_text'), term));
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy(filter.sort === 'code' ? 'code' : 'kana_rank')
    .limit(pageSize)
    .offset((filter.page - 1) * pageSize)
    .execute();
  const [prefectures, withPr] = await Promise.all([prefectureNames(db), codesWithVisiblePr(db, rows.map((r) => r.code))]);
  return { total: Number(total), items: rows.map((r) => ({ ...toLocalGovernment(r, prefectures), hasPr: withPr.has(r.code) })) };
}

export async function findLocalGovernment(db: Kysely<Database>, code: string): Promise<LocalGovernment | undefined> {
  const row = await db.selectFrom('local_governments').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toLocalGovernment(row, await prefectureNames(db)) : undefined;
}

/** Counts of a prefecture's municipalities by kind, for the prefecture's page. */
export async function municipalityCountsOf(db: Kysely<Database>, prefectureCode: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('local_governments')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('level', '=', 'municipality')
    .where('is_counted', '=', 1)
    .where('valid_to', 'is', null)
    .where('prefecture_code', '=', prefectureCode)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

/** Codes kept in the master data but not counted (北方領土の村), for the list's footnote. */
export const listUncounted = cachedPerDatabase(60_000, (db: Kysely<Database>) =>
  db.selectFrom('local_governments').select(['code', 'name']).where('is_counted', '=', 0).orderBy('code').execute(),
);

function toLocalGovernment(r: LocalGovernmentRow, prefectures: Map<string, string>): LocalGovernment {
  return {
    code: r.code,
    level: r.level,
    prefectureCode: r.prefecture_code,
    prefectureName: prefectures.get(r.prefecture_code) ?? '',
    name: r.name,
    kana: r.kana,
    kind: r.kind,
    isDesignatedCity: r.is_designated_city === 1,
    isCounted: r.is_counted === 1,
    region: r.region,
    note: r.note,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}
