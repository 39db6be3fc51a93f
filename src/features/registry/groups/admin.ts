// /registry/groups: the 13 wide-area agreements (広域連携協定) with 市長会 / 町村会. Their members
// are derived from the master data by rule; the secretariat records the signed date (unknown
// allowed), source, published count and the exceptions to the rule (a municipality added or
// removed, with the reason). The snapshot carries the exceptions, so their history is the group's.
import { z } from 'zod';
import { deriveGroupMembers, toMasterMunicipalities, type GroupException } from '../../../domain/wide-area-groups.ts';
import {
  choice,
  optionalInteger,
  requiredCode,
  requiredText,
  partialDate,
  precision,
  precisionOptions,
  sourceFields,
  sourceSchema,
  str,
  stripTimestamps,
  withPrecision,
  type Db,
  type FieldSpec,
  type Kind,
} from '../master/kit.ts';
import { dateLabel } from '../master/lookups.ts';

const fields: FieldSpec[] = [
  { name: 'name', label: { ja: '団体名', en: 'Group' }, type: 'text', readonly: true },
  {
    name: 'signed_on',
    label: { ja: '締結日', en: 'Signed on' },
    type: 'date',
    hint: { ja: '空欄にすると「不明」と表示されます。例：2016-04-26、2016/4/26、2016-04（月まで）', en: 'Leave empty when unknown. E.g. 2016-04-26, 2016/4/26, 2016-04 (month).' },
  },
  { name: 'signed_on_precision', label: { ja: '締結日の精度', en: 'Precision of the date' }, type: 'precision', options: precisionOptions },
  {
    name: 'published_member_count',
    label: { ja: '公表された構成団体数', en: 'Published member count' },
    type: 'integer',
    hint: { ja: 'パンフレット等で公表された数。空欄可。', en: 'As published (pamphlet); may be empty.' },
  },
  ...sourceFields,
];

const schema = z
  .object({
    signed_on: partialDate,
    signed_on_precision: precision,
    published_member_count: optionalInteger(0, 2000),
    ...sourceSchema,
  })
  .transform((v, c) => ({ ...v, signed_on: withPrecision(v.signed_on, v.signed_on_precision, c, 'signed_on') }));
type Value = z.infer<typeof schema>;

export const groupKindLabels = {
  city_mayors: { ja: '市長会', en: 'Mayors’ association' },
  town_village_mayors: { ja: '町村会', en: 'Town and village association' },
} as const;

export const groups: Kind<Value> = {
  slug: 'groups',
  entity: 'wide_area_group',
  title: { ja: '広域連携協定の団体', en: 'Wide-area agreement groups' },
  noun: { ja: '団体', en: 'group' },
  lead: {
    ja: '特別区長会と広域連携協定を結んだ13の市長会・町村会です。構成団体は全国の自治体の一覧から規則で導き（市長会＝その道府県の市、町村会＝町村）、例外をここで記録します。',
    en: 'The 13 mayors’ associations with a wide-area agreement. Members are derived from the master data by rule (cities, or towns and villages, of the prefecture); exceptions are recorded here.',
  },
  fields,
  schema,
  canCreate: false,
  canDelete: false,
  columns: [
    { ja: '団体名', en: 'Group' },
    { ja: '締結日', en: 'Signed' },
    { ja: '構成団体数（導出）', en: 'Members (derived)' },
    { ja: '公表数', en: 'Published' },
    { ja: '例外', en: 'Exceptions' },
  ],
  async list(db, ctx) {
    const rows = await db.selectFrom('wide_area_groups').selectAll().orderBy('sort_order').orderBy('id').execute();
    const counts = await derivedCounts(db);
    return rows.map((r) => {
      const c = counts.get(r.id);
      return {
        id: r.id,
        deletedAt: r.deleted_at,
        cells: [
          r.name,
          dateLabel(ctx, r.signed_on, r.signed_on_precision),
          String(c?.withExceptions ?? '—'),
          r.published_member_count === null ? '—' : String(r.published_member_count),
          ctx.tFormat(`${c?.exceptions ?? 0}件`, String(c?.exceptions ?? 0)),
        ],
      };
    });
  },
  async snapshot(db, id) {
    const row = await db.selectFrom('wide_area_groups').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const exceptions = await db
      .selectFrom('wide_area_group_exceptions')
      .select(['local_government_code', 'change', 'note'])
      .where('group_id', '=', id)
      .orderBy('local_government_code')
      .orderBy('change')
      .execute();
    return { ...stripTimestamps(row), exceptions: exceptions.map((e) => `${e.change === 'add' ? '+' : '−'}${e.local_government_code}${e.note ? ` (${e.note})` : ''}`) };
  },
  nameOf: (s) => str(s['name']),
  async update(trx, id, value, now) {
    await trx.updateTable('wide_area_groups').set({ ...value, updated_at: now }).where('id', '=', id).execute();
  },
  historyLabels: { exceptions: { ja: '例外', en: 'Exceptions' } },
};

