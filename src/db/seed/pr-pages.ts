// PR pages loaded only with demo data: a few pages marked 「サンプル」 (provenance 'sample'), whose
// texts are made up and say so, so that a fresh site shows the feature and no one takes them for a
// municipality's statement. Real PR text is written by each municipality's own staff.
// Inserted once (by code); an edited page is never overwritten.
import type { Kysely } from 'kysely';
import { bumpRevision } from '../revisions.ts';
import type { Database } from '../schema.ts';

interface SamplePage {
  prefecture: string;
  name: string;
  catchCopy: string;
  introduction: string;
  specialities: string;
  sightseeing: string;
  relocation: string;
  fields: number[];
}

const notice = '【サンプル】この文章は表示確認用に作った架空のものです。実在の自治体の発表ではありません。';

const samplePages: SamplePage[] = [
  {
    prefecture: '青森県',
    name: '弘前市',
    catchCopy: 'サンプル：PRページの表示例（キャッチコピー）',
    introduction: `${notice}\n\nここには自治体の紹介文が入ります。空行で段落を分けて書けます。`,
    specialities: 'サンプル：特産品の紹介がここに入ります。',
    sightseeing: 'サンプル：観光の紹介がここに入ります。',
    relocation: 'サンプル：移住・二地域居住の相談窓口などの情報がここに入ります。',
    fields: [1, 2],
  },
  {
    prefecture: '山梨県',
    name: '甲府市',
    catchCopy: 'サンプル：連携したい分野の表示例',
    introduction: `${notice}\n\n連携したい分野を選ぶと、自治体の一覧で分野から探せるようになります。`,
    specialities: '',
    sightseeing: 'サンプル：観光の紹介がここに入ります。',
    relocation: '',
    fields: [3, 5],
  },
  {
    prefecture: '広島県',
    name: '三次市',
    catchCopy: 'サンプル：問い合わせ先と公式リンクの表示例',
    introduction: notice,
    specialities: 'サンプル：特産品の紹介がここに入ります。',
    sightseeing: '',
    relocation: 'サンプル：移住の情報がここに入ります。',
    fields: [6],
  },
];

async function municipalityCode(db: Kysely<Database>, prefecture: string, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('local_governments as m')
    .innerJoin('local_governments as p', (join) => join.onRef('p.prefecture_code', '=', 'm.prefecture_code').on('p.level', '=', 'prefecture'))
    .select('m.code')
    .where('m.level', '=', 'municipality')
    .where('m.name', '=', name)
    .where('p.name', '=', prefecture)
    .where('m.valid_to', 'is', null)
    .executeTakeFirst();
  return row?.code;
}

export async function seedPrPages(db: Kysely<Database>, { samples }: { samples: boolean }): Promise<number> {
  if (!samples) return 0;
  let inserted = 0;
  for (const sample of samplePages) {
    const code = await municipalityCode(db, sample.prefecture, sample.name);
    if (!code) continue;
    const exists = await db.selectFrom('pr_pages').select('code').where('code', '=', code).executeTakeFirst();
    if (exists) continue;
    const now = new Date().toISOString();
    const content = {
      catchCopy: sample.catchCopy,
      introduction: sample.introduction,
      specialities: sample.specialities,
      sightseeing: sample.sightseeing,
      relocation: sample.relocation,
      fields: sample.fields,
      contactDepartment: 'サンプル 企画課（架空）',
      contactPhone: '',
      contactEmail: '',
      links: [],
      photos: [],
    };
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('pr_pages')
        .values({
          code,
          catch_copy: content.catchCopy,
          introduction: content.introduction,
          specialities: content.specialities,
          sightseeing: content.sightseeing,
          relocation: content.relocation,
          contact_department: content.contactDepartment,
          provenance: 'sample',
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx.insertInto('pr_page_fields').values(content.fields.map((field) => ({ code, field }))).execute();
      await trx.insertInto('pr_page_versions').values({ code, version: 1, snapshot: JSON.stringify(content), note: 'サンプル', saved_by: null, saved_at: now }).execute();
    });
    inserted++;
  }
  if (inserted > 0) await bumpRevision(db, 'pr');
  return inserted;
}
