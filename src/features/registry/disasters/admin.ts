// The back office of the disasters, /registry/disasters and /registry/disaster-support, two record
// kinds of the master pages (master/): disasters and the lines of support the 23 wards gave (money
// with its recipients and amount, staff dispatched as a cumulative count with its as-of date,
// goods). A support line is a record of its own, with its own history; a disaster's page lists its
// lines in its own section.
import { z } from 'zod';
import type { DisasterSupportKind } from '../../../db/schema.ts';
import { supportKindLabels } from '../../../domain/disaster-support.ts';
import { tableRecords } from '../master/commands.ts';
import {
  choice,
  flag,
  ID_PATTERN,
  inputFromSnapshot,
  optionalDate,
  optionalInteger,
  optionalText,
  partialDate,
  precision,
  precisionOptions,
  requiredCode,
  requiredText,
  sourceFields,
  sourceSchema,
  textOf,
  withPrecision,
  type Db,
  type FieldSpec,
  type Kind,
} from '../master/kit.ts';
import { formatPartialDate, joinNames, namesOf, say } from '../shared/labels.tsx';
import { DisasterDetail, supportAmountText } from './admin-views.tsx';

// ---------------------------------------------------------------------------------------------
// Disasters

const disasterFields: FieldSpec[] = [
  { name: 'name', label: { ja: '災害名', en: 'Disaster' }, type: 'text', required: true, maxlength: 200, hint: { ja: '例：令和6年能登半島地震', en: 'E.g. the 2024 Noto Peninsula Earthquake.' } },
  { name: 'occurred_on', label: { ja: '発生日', en: 'Occurred on' }, type: 'date', hint: { ja: '例：2024-01-01、2024/1/1。不明なら空欄。', en: 'E.g. 2024-01-01; empty when unknown.' } },
  { name: 'occurred_on_precision', label: { ja: '発生日の精度', en: 'Precision of the date' }, type: 'precision', options: precisionOptions },
  { name: 'occurred_label', label: { ja: '発生日の表記', en: 'Date as printed' }, type: 'text', maxlength: 100, hint: { ja: '出典の表記が1日に収まらない場合（例：4月14日~16日）。', en: 'When the source gives more than one day (e.g. 14–16 April).' } },
  { name: 'support_summary', label: { ja: '支援の概要', en: 'Summary of the support' }, type: 'textarea', maxlength: 2000 },
  ...sourceFields,
];

const disasterSchema = z
  .object({
    name: requiredText(200),
    occurred_on: partialDate,
    occurred_on_precision: precision,
    occurred_label: optionalText(100),
    support_summary: optionalText(2000),
    ...sourceSchema,
  })
  .transform((v, c) => ({ ...v, occurred_on: withPrecision(v.occurred_on, v.occurred_on_precision, c, 'occurred_on') }));
type DisasterValue = z.infer<typeof disasterSchema>;

export const disasters: Kind<DisasterValue> = {
  slug: 'disasters',
  entity: 'disaster',
  title: { ja: '被災地支援', en: 'Disaster support' },
  noun: { ja: '災害', en: 'disaster' },
  lead: {
    ja: '災害と、23区が行った支援（復興支援金・見舞金・義援金、職員派遣、物資）です。支援の行は災害の編集ページから追加します。',
    en: 'Disasters and the support the 23 wards gave (money, staff, goods). Add support lines from a disaster’s page.',
  },
  fields: disasterFields,
  schema: disasterSchema,
  canCreate: true,
  canDelete: true,
  columns: [
    { ja: '災害名', en: 'Disaster' },
    { ja: '発生日', en: 'Occurred' },
    { ja: '支援の行', en: 'Support lines' },
  ],
  async list(db, ctx) {
    const rows = await db
      .selectFrom('disasters as d')
      .selectAll('d')
      .select((eb) => eb.selectFrom('disaster_support as s').whereRef('s.disaster_id', '=', 'd.id').where('s.deleted_at', 'is', null).select((e) => e.fn.countAll<number>().as('n')).as('lines'))
      .orderBy('d.occurred_on', 'desc')
      .orderBy('d.name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      deletedAt: r.deleted_at,
      cells: [r.name, r.occurred_label || formatPartialDate(ctx, r.occurred_on, r.occurred_on_precision), ctx.tFormat(`${Number(r.lines ?? 0)}行`, String(Number(r.lines ?? 0)))],
    }));
  },
  nameOf: (s) => textOf(s['name']),
  ...tableRecords<DisasterValue>('disasters'),
  // The disaster's support lines, with a link to add one.
  detail: async (db, ctx, id) => DisasterDetail({ ctx, disasterId: id, lines: await supportRows(db, id) }),
};

// ---------------------------------------------------------------------------------------------
// Support lines

const supportKinds = ['recovery_fund', 'sympathy_money', 'donation', 'staff', 'goods'] as const satisfies readonly DisasterSupportKind[];

