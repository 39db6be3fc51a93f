// The back office of the joint regional plans (広域共同計画), /registry/joint-plans, a record kind
// of the master pages (master/): plans wards draw up with partner municipalities, with the date
// the plan was approved and the grant it receives.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { softDeletion } from '../master/commands.ts';
import {
  checkCodes,
  codeList,
  fieldNamed,
  optionalText,
  partialDate,
  precision,
  precisionOptions,
  recordColumns,
  requiredText,
  sourceFields,
  sourceSchema,
  stripTimestamps,
  textOf,
  wardList,
  withPrecision,
  type Db,
  type FieldSpec,
  type Kind,
} from '../master/kit.ts';
import { governmentNames, namesText, wardOptions } from '../master/lookups.ts';
import { formatPartialDate } from '../shared/labels.tsx';

const fields: FieldSpec[] = [
  { name: 'title', label: { ja: '計画名', en: 'Title' }, type: 'text', required: true, maxlength: 300 },
  { name: 'ward_codes', label: { ja: '区', en: 'Wards' }, type: 'wards', required: true },
  {
    name: 'partner_codes',
    label: { ja: '連携する市町村（団体コード）', en: 'Partner municipalities (codes)' },
    type: 'codes',
    hint: { ja: '6桁の団体コードを空白・改行・読点で区切って入力します。', en: '6-digit codes separated by spaces, lines or commas.' },
  },
  { name: 'region_label', label: { ja: '地域の表記', en: 'Region' }, type: 'text', maxlength: 100 },
  { name: 'approved_on', label: { ja: '承認日', en: 'Approved on' }, type: 'date', hint: { ja: '例：2020-03-31、2020/3/31。不明なら空欄。', en: 'E.g. 2020-03-31; empty when unknown.' } },
  { name: 'approved_on_precision', label: { ja: '承認日の精度', en: 'Precision of the date' }, type: 'precision', options: precisionOptions },
  { name: 'grant_name', label: { ja: '交付金など', en: 'Grant' }, type: 'text', maxlength: 200 },
  ...sourceFields,
];

const schema = z
  .object({
    title: requiredText(300),
    ward_codes: wardList.pipe(z.array(z.string()).min(1, 'choose')),
    partner_codes: codeList,
    region_label: optionalText(100),
    approved_on: partialDate,
    approved_on_precision: precision,
    grant_name: optionalText(200),
    ...sourceSchema,
  })
  .transform((v, c) => ({ ...v, approved_on: withPrecision(v.approved_on, v.approved_on_precision, c, 'approved_on') }));
type Value = z.infer<typeof schema>;

function columnsOf(value: Value) {
  const { ward_codes: _w, partner_codes: _p, ...columns } = value;
  return columns;
}

async function setParties(trx: Db, id: string, value: Value): Promise<void> {
  await trx.deleteFrom('joint_plan_wards').where('plan_id', '=', id).execute();
  await trx.deleteFrom('joint_plan_partners').where('plan_id', '=', id).execute();
  if (value.ward_codes.length > 0) await trx.insertInto('joint_plan_wards').values(value.ward_codes.map((w) => ({ plan_id: id, ward_code: w }))).execute();
  if (value.partner_codes.length > 0) await trx.insertInto('joint_plan_partners').values(value.partner_codes.map((c) => ({ plan_id: id, local_government_code: c }))).execute();
}

export const jointPlans: Kind<Value> = {
  slug: 'joint-plans',
  entity: 'joint_plan',
  title: { ja: '広域共同計画', en: 'Joint regional plans' },
  noun: { ja: '広域共同計画', en: 'joint plan' },
  lead: { ja: '区と全国の市町村が共同で作る計画（広域共同計画）です。', en: 'Plans the wards draw up together with municipalities.' },
  fields,
  schema,
  canCreate: true,
  canDelete: true,
  columns: [
    { ja: '計画名', en: 'Title' },
    { ja: '区', en: 'Wards' },
    { ja: '市町村', en: 'Partners' },
    { ja: '承認日', en: 'Approved' },
  ],
  async list(db, ctx) {
    const rows = await db.selectFrom('joint_plans').selectAll().orderBy('approved_on').orderBy('title').execute();
    const wardRows = await db.selectFrom('joint_plan_wards').select(['plan_id', 'ward_code']).orderBy('ward_code').execute();
    const partnerRows = await db.selectFrom('joint_plan_partners').select(['plan_id', 'local_government_code']).orderBy('local_government_code').execute();
    const names = await governmentNames(db, [...wardRows.map((w) => w.ward_code), ...partnerRows.map((p) => p.local_government_code)]);
    return rows.map((r) => ({
      id: r.id,
      deletedAt: r.deleted_at,
      cells: [
        r.title,
        namesText(names, wardRows.filter((w) => w.plan_id === r.id).map((w) => w.ward_code)),
        namesText(names, partnerRows.filter((p) => p.plan_id === r.id).map((p) => p.local_government_code)),
        formatPartialDate(ctx, r.approved_on, r.approved_on_precision),
      ],
    }));
  },
  async snapshot(db, id) {
    const row = await db.selectFrom('joint_plans').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const wards = await db.selectFrom('joint_plan_wards').select('ward_code').where('plan_id', '=', id).orderBy('ward_code').execute();
    const partners = await db.selectFrom('joint_plan_partners').select('local_government_code').where('plan_id', '=', id).orderBy('local_government_code').execute();
    return { ...stripTimestamps(row), ward_codes: wards.map((w) => w.ward_code), partner_codes: partners.map((p) => p.local_government_code) };
  },
  nameOf: (s) => textOf(s['title']),
  choices: async (db) => ({ ward_codes: await wardOptions(db) }),
  async check(db, value) {
    const wards = new Set((await wardOptions(db)).map((w) => w.value));
    const problems = value.ward_codes.every((w) => wards.has(w)) ? [] : [{ field: 'ward_codes', message: { ja: '区を一覧から選んでください。', en: 'Choose wards from the list.' } }];
    return [...problems, ...(await checkCodes(db, fieldNamed(fields, 'partner_codes'), value.partner_codes, { municipalitiesOnly: true }))];
  },
  async create(trx, value, now) {
    const id = randomUUID();
    await trx.insertInto('joint_plans').values({ id, ...columnsOf(value), ...recordColumns(value, now) }).execute();
    await setParties(trx, id, value);
    return id;
  },
  async update(trx, id, value, now) {
    await trx.updateTable('joint_plans').set({ ...columnsOf(value), updated_at: now }).where('id', '=', id).execute();
    await setParties(trx, id, value);
  },
  ...softDeletion('joint_plans'),
};
