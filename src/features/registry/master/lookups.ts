// Reads several record kinds share: the wards and prefectures to choose from, and the names of
// local governments by code. Dates and 年度 are worded by shared/labels.tsx.
import type { Db, Option } from './kit.ts';

export async function wardOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('wards as w')
    .innerJoin('local_governments as lg', 'lg.code', 'w.code')
    .select(['w.code', 'lg.name'])
    .orderBy('w.code')
    .execute();
  return rows.map((r) => ({ value: r.code, label: r.name }));
}

export async function prefectureOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('local_governments')
    .select(['prefecture_code', 'name'])
    .where('level', '=', 'prefecture')
    .orderBy('prefecture_code')
    .execute();
  return rows.map((r) => ({ value: r.prefecture_code, label: r.name }));
}

/** Names of local governments by code (codes without a row are left out). */
export async function governmentNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('local_governments').select(['code', 'name']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** 「名寄市、室蘭市 ほか3」: the first names of a list of codes, for a list cell. */
export function namesText(names: Map<string, string>, codes: readonly string[], max = 5): string {
  const shown = codes.slice(0, max).map((c) => names.get(c) ?? c);
  return codes.length > max ? `${shown.join('、')} ほか${codes.length - max}` : shown.join('、');
}
