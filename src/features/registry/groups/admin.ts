// The back office of the wide-area groups, /registry/groups: the 13 wide-area agreements
// (広域連携協定) with 市長会 / 町村会, a record kind of the master pages (master/). Their members
// are derived from the master data by rule; the secretariat records the signed date (unknown
// allowed), source, published count and the exceptions to the rule (a municipality added or
// removed, with the reason) in the group's own section. The snapshot carries the exceptions, so
// their history is the group's.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deriveGroupMembers, toMasterMunicipalities, type GroupException } from '../../../domain/wide-area-groups.ts';
import { guard } from '../../../policy/guards.ts';
import type { FieldError } from '../../../views/components/error-summary.tsx';
import { contextFor } from '../../../views/render.ts';
import {
  checkCodes,
  choice,
  fieldNamed,
  optionalInteger,
  parseWith,
  partialDate,
  precision,
  precisionOptions,
  problemErrors,
  requiredCode,
  requiredText,
  sourceFields,
  sourceSchema,
  stripTimestamps,
  textOf,
  withPrecision,
  type Db,
  type FieldSpec,
  type Kind,
  type KindTools,
} from '../master/kit.ts';
import { formatPartialDate } from '../shared/labels.tsx';
import { GroupDetail, type ExceptionRow, type GroupMembership } from './admin-views.tsx';

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
          formatPartialDate(ctx, r.signed_on, r.signed_on_precision),
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
  nameOf: (s) => textOf(s['name']),
  async update(trx, id, value, now) {
    await trx.updateTable('wide_area_groups').set({ ...value, updated_at: now }).where('id', '=', id).execute();
  },
  historyLabels: { exceptions: { ja: '例外', en: 'Exceptions' } },
  // The member counts and the exceptions to the rule, with the form to add one.
  async detail(db, ctx, id, state) {
    const group = await db.selectFrom('wide_area_groups').select('published_member_count').where('id', '=', id).executeTakeFirst();
    return GroupDetail({
      ctx,
      groupId: id,
      membership: (await derivedCounts(db, id)).get(id),
      published: group?.published_member_count ?? null,
      exceptions: await exceptionsOf(db, id),
      fields: exceptionFields,
      errors: state?.errors ?? [],
      input: state?.input ?? { change: 'remove' },
    });
  },
  routes: exceptionRoutes,
};

/** Each group's derived member count, before and after its exceptions (deriveGroupMembers). */
async function derivedCounts(db: Db, onlyGroupId?: string): Promise<Map<string, GroupMembership>> {
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

async function exceptionsOf(db: Db, groupId: string): Promise<ExceptionRow[]> {
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

const exceptionFields: FieldSpec[] = [
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

const exceptionSchema = z.object({
  code: requiredCode(6),
  change: choice(['add', 'remove'] as const),
  note: requiredText(500),
});

/** Adding and removing an exception: changes of the group, in its history. */
function exceptionRoutes(app: FastifyInstance, { db, idOf, notFound, editPage, write }: KindTools): void {
  app.post('/registry/groups/:id/exceptions', async (request, reply) => {
    const actor = guard(request, reply, 'registry:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = idOf(request);
    const group = id ? await db.selectFrom('wide_area_groups').select('id').where('id', '=', id).executeTakeFirst() : undefined;
    if (!id || !group) return notFound(reply, ctx);
    const parsed = parseWith(ctx, exceptionFields, exceptionSchema, request.body);
    const again = (errors: FieldError[], status = 400) => editPage(reply, ctx, id, { errors, input: parsed.input }, status);
    if (!parsed.ok) return again(parsed.errors);
    const { code, change, note } = parsed.value;
    const problems = await checkCodes(db, fieldNamed(exceptionFields, 'code'), [code], { municipalitiesOnly: true });
    if (problems.length > 0) return again(problemErrors(ctx, problems));
    const same = await db.selectFrom('wide_area_group_exceptions').select('id').where('group_id', '=', id).where('local_government_code', '=', code).executeTakeFirst();
    if (same) {
      return again(problemErrors(ctx, [{ field: 'code', message: { ja: 'この自治体の例外はすでに記録されています。先に取り消してください。', en: 'An exception for this municipality is already recorded; remove it first.' } }]));
    }
    const outcome = await write(request, actor.id, id, async (trx, now) => {
      await trx.insertInto('wide_area_group_exceptions').values({ id: randomUUID(), group_id: id, local_government_code: code, change, note, created_at: now }).execute();
    });
    if (!outcome.ok) return notFound(reply, ctx);
    return reply.redirect(`/registry/groups/${encodeURIComponent(id)}?done=exceptionAdded`, 303);
  });

  app.post('/registry/groups/:id/exceptions/:exceptionId/remove', async (request, reply) => {
    const actor = guard(request, reply, 'registry:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = idOf(request);
    const exceptionId = idOf(request, 'exceptionId');
    const exception =
      id && exceptionId
        ? await db.selectFrom('wide_area_group_exceptions').select('id').where('id', '=', exceptionId).where('group_id', '=', id).executeTakeFirst()
        : undefined;
    if (!id || !exceptionId || !exception) return notFound(reply, ctx);
    const outcome = await write(request, actor.id, id, async (trx) => {
      await trx.deleteFrom('wide_area_group_exceptions').where('id', '=', exceptionId).where('group_id', '=', id).execute();
    });
    if (!outcome.ok) return notFound(reply, ctx);
    return reply.redirect(`/registry/groups/${encodeURIComponent(id)}?done=exceptionRemoved`, 303);
  });
}
