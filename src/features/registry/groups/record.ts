// The wide-area groups (広域連携協定: 特別区長会 ↔ a prefecture's 市長会 or 町村会). Their members are
// derived from the master data by the group's rule (domain/wide-area-groups.ts) with recorded
// exceptions, so a merger recorded in the master data moves the figures without editing a list.
import type { Kysely } from 'kysely';
import type { Database, GroupKind } from '../../../db/schema.ts';
import { deriveGroupMembers, toMasterMunicipalities, type GroupException } from '../../../domain/wide-area-groups.ts';
import type { GroupName } from '../model/names.ts';
import type { Government, PartialDate, RecordOrigin } from '../model/shapes.ts';

export interface GroupExceptionRecord {
  id: string;
  code: string;
  name: string;
  kana: string;
  change: 'add' | 'remove';
  note: string;
}

export interface WideAreaGroupRecord extends RecordOrigin {
  id: string;
  name: string;
  prefectureCode: string;
  prefectureName: string;
  kind: GroupKind;
  signed: PartialDate;
  autoRenewal: boolean;
  publishedMemberCount: number | null;
  /** Derived members today (sorted codes). */
  memberCodes: string[];
  exceptions: GroupExceptionRecord[];
}

export interface LoadedGroups {
  /** The groups that are not deleted, in their order. */
  live: WideAreaGroupRecord[];
  /** Every group's name, deleted ones included (records may still name them). */
  names: Map<string, GroupName>;
}

export async function loadGroups(db: Kysely<Database>, governments: ReadonlyMap<string, Government>): Promise<LoadedGroups> {
  const [rows, exceptionRows] = await Promise.all([
    db.selectFrom('wide_area_groups').selectAll().orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('wide_area_group_exceptions').selectAll().orderBy('created_at').orderBy('id').execute(),
  ]);
  const master = toMasterMunicipalities(
    [...governments.values()].map((g) => ({ code: g.code, level: g.level, prefecture_code: g.prefectureCode, kind: g.kind, is_counted: g.isCounted, valid_from: g.validFrom, valid_to: g.validTo })),
  );
  const exceptions: GroupException[] = exceptionRows.map((e) => ({ groupId: e.group_id, code: e.local_government_code, change: e.change, note: e.note }));
  const live = rows
    .filter((r) => r.deleted_at === null)
    .map((r): WideAreaGroupRecord => ({
      id: r.id,
      name: r.name,
      prefectureCode: r.prefecture_code,
      prefectureName: [...governments.values()].find((g) => g.level === 'prefecture' && g.prefectureCode === r.prefecture_code)?.name ?? r.prefecture_code,
      kind: r.kind,
      signed: { date: r.signed_on, precision: r.signed_on_precision },
      autoRenewal: Number(r.auto_renewal) === 1,
      publishedMemberCount: r.published_member_count === null ? null : Number(r.published_member_count),
      memberCodes: deriveGroupMembers(
        { id: r.id, nameJa: r.name, prefectureCode: r.prefecture_code, kind: r.kind, signedOn: r.signed_on, publishedMemberCount: r.published_member_count ?? 0 },
        master,
        exceptions,
      ),
      exceptions: exceptionRows
        .filter((e) => e.group_id === r.id)
        .map((e) => ({
          id: e.id,
          code: e.local_government_code,
          name: governments.get(e.local_government_code)?.name ?? e.local_government_code,
          kana: governments.get(e.local_government_code)?.kana ?? '',
          change: e.change,
          note: e.note,
        })),
      sourceUrl: r.source_url,
      notes: r.notes,
      provenance: r.provenance,
    }));
  const names = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, prefectureCode: r.prefecture_code, kind: r.kind }]));
  return { live, names };
}
