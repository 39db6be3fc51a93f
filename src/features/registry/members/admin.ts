// The back office of the registered member municipalities (会員登録自治体), /registry/members, a
// record kind of the master pages (master/): members recorded by hand, for the years before
// accounts existed. The first approved account records a municipality by itself
// (source 'account'); those rows are shown here but changed only through accounts.
//
// registered_members has no deleted_at: a deleted row is removed, and its last snapshot in the
// change history is what a restore puts back.
import { z } from 'zod';
import { isValidLocalGovCode } from '../../../domain/local-gov-code.ts';
import { Refusal, optionalText, requiredCode, requiredDate, textOf, type Db, type FieldSpec, type Kind, type ListItem } from '../master/kit.ts';
import { formatPartialDate } from '../shared/labels.tsx';

const fields: FieldSpec[] = [
  {
    name: 'local_government_code',
    label: { ja: '団体コード', en: 'Local government code' },
    type: 'text',
    required: true,
    maxlength: 6,
    createOnly: true,
    hint: { ja: '6桁の全国地方公共団体コード（例：名寄市は012211）。', en: 'The 6-digit code (e.g. 012211 for Nayoro).' },
  },
  { name: 'joined_on', label: { ja: '会員登録日', en: 'Joined on' }, type: 'date', required: true, hint: { ja: '例：2019-04-01、2019/4/1', en: 'E.g. 2019-04-01.' } },
  { name: 'note', label: { ja: 'メモ', en: 'Note' }, type: 'textarea', maxlength: 1000, hint: { ja: '記録の根拠など。', en: 'Where the date comes from.' } },
];

const schema = z.object({
  local_government_code: requiredCode(6).refine(isValidLocalGovCode, 'codes'),
  joined_on: requiredDate,
  note: optionalText(1000),
});
type Value = z.infer<typeof schema>;

async function current(db: Db, code: string) {
  return db
    .selectFrom('registered_members as m')
    .innerJoin('local_governments as lg', 'lg.code', 'm.local_government_code')
    .select(['m.local_government_code', 'lg.name', 'm.joined_on', 'm.source', 'm.note'])
    .where('m.local_government_code', '=', code)
    .executeTakeFirst();
}

/** The last history row of each member code, for the deleted ones and their restore. */
async function lastChanges(db: Db): Promise<Map<string, { action: string; before: Record<string, unknown> | null }>> {
  const rows = await db
    .selectFrom('record_changes')
    .select(['entity_id', 'action', 'before_json', 'occurred_at', 'id'])
    .where('entity_type', '=', 'registered_member')
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const last = new Map<string, { action: string; before: Record<string, unknown> | null }>();
  for (const r of rows) last.set(r.entity_id, { action: r.action, before: r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null });
  return last;
}

export const members: Kind<Value> = {
  slug: 'members',
  entity: 'registered_member',
  title: { ja: '会員登録自治体', en: 'Registered member municipalities' },
  noun: { ja: '会員登録自治体', en: 'registered member' },
  lead: {
    ja: '会員登録自治体と登録日です。アカウントの承認で自動的に記録されたもの（登録元：承認）は、ここでは変更できません。それ以前の会員は手入力で記録します。',
    en: 'Member municipalities and the date they joined. Those recorded by an account approval cannot be changed here; earlier members are recorded by hand.',
  },
  fields,
  schema,
  canCreate: true,
  canDelete: true,
  columns: [
    { ja: '自治体', en: 'Municipality' },
    { ja: '団体コード', en: 'Code' },
    { ja: '会員登録日', en: 'Joined' },
    { ja: '登録元', en: 'Recorded by' },
    { ja: 'メモ', en: 'Note' },
  ],
  async list(db, ctx) {
    const rows = await db
      .selectFrom('registered_members as m')
      .innerJoin('local_governments as lg', 'lg.code', 'm.local_government_code')
      .select(['m.local_government_code', 'lg.name', 'm.joined_on', 'm.source', 'm.note'])
      .orderBy('m.joined_on')
      .orderBy('m.local_government_code')
      .execute();
    const sourceText = (s: string) => (s === 'manual' ? ctx.t('手入力', 'By hand') : ctx.t('承認', 'Approval'));
    const items: ListItem[] = rows.map((r) => ({
      id: r.local_government_code,
      deletedAt: null,
      editable: r.source === 'manual',
      cells: [r.name, r.local_government_code, formatPartialDate(ctx, r.joined_on), sourceText(r.source), r.note ?? ''],
    }));
    const present = new Set(rows.map((r) => r.local_government_code));
    for (const [code, change] of await lastChanges(db)) {
      if (change.action !== 'delete' || present.has(code) || !change.before) continue;
      const b = change.before;
      items.push({ id: code, deletedAt: 'deleted', cells: [textOf(b['name']), code, formatPartialDate(ctx, textOf(b['joined_on'])), sourceText(textOf(b['source'])), textOf(b['note'])] });
    }
    return items;
  },
  async snapshot(db, id) {
    const row = await current(db, id);
    return row ? { ...row, note: row.note ?? '' } : undefined;
  },
  nameOf: (s) => `${textOf(s['name'])}（${textOf(s['local_government_code'])}）`,
  async check(db, value, id) {
    const code = value.local_government_code;
    const lg = await db.selectFrom('local_governments').select(['code', 'level']).where('code', '=', code).executeTakeFirst();
    if (!lg || lg.level !== 'municipality') {
      return [{ field: 'local_government_code', message: { ja: 'この団体コードの市区町村は登録されていません。', en: 'No municipality has this code.' } }];
    }
    if (id === undefined && (await current(db, code))) {
      return [{ field: 'local_government_code', message: { ja: 'この自治体はすでに会員登録自治体として記録されています。', en: 'This municipality is already recorded as a member.' } }];
    }
    return [];
  },
  async create(trx, value) {
    await trx.insertInto('registered_members').values({ local_government_code: value.local_government_code, joined_on: value.joined_on, note: value.note || null, source: 'manual' }).execute();
    return value.local_government_code;
  },
  async update(trx, id, value) {
    const row = await current(trx, id);
    if (row?.source !== 'manual') throw new Refusal({ field: 'record', message: accountOnly });
    await trx.updateTable('registered_members').set({ joined_on: value.joined_on, note: value.note || null }).where('local_government_code', '=', id).execute();
  },
  async remove(trx, id) {
    const row = await current(trx, id);
    if (row?.source !== 'manual') throw new Refusal({ field: 'record', message: accountOnly });
    await trx.deleteFrom('registered_members').where('local_government_code', '=', id).execute();
  },
  async restore(trx, id) {
    const change = (await lastChanges(trx)).get(id);
    if (!change || change.action !== 'delete' || !change.before || (await current(trx, id))) {
      throw new Refusal({ field: 'record', message: { ja: 'この記録は削除されていません（すでに復元されています）。', en: 'This record is not deleted (it may have been restored already).' } });
    }
    const b = change.before;
    await trx
      .insertInto('registered_members')
      .values({ local_government_code: id, joined_on: textOf(b['joined_on']), note: textOf(b['note']) || null, source: 'manual' })
      .execute();
  },
  async isDeleted(db, id) {
    return !(await current(db, id)) && (await lastChanges(db)).get(id)?.action === 'delete';
  },
};

const accountOnly = {
  ja: 'アカウントの承認で記録された会員登録自治体は、ここでは変更・削除できません。',
  en: 'A member recorded by an account approval cannot be changed or deleted here.',
};
