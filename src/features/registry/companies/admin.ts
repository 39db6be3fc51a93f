// The back office of the company agreements, /registry/companies: agreements between 特別区長会 and
// companies (企業との連携), a record kind of the master pages (master/).
import { z } from 'zod';
import { tableRecords } from '../master/commands.ts';
import {
  optionalText,
  partialDate,
  precision,
  precisionOptions,
  requiredText,
  sourceFields,
  sourceSchema,
  textOf,
  withPrecision,
  type FieldSpec,
  type Kind,
} from '../master/kit.ts';
import { formatPartialDate } from '../shared/labels.tsx';

const fields: FieldSpec[] = [
  { name: 'company_name', label: { ja: '企業名', en: 'Company' }, type: 'text', required: true, maxlength: 200 },
  { name: 'former_name', label: { ja: '締結時の名称', en: 'Name when signed' }, type: 'text', maxlength: 200, hint: { ja: '社名が変わった場合だけ入力します。', en: 'Only if the company has since been renamed.' } },
  { name: 'signed_on', label: { ja: '締結日', en: 'Signed on' }, type: 'date', hint: { ja: '例：2019-11-27、2019/11/27。不明なら空欄。', en: 'E.g. 2019-11-27; empty when unknown.' } },
  { name: 'signed_on_precision', label: { ja: '締結日の精度', en: 'Precision of the date' }, type: 'precision', options: precisionOptions },
  { name: 'activities', label: { ja: '主な取組', en: 'Activities' }, type: 'textarea', maxlength: 2000, hint: { ja: '1行に1つ。', en: 'One per line.' } },
  ...sourceFields,
];

const schema = z
  .object({
    company_name: requiredText(200),
    former_name: optionalText(200),
    signed_on: partialDate,
    signed_on_precision: precision,
    activities: optionalText(2000),
    ...sourceSchema,
  })
  .transform((v, c) => ({ ...v, signed_on: withPrecision(v.signed_on, v.signed_on_precision, c, 'signed_on') }));
type Value = z.infer<typeof schema>;

export const companies: Kind<Value> = {
  slug: 'companies',
  entity: 'company_agreement',
  title: { ja: '企業との連携協定', en: 'Company agreements' },
  noun: { ja: '企業との協定', en: 'company agreement' },
  lead: { ja: '企業と結んだ連携協定です。', en: 'Agreements signed with companies.' },
  fields,
  schema,
  canCreate: true,
  canDelete: true,
  columns: [
    { ja: '企業名', en: 'Company' },
    { ja: '締結日', en: 'Signed' },
    { ja: '主な取組', en: 'Activities' },
  ],
  async list(db, ctx) {
    const rows = await db.selectFrom('company_agreements').selectAll().orderBy('signed_on').orderBy('company_name').execute();
    return rows.map((r) => ({
      id: r.id,
      deletedAt: r.deleted_at,
      cells: [r.company_name, formatPartialDate(ctx, r.signed_on, r.signed_on_precision), r.activities.split('\n')[0] ?? ''],
    }));
  },
  nameOf: (s) => textOf(s['company_name']),
  ...tableRecords<Value>('company_agreements'),
};
