// Reads of PR pages for the other pages: the top page's recent ones, the directory's badge and
// filters, the secretariat's list and versions, the search index and the sitemap.
import type { Kysely } from 'kysely';
import type { SearchChanges, SyncPoint } from '../../db/search-index.ts';
import type { Database } from '../../db/schema.ts';

export interface PrSummary {
  code: string;
  name: string;
  prefectureName: string;
  catchCopy: string;
  thumb: { fileId: string; alt: string } | null;
  updatedAt: string;
  provenance: string;
}

function withNames(db: Kysely<Database>) {
  return db
    .selectFrom('pr_pages as pr')
    .innerJoin('local_governments as lg', 'lg.code', 'pr.code')
    .leftJoin('local_governments as pref', (join) => join.onRef('pref.prefecture_code', '=', 'lg.prefecture_code').on('pref.level', '=', 'prefecture'));
}

/** The most recently updated visible pages, for the top page. */
export async function recentPrPages(db: Kysely<Database>, limit: number): Promise<PrSummary[]> {
  const rows = await withNames(db)
    .select(['pr.code', 'lg.name', 'pref.name as prefectureName', 'pr.catch_copy', 'pr.updated_at', 'pr.provenance'])
    .where('pr.hidden_at', 'is', null)
    .orderBy('pr.updated_at', 'desc')
    .orderBy('pr.code')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const photos = await db
    .selectFrom('pr_page_photos')
    .select(['code', 'thumb_file_id', 'alt'])
    .where('position', '=', 0)
    .where('code', 'in', rows.map((r) => r.code))
    .execute();
  const thumbs = new Map(photos.map((p) => [p.code, { fileId: p.thumb_file_id, alt: p.alt }]));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    prefectureName: r.prefectureName ?? '',
    catchCopy: r.catch_copy,
    thumb: thumbs.get(r.code) ?? null,
    updatedAt: r.updated_at,
    provenance: r.provenance,
  }));
}

/**
 * The codes of visible PR pages (of those wanting to collaborate in `field`, when given), as a
 * subquery the directory filters local governments with.
 */
export function visiblePrCodes(db: Kysely<Database>, field: number | null) {
  let query = db.selectFrom('pr_pages').select('pr_pages.code').where('pr_pages.hidden_at', 'is', null);
  if (field !== null) query = query.where((eb) => eb.exists(eb.selectFrom('pr_page_fields').select('pr_page_fields.code').whereRef('pr_page_fields.code', '=', 'pr_pages.code').where('pr_page_fields.field', '=', field)));
  return query;
}

/** Which of these codes have a visible PR page (for the directory's badge). */
export async function codesWithVisiblePr(db: Kysely<Database>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('pr_pages').select('code').where('hidden_at', 'is', null).where('code', 'in', [...codes]).execute();
  return new Set(rows.map((r) => r.code));
}

export interface AdminPrRow {
  code: string;
  name: string;
  prefectureName: string;
  catchCopy: string;
  hiddenAt: string | null;
  hiddenReason: string;
  version: number;
  updatedAt: string;
}

export const adminPageSize = 50;

export async function adminPrPages(db: Kysely<Database>, filter: { hidden: boolean | null; page: number }): Promise<{ rows: AdminPrRow[]; total: number }> {
  let query = withNames(db);
  if (filter.hidden === true) query = query.where('pr.hidden_at', 'is not', null);
  if (filter.hidden === false) query = query.where('pr.hidden_at', 'is', null);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['pr.code', 'lg.name', 'pref.name as prefectureName', 'pr.catch_copy', 'pr.hidden_at', 'pr.hidden_reason', 'pr.version', 'pr.updated_at'])
    .orderBy('pr.updated_at', 'desc')
    .orderBy('pr.code')
    .limit(adminPageSize)
    .offset((filter.page - 1) * adminPageSize)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      code: r.code,
      name: r.name,
      prefectureName: r.prefectureName ?? '',
      catchCopy: r.catch_copy,
      hiddenAt: r.hidden_at,
      hiddenReason: r.hidden_reason,
      version: Number(r.version),
      updatedAt: r.updated_at,
    })),
  };
}

export interface PrVersionRow {
  version: number;
  savedAt: string;
  savedBy: string | null;
  note: string;
}

