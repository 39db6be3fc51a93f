// The back office of the agreement-type vocabulary, /registry/types (交流自治体協定, 姉妹都市,
// 災害時相互援助協定 …): a record kind of the master pages (master/). A type in use by any agreement (deleted ones included, since they can be restored) cannot be
// deleted; names are unique, deleted types included (the column is unique).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AgreementCategory } from '../../../db/schema.ts';
import { softDelete, softDeletion } from '../master/commands.ts';
import { choice, optionalText, Refusal, requiredInteger, requiredText, stripTimestamps, textOf, type FieldSpec, type Kind } from '../master/kit.ts';
import { categoryLabels, say } from '../shared/labels.tsx';

const categories = ['friendship', 'disaster', 'other'] as const satisfies readonly AgreementCategory[];

const fields: FieldSpec[] = [
  { name: 'name', label: { ja: '名称', en: 'Name' }, type: 'text', required: true, maxlength: 100 },
  { name: 'name_en', label: { ja: '英語の名称', en: 'English name' }, type: 'text', maxlength: 100 },
  {
    name: 'category',
    label: { ja: '分類', en: 'Category' },
    type: 'select',
    required: true,
    options: categories.map((c) => ({ value: c, label: categoryLabels[c] })),
    hint: { ja: '数値と絞り込みで種別をまとめる分類です。', en: 'Groups the types in figures and filters.' },
  },
  { name: 'sort_order', label: { ja: '表示順', en: 'Sort order' }, type: 'integer', required: true, hint: { ja: '小さい順に並びます（0〜9999）。', en: 'Smallest first (0–9999).' } },
];

const schema = z.object({
  name: requiredText(100),
  name_en: optionalText(100),
  category: choice(categories),
  sort_order: requiredInteger(0, 9999),
});
type Value = z.infer<typeof schema>;

export const agreementTypes: Kind<Value> = {
  slug: 'types',
  entity: 'agreement_type',
  title: { ja: '協定の種別', en: 'Agreement types' },
  noun: { ja: '種別', en: 'type' },
  lead: {
    ja: '協定の種別の一覧です。協定で使われている種別は削除できません（名称の変更はできます）。',
    en: 'The vocabulary of agreement types. A type used by an agreement cannot be deleted (it can be renamed).',
  },
  fields,
  schema,
  canCreate: true,
  canDelete: true,
  columns: [
    { ja: '名称', en: 'Name' },
    { ja: '英語の名称', en: 'English name' },
    { ja: '分類', en: 'Category' },
    { ja: '表示順', en: 'Order' },
    { ja: '使用中の協定', en: 'Agreements' },
  ],
  async list(db, ctx) {
    const rows = await db
      .selectFrom('agreement_types as t')
      .select(['t.id', 't.name', 't.name_en', 't.category', 't.sort_order', 't.deleted_at'])
      .select((eb) => eb.selectFrom('agreements as a').whereRef('a.type_id', '=', 't.id').where('a.deleted_at', 'is', null).select((e) => e.fn.countAll<number>().as('n')).as('used'))
      .orderBy('t.sort_order')
      .orderBy('t.name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      deletedAt: r.deleted_at,
      cells: [r.name, r.name_en, say(ctx, categoryLabels[r.category]), String(r.sort_order), ctx.tFormat(`${Number(r.used ?? 0)}件`, String(Number(r.used ?? 0)))],
    }));
  },
  async snapshot(db, id) {
    const row = await db.selectFrom('agreement_types').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? stripTimestamps(row) : undefined;
  },
  nameOf: (s) => textOf(s['name']),
  blank: () => ({ name: '', name_en: '', category: 'friendship', sort_order: '100' }),
  async check(db, value, id) {
    let q = db.selectFrom('agreement_types').select('id').where('name', '=', value.name);
    if (id) q = q.where('id', '<>', id);
    const clash = await q.executeTakeFirst();
    return clash ? [{ field: 'name', message: { ja: 'この名称の種別はすでにあります（削除した種別を含みます）。', en: 'A type with this name already exists (deleted types included).' } }] : [];
  },
  async create(trx, value, now) {
    const id = randomUUID();
    await trx.insertInto('agreement_types').values({ id, ...value, created_at: now, updated_at: now, deleted_at: null }).execute();
    return id;
  },
  async update(trx, id, value, now) {
    await trx.updateTable('agreement_types').set({ ...value, updated_at: now }).where('id', '=', id).execute();
  },
  ...softDeletion('agreement_types'),
  // A type in use is refused before the soft delete (restore and isDeleted are softDeletion's).
  async remove(trx, id, now) {
    const used = await trx.selectFrom('agreements').select((e) => e.fn.countAll<number>().as('n')).where('type_id', '=', id).executeTakeFirstOrThrow();
    const n = Number(used.n);
    if (n > 0) {
      throw new Refusal({
        field: 'record',
        message: {
          ja: `この種別は${n}件の協定（削除済みを含む）で使われているため削除できません。先に協定の種別を変更してください。`,
          en: `This type is used by ${n} agreement(s) (deleted ones included) and cannot be deleted. Change their type first.`,
        },
      });
    }
    await softDelete(trx, 'agreement_types', id, now);
  },
  historyLabels: { id: { ja: 'ID', en: 'ID' } },
};
