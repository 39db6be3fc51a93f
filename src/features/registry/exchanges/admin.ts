// The back office of the regional exchanges (地域別の交流), /registry/regions, a record kind of the
// master pages (master/): a region (a set of municipalities, e.g. a 振興局 of Hokkaido) ↔ a ward,
// from a 年度, through a council, with its activities.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { softDeletion } from '../master/commands.ts';
import {
  checkCodes,
  choice,
  codeList,
  fieldNamed,
  optionalDate,
  optionalFiscalYear,
  optionalText,
  recordColumns,
  requiredCode,
  requiredText,
  sourceFields,
  sourceSchema,
  stripTimestamps,
  textOf,
  type Db,
  type FieldSpec,
  type Kind,
} from '../master/kit.ts';
import { governmentNames, namesText, prefectureOptions, wardOptions } from '../master/lookups.ts';
import { fiscalYearLabel } from '../shared/labels.tsx';

const fields: FieldSpec[] = [
  { name: 'region_name', label: { ja: '地域名', en: 'Region' }, type: 'text', required: true, maxlength: 100, hint: { ja: '例：オホーツク地域', en: 'E.g. the Okhotsk region.' } },
  { name: 'prefecture_code', label: { ja: '都道府県', en: 'Prefecture' }, type: 'select', required: true },
  { name: 'ward_code', label: { ja: '交流する区', en: 'Ward' }, type: 'select', required: true },
  { name: 'started_fiscal_year', label: { ja: '開始年度', en: 'Since (fiscal year)' }, type: 'fiscalYear', hint: { ja: '例：2015、2015年度、平成27年度。不明なら空欄。', en: 'E.g. 2015 or 平成27年度; empty when unknown.' } },
  { name: 'ended_on', label: { ja: '終了日', en: 'Ended on' }, type: 'date', hint: { ja: '続いている場合は空欄。', en: 'Empty while it continues.' } },
  { name: 'council_name', label: { ja: '協議会など', en: 'Council' }, type: 'text', maxlength: 200 },
  { name: 'activities', label: { ja: '主な活動', en: 'Activities' }, type: 'textarea', maxlength: 2000 },
  {
    name: 'member_codes',
    label: { ja: '地域の市町村（団体コード）', en: 'Municipalities of the region (codes)' },
    type: 'codes',
    hint: { ja: '6桁の団体コードを空白・改行・読点で区切って入力します。', en: '6-digit codes separated by spaces, lines or commas.' },
  },
  ...sourceFields,
];

const schema = z.object({
  region_name: requiredText(100),
  prefecture_code: choice(prefectureCodes()),
  ward_code: requiredCode(6).pipe(z.string().regex(/^13\d{4}$/, 'choose')),
  started_fiscal_year: optionalFiscalYear,
  ended_on: optionalDate,
  council_name: optionalText(200),
  activities: optionalText(2000),
  member_codes: codeList,
  ...sourceSchema,
});
type Value = z.infer<typeof schema>;

function prefectureCodes(): [string, ...string[]] {
  return Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')) as [string, ...string[]];
}

async function setMembers(trx: Db, id: string, codes: string[]): Promise<void> {
  await trx.deleteFrom('regional_exchange_members').where('exchange_id', '=', id).execute();
  if (codes.length > 0) await trx.insertInto('regional_exchange_members').values(codes.map((c) => ({ exchange_id: id, local_government_code: c }))).execute();
}

function columnsOf(value: Value) {
  const { member_codes: _m, ...columns } = value;
  return columns;
}

export const regions: Kind<Value> = {
  slug: 'regions',
  entity: 'regional_exchange',
  title: { ja: '地域別の交流', en: 'Regional exchanges' },
  noun: { ja: '地域別の交流', en: 'regional exchange' },
  lead: { ja: 'ある地域（複数の市町村）と区との交流です。', en: 'Exchanges between a region (several municipalities) and a ward.' },
  fields,
  schema,
  canCreate: true,
  canDelete: true,
  columns: [
    { ja: '地域', en: 'Region' },
    { ja: '区', en: 'Ward' },
    { ja: '開始年度', en: 'Since' },
    { ja: '市町村', en: 'Municipalities' },
  ],
  async list(db, ctx) {
    const rows = await db
      .selectFrom('regional_exchanges as r')
      .leftJoin('local_governments as w', 'w.code', 'r.ward_code')
      .select(['r.id', 'r.region_name', 'w.name as ward_name', 'r.started_fiscal_year', 'r.deleted_at'])
      .orderBy('r.region_name')
      .orderBy('r.id')
      .execute();
    const members = await db.selectFrom('regional_exchange_members').select(['exchange_id', 'local_government_code']).orderBy('local_government_code').execute();
    const names = await governmentNames(db, members.map((m) => m.local_government_code));
    return rows.map((r) => ({
      id: r.id,
      deletedAt: r.deleted_at,
      cells: [
        r.region_name,
        r.ward_name ?? '',
        fiscalYearLabel(ctx, r.started_fiscal_year),
        namesText(names, members.filter((m) => m.exchange_id === r.id).map((m) => m.local_government_code)),
      ],
    }));
  },
  async snapshot(db, id) {
    const row = await db.selectFrom('regional_exchanges').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const members = await db.selectFrom('regional_exchange_members').select('local_government_code').where('exchange_id', '=', id).orderBy('local_government_code').execute();
    return { ...stripTimestamps(row), member_codes: members.map((m) => m.local_government_code) };
  },
  nameOf: (s) => textOf(s['region_name']),
  async choices(db) {
    return { prefecture_code: await prefectureOptions(db), ward_code: await wardOptions(db) };
  },
  async check(db, value) {
    const wards = await wardOptions(db);
    const problems = wards.some((w) => w.value === value.ward_code) ? [] : [{ field: 'ward_code', message: { ja: '交流する区を一覧から選んでください。', en: 'Choose the ward from the list.' } }];
    return [...problems, ...(await checkCodes(db, fieldNamed(fields, 'member_codes'), value.member_codes, { municipalitiesOnly: true }))];
  },
  async create(trx, value, now) {
    const id = randomUUID();
    await trx.insertInto('regional_exchanges').values({ id, ...columnsOf(value), ...recordColumns(value, now) }).execute();
    await setMembers(trx, id, value.member_codes);
    return id;
  },
  async update(trx, id, value, now) {
    await trx.updateTable('regional_exchanges').set({ ...columnsOf(value), updated_at: now }).where('id', '=', id).execute();
    await setMembers(trx, id, value.member_codes);
  },
  ...softDeletion('regional_exchanges'),
};