const supportFields: FieldSpec[] = [
  { name: 'disaster_id', label: { ja: '災害', en: 'Disaster' }, type: 'select', required: true },
  { name: 'kind', label: { ja: '支援の種類', en: 'Kind of support' }, type: 'select', required: true, options: supportKinds.map((k) => ({ value: k, label: supportKindLabels[k] })) },
  { name: 'recipients', label: { ja: '支援先', en: 'Recipients' }, type: 'textarea', maxlength: 2000, hint: { ja: '出典の表記のまま、1行に1つ（例：熊本県市長会）。', en: 'As printed, one per line.' } },
  { name: 'amount_yen', label: { ja: '金額（円）', en: 'Amount (yen)' }, type: 'integer', hint: { ja: '金銭の支援の場合。半角数字（例：10000000）。', en: 'For money, in yen (e.g. 10000000).' } },
  { name: 'staff_count', label: { ja: '派遣職員数（累計）', en: 'Staff dispatched (cumulative)' }, type: 'integer', hint: { ja: '職員派遣の場合。時点までの累計人数。', en: 'For staff: the cumulative count as of the date.' } },
  { name: 'as_of', label: { ja: '時点', en: 'As of' }, type: 'date', hint: { ja: '派遣職員数の時点（例：2021-10-01）。', en: 'Date of the staff count (e.g. 2021-10-01).' } },
  { name: 'goods', label: { ja: '物資', en: 'Goods' }, type: 'textarea', maxlength: 2000 },
  { name: 'is_joint', label: { ja: '23区共同の支援', en: 'Given by the 23 wards together' }, type: 'checkbox' },
  ...sourceFields,
];

const supportSchema = z
  .object({
    disaster_id: requiredCode(40).pipe(z.string().regex(ID_PATTERN, 'choose')),
    kind: choice(supportKinds),
    recipients: optionalText(2000),
    amount_yen: optionalInteger(0, 1_000_000_000_000),
    staff_count: optionalInteger(0, 10_000_000),
    as_of: optionalDate,
    goods: optionalText(2000),
    is_joint: flag,
    ...sourceSchema,
  })
  .superRefine((v, c) => {
    if (v.kind === 'staff' && v.staff_count !== null && v.as_of === null) c.addIssue({ code: 'custom', path: ['as_of'], message: 'required' });
  })
  // Names are kept joined with ';' as the schema documents; the form shows one per line.
  .transform((v) => ({ ...v, recipients: v.recipients.split('\n').map((s) => s.trim()).filter(Boolean).join(';') }));
type SupportValue = z.infer<typeof supportSchema>;

/** The disasters not deleted: the choices of a support line, and the only ones it may point to. */
async function disasterOptions(db: Db) {
  const rows = await db.selectFrom('disasters').select(['id', 'name']).where('deleted_at', 'is', null).orderBy('occurred_on', 'desc').execute();
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

export const disasterSupport: Kind<SupportValue> = {
  slug: 'disaster-support',
  entity: 'disaster_support',
  title: { ja: '被災地支援の行', en: 'Disaster support lines' },
  noun: { ja: '支援の行', en: 'support line' },
  lead: { ja: '災害ごとの支援の行です。災害の編集ページからも追加・編集できます。', en: 'Lines of support per disaster; also reachable from each disaster’s page.' },
  fields: supportFields,
  schema: supportSchema,
  canCreate: true,
  canDelete: true,
  columns: [
    { ja: '災害', en: 'Disaster' },
    { ja: '種類', en: 'Kind' },
    { ja: '支援先', en: 'Recipients' },
    { ja: '金額・人数・物資', en: 'Amount, staff or goods' },
    { ja: '23区共同', en: 'Joint' },
  ],
  async list(db, ctx) {
    const rows = await supportRows(db);
    return rows.map((r) => ({
      id: r.id,
      deletedAt: r.deleted_at,
      cells: [
        r.disaster_name,
        say(ctx, supportKindLabels[r.kind]),
        joinNames(ctx, namesOf(r.recipients)),
        supportAmountText(ctx, r),
        r.is_joint ? ctx.t('はい', 'Yes') : ctx.t('いいえ', 'No'),
      ],
    }));
  },
  nameOf: (s) => `${supportKindLabels[s['kind'] as DisasterSupportKind]?.ja ?? textOf(s['kind'])} ${textOf(s['recipients']).split(';')[0] ?? ''}`.trim(),
  toInput: (s) => ({ ...inputFromSnapshot(supportFields, s), recipients: textOf(s['recipients']).split(';').join('\n') }),
  blank: (query) => ({ disaster_id: typeof query['disaster'] === 'string' ? query['disaster'] : '', kind: '', is_joint: '1' }),
  choices: async (db) => ({ disaster_id: await disasterOptions(db) }),
  async check(db, value) {
    const found = (await disasterOptions(db)).some((d) => d.value === value.disaster_id);
    return found ? [] : [{ field: 'disaster_id', message: { ja: '災害を一覧から選んでください。', en: 'Choose the disaster from the list.' } }];
  },
  ...tableRecords<SupportValue>('disaster_support'),
};

export async function supportRows(db: Db, disasterId?: string) {
  let q = db
    .selectFrom('disaster_support as s')
    .innerJoin('disasters as d', 'd.id', 's.disaster_id')
    .selectAll('s')
    .select('d.name as disaster_name')
    .orderBy('d.occurred_on', 'desc')
    .orderBy('s.kind')
    .orderBy('s.id');
  if (disasterId) q = q.where('s.disaster_id', '=', disasterId);
  return q.execute();
}