export interface GroupMembership {
  /** Members by the rule alone. */
  byRule: number;
  /** Members after the recorded exceptions. */
  withExceptions: number;
  exceptions: number;
}

/** Each group's derived member count, before and after its exceptions (deriveGroupMembers). */
export async function derivedCounts(db: Db, onlyGroupId?: string): Promise<Map<string, GroupMembership>> {
  let gq = db.selectFrom('wide_area_groups').selectAll();
  if (onlyGroupId) gq = gq.where('id', '=', onlyGroupId);
  const groupRows = await gq.execute();
  if (groupRows.length === 0) return new Map();
  const prefectures = [...new Set(groupRows.map((g) => g.prefecture_code))];
  const municipalities = toMasterMunicipalities(
    await db
      .selectFrom('local_governments')
      .select(['code', 'level', 'prefecture_code', 'kind', 'is_counted', 'valid_from', 'valid_to'])
      .where('prefecture_code', 'in', prefectures)
      .execute(),
  );
  const exceptionRows = await db.selectFrom('wide_area_group_exceptions').select(['group_id', 'local_government_code', 'change', 'note']).orderBy('created_at').orderBy('id').execute();
  const exceptions: GroupException[] = exceptionRows.map((e) => ({ groupId: e.group_id, code: e.local_government_code, change: e.change, note: e.note }));
  const out = new Map<string, GroupMembership>();
  for (const g of groupRows) {
    const group = { id: g.id, nameJa: g.name, prefectureCode: g.prefecture_code, kind: g.kind, signedOn: g.signed_on, publishedMemberCount: g.published_member_count ?? 0 };
    out.set(g.id, {
      byRule: deriveGroupMembers(group, municipalities).length,
      withExceptions: deriveGroupMembers(group, municipalities, exceptions).length,
      exceptions: exceptions.filter((e) => e.groupId === g.id).length,
    });
  }
  return out;
}

export interface ExceptionRow {
  id: string;
  code: string;
  name: string;
  change: 'add' | 'remove';
  note: string;
}

export async function exceptionsOf(db: Db, groupId: string): Promise<ExceptionRow[]> {
  const rows = await db
    .selectFrom('wide_area_group_exceptions as e')
    .leftJoin('local_governments as lg', 'lg.code', 'e.local_government_code')
    .select(['e.id', 'e.local_government_code', 'lg.name', 'e.change', 'e.note'])
    .where('e.group_id', '=', groupId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.local_government_code, name: r.name ?? r.local_government_code, change: r.change, note: r.note }));
}

// ---------------------------------------------------------------------------------------------
// The exception form on a group's page (POST /registry/groups/:id/exceptions)

export const exceptionFields: FieldSpec[] = [
  {
    name: 'code',
    label: { ja: '団体コード', en: 'Local government code' },
    type: 'text',
    required: true,
    maxlength: 6,
    hint: { ja: '6桁の全国地方公共団体コード（例：北海道名寄市は012211）。', en: 'The 6-digit code (e.g. 012211 for Nayoro).' },
  },
  {
    name: 'change',
    label: { ja: '例外の種類', en: 'Kind of exception' },
    type: 'select',
    required: true,
    options: [
      { value: 'remove', label: { ja: '構成団体から除く', en: 'Remove from the members' } },
      { value: 'add', label: { ja: '構成団体に加える', en: 'Add to the members' } },
    ],
  },
  { name: 'note', label: { ja: '理由', en: 'Reason' }, type: 'text', required: true, maxlength: 500 },
];

export const exceptionSchema = z.object({
  code: requiredCode(6),
  change: choice(['add', 'remove'] as const),
  note: requiredText(500),
});
