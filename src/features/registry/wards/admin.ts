// The back office of the 23 special wards, /registry/wards, a record kind of the master pages
// (master/): 特別区長会 block, mayor with the date the name is known to be current, website. The
// wards themselves are fixed (master data): edited, never created.
import { z } from 'zod';
import { choice, optionalDate, optionalText, optionalUrl, sourceFields, sourceSchema, stripTimestamps, textOf, type FieldSpec, type Kind } from '../master/kit.ts';
import { formatPartialDate } from '../shared/labels.tsx';

const blocks = ['1', '2', '3', '4', '5'] as const;

const fields: FieldSpec[] = [
  { name: 'name', label: { ja: '区名', en: 'Ward' }, type: 'text', readonly: true },
  { name: 'block', label: { ja: 'ブロック', en: 'Block' }, type: 'select', required: true, options: blocks.map((b) => ({ value: b, label: { ja: `第${b}ブロック`, en: `Block ${b}` } })) },
  { name: 'mayor_name', label: { ja: '区長名', en: 'Mayor' }, type: 'text', maxlength: 100 },
  { name: 'mayor_as_of', label: { ja: '区長名の時点', en: 'Mayor as of' }, type: 'date', hint: { ja: 'この日に在任していることを確かめた日。例：2024-11-14', en: 'The day the mayor was known to be in office, e.g. 2024-11-14.' } },
  { name: 'website_url', label: { ja: '区のウェブサイト', en: 'Website' }, type: 'url', maxlength: 500 },
  ...sourceFields,
];

const schema = z.object({
  block: choice(blocks).transform(Number),
  mayor_name: optionalText(100),
  mayor_as_of: optionalDate,
  website_url: optionalUrl,
  ...sourceSchema,
});
type Value = z.infer<typeof schema>;

export const wards: Kind<Value> = {
  slug: 'wards',
  entity: 'ward',
  title: { ja: '特別区', en: 'Special wards' },
  noun: { ja: '区', en: 'ward' },
  lead: { ja: '23区の特別区長会ブロック、区長名（時点つき）、ウェブサイトと出典です。', en: 'The 23 wards: block, mayor (with the as-of date), website and source.' },
  fields,
  schema,
  canCreate: false,
  canDelete: false,
  columns: [
    { ja: '区', en: 'Ward' },
    { ja: 'ブロック', en: 'Block' },
    { ja: '区長名', en: 'Mayor' },
    { ja: '時点', en: 'As of' },
  ],
  async list(db, ctx) {
    const rows = await db
      .selectFrom('wards as w')
      .innerJoin('local_governments as lg', 'lg.code', 'w.code')
      .select(['w.code', 'lg.name', 'w.block', 'w.mayor_name', 'w.mayor_as_of', 'w.deleted_at'])
      .orderBy('w.code')
      .execute();
    return rows.map((r) => ({
      id: r.code,
      deletedAt: r.deleted_at,
      cells: [r.name, ctx.tFormat(`第${r.block}ブロック`, `Block ${r.block}`), r.mayor_name, formatPartialDate(ctx, r.mayor_as_of)],
    }));
  },
  async snapshot(db, id) {
    const row = await db
      .selectFrom('wards as w')
      .innerJoin('local_governments as lg', 'lg.code', 'w.code')
      .selectAll('w')
      .select('lg.name')
      .where('w.code', '=', id)
      .executeTakeFirst();
    return row ? stripTimestamps(row) : undefined;
  },
  nameOf: (s) => textOf(s['name']),
  async update(trx, id, value, now) {
    await trx.updateTable('wards').set({ ...value, updated_at: now }).where('code', '=', id).execute();
  },
};