export async function prVersions(db: Kysely<Database>, code: string): Promise<PrVersionRow[]> {
  const rows = await db
    .selectFrom('pr_page_versions as v')
    .leftJoin('accounts as a', 'a.id', 'v.saved_by')
    .select(['v.version', 'v.saved_at', 'v.note', 'a.display_name'])
    .where('v.code', '=', code)
    .orderBy('v.version', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ version: Number(r.version), savedAt: r.saved_at, savedBy: r.display_name ?? null, note: r.note }));
}

export async function prVersionSnapshot(db: Kysely<Database>, code: string, version: number): Promise<string | undefined> {
  const row = await db.selectFrom('pr_page_versions').select('snapshot').where('code', '=', code).where('version', '=', version).executeTakeFirst();
  return row?.snapshot;
}

/** The name and prefecture of a local government, for headings. */
export async function governmentName(db: Kysely<Database>, code: string): Promise<{ name: string; prefectureName: string; level: string } | undefined> {
  const row = await db
    .selectFrom('local_governments as lg')
    .leftJoin('local_governments as pref', (join) => join.onRef('pref.prefecture_code', '=', 'lg.prefecture_code').on('pref.level', '=', 'prefecture'))
    .select(['lg.name', 'lg.level', 'pref.name as prefectureName'])
    .where('lg.code', '=', code)
    .executeTakeFirst();
  return row ? { name: row.name, level: row.level, prefectureName: row.level === 'prefecture' ? '' : (row.prefectureName ?? '') } : undefined;
}

/**
 * The photo files this person may put on this page: among `ids`, the images already on the page
 * and the images they uploaded themselves.
 */
export async function allowedPhotoFiles(db: Kysely<Database>, code: string, uploaderId: string, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id) => /^[0-9a-f-]{36}$/.test(id)))];
  if (wanted.length === 0) return new Set();
  const [files, onPage] = await Promise.all([
    db.selectFrom('files').select(['id', 'uploaded_by']).where('id', 'in', wanted).where('kind', '=', 'image').execute(),
    db.selectFrom('pr_page_photos').select(['file_id', 'thumb_file_id']).where('code', '=', code).execute(),
  ]);
  const own = new Set(onPage.flatMap((p) => [p.file_id, p.thumb_file_id]));
  return new Set(files.filter((f) => f.uploaded_by === uploaderId || own.has(f.id)).map((f) => f.id));
}

/** What the site-wide search indexes: visible pages changed since a point; hidden ones removed. */
export async function prSearchChanges(db: Kysely<Database>, after: SyncPoint): Promise<SearchChanges> {
  const rows = await withNames(db)
    .select(['pr.code', 'lg.name', 'lg.kana', 'pref.name as prefectureName', 'pr.catch_copy', 'pr.introduction', 'pr.specialities', 'pr.sightseeing', 'pr.relocation', 'pr.hidden_at', 'pr.updated_at'])
    .where((eb) => eb.or([eb('pr.updated_at', '>', after.at), eb.and([eb('pr.updated_at', '=', after.at), eb('pr.code', '>', after.id)])]))
    .orderBy('pr.updated_at')
    .orderBy('pr.code')
    .execute();
  const visible = rows.filter((r) => r.hidden_at === null);
  return {
    upserts: visible.map((r) => ({
      id: `pr:${r.code}`,
      kind: 'pr',
      title: `${r.prefectureName ?? ''}${r.name}：${r.catch_copy}`,
      excerpt: [r.introduction, r.specialities, r.sightseeing, r.relocation].filter(Boolean).join(' '),
      url: `/municipalities/${r.code}#pr`,
      dated: r.updated_at,
      keywords: `${r.kana} ${r.code}`,
    })),
    removals: rows.filter((r) => r.hidden_at !== null).map((r) => `pr:${r.code}`),
    through: rows.length > 0 ? { at: rows.at(-1)!.updated_at, id: rows.at(-1)!.code } : after,
  };
}

/** Every visible page's municipality and last change, for sitemap.xml. */
export async function visiblePrLocations(db: Kysely<Database>): Promise<Array<{ code: string; updatedAt: string }>> {
  const rows = await db.selectFrom('pr_pages').select(['code', 'updated_at']).where('hidden_at', 'is', null).orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, updatedAt: r.updated_at }));
}
