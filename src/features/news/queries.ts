// What the news pages read: published articles by page, category and 年度; the back office's list
// and versions; and the names of what an article relates to.
import type { Kysely } from 'kysely';
import { readRevision } from '../../db/revisions.ts';
import type { ArticleStatus, Database } from '../../db/schema.ts';

export interface ArticleSummary {
  id: string;
  slug: string;
  title: string;
  category: string;
  summary: string;
  publishAt: string;
}

export const newsPageSize = 20;

const summaryColumns = ['id', 'slug', 'title', 'category', 'summary', 'publish_at'] as const;

function toSummary(row: { id: string; slug: string; title: string; category: string; summary: string; publish_at: string | null }): ArticleSummary {
  return { id: row.id, slug: row.slug, title: row.title, category: row.category, summary: row.summary, publishAt: row.publish_at ?? '' };
}

export interface NewsFilter {
  category: string | null;
  /** 年度: articles posted from 1 April of this year to 31 March of the next (in Japan). */
  fiscalYear: number | null;
  page: number;
}

/** 1 April of the 年度, 00:00 in Japan, as a UTC instant. */
function fiscalYearStart(fy: number): string {
  return new Date(`${String(fy).padStart(4, '0')}-04-01T00:00:00+09:00`).toISOString();
}

// Counting a filter's articles reads every matching index entry; the count changes only with the
// 'news' revision, so it is kept per revision and filter (a few dozen combinations).
const countsByDatabase = new WeakMap<Kysely<Database>, { revision: number; counts: Map<string, Promise<number>> }>();

async function publishedCount(db: Kysely<Database>, filter: NewsFilter, count: () => Promise<number>): Promise<number> {
  const revision = await readRevision(db, 'news');
  let kept = countsByDatabase.get(db);
  if (!kept || kept.revision !== revision) countsByDatabase.set(db, (kept = { revision, counts: new Map() }));
  const key = `${filter.category ?? ''}|${filter.fiscalYear ?? ''}`;
  let result = kept.counts.get(key);
  if (!result) {
    result = count();
    kept.counts.set(key, result);
    const counts = kept.counts;
    result.catch(() => counts.delete(key));
  }
  return result;
}

export async function publishedArticles(db: Kysely<Database>, filter: NewsFilter): Promise<{ rows: ArticleSummary[]; total: number }> {
  let base = db.selectFrom('articles').where('status', '=', 'published');
  if (filter.category) base = base.where('category', '=', filter.category);
  if (filter.fiscalYear !== null) base = base.where('publish_at', '>=', fiscalYearStart(filter.fiscalYear)).where('publish_at', '<', fiscalYearStart(filter.fiscalYear + 1));
  // The page's ids first, from the index alone (migration 2026-12-07T1500), then their rows.
  const pageIds = async () => {
    const ids = (await base.select('id').orderBy('publish_at', 'desc').orderBy('id', 'desc').limit(newsPageSize).offset((filter.page - 1) * newsPageSize).execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    const byId = new Map((await db.selectFrom('articles').select([...summaryColumns]).where('id', 'in', ids).execute()).map((r) => [r.id, r]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  };
  const [rows, total] = await Promise.all([
    pageIds(),
    publishedCount(db, filter, async () => Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)),
  ]);
  return { rows: rows.map(toSummary), total };
}

export async function latestArticles(db: Kysely<Database>, limit: number): Promise<ArticleSummary[]> {
  const rows = await db.selectFrom('articles').select([...summaryColumns]).where('status', '=', 'published').orderBy('publish_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toSummary);
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The 年度 of an instant, by arithmetic (this runs over every article; ICU would cost 15 µs each). */
function fiscalYearOfInstant(iso: string): number {
  const jst = new Date(Date.parse(iso) + JST_OFFSET_MS);
  return jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
}

export type ArchiveYears = Array<{ fiscalYear: number; count: number }>;

// The counts change only when an article is published or taken down, which raises the 'news'
// revision: they are kept per revision (per database), so a list page does not scan every article.
const archiveYearsByDatabase = new WeakMap<Kysely<Database>, { revision: number; years: Promise<ArchiveYears> }>();

/** Each 年度 that has published articles, newest first, with its count. */
export async function archiveYears(db: Kysely<Database>): Promise<ArchiveYears> {
  const revision = await readRevision(db, 'news');
  const kept = archiveYearsByDatabase.get(db);
  if (kept && kept.revision === revision) return kept.years;
  const years = countByFiscalYear(db);
  archiveYearsByDatabase.set(db, { revision, years });
  years.catch(() => archiveYearsByDatabase.delete(db));
  return years;
}

async function countByFiscalYear(db: Kysely<Database>): Promise<ArchiveYears> {
  const rows = await db.selectFrom('articles').select('publish_at').where('status', '=', 'published').execute();
  const counts = new Map<number, number>();
  for (const row of rows) {
    if (!row.publish_at) continue;
    const fy = fiscalYearOfInstant(row.publish_at);
    counts.set(fy, (counts.get(fy) ?? 0) + 1);
  }
  return [...counts].map(([fiscalYear, count]) => ({ fiscalYear, count })).sort((a, b) => b.fiscalYear - a.fiscalYear);
}

export interface AdminArticleRow extends ArticleSummary {
  status: ArticleStatus;
  version: number;
  updatedAt: string;
}

export const adminPageSize = 50;

export async function adminArticles(db: Kysely<Database>, status: ArticleStatus | null, page: number): Promise<{ rows: AdminArticleRow[]; total: number }> {
  let base = db.selectFrom('articles');
  if (status) base = base.where('status', '=', status);
  const [rows, count] = await Promise.all([
    base
      .select([...summaryColumns, 'status', 'version', 'updated_at'])
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(adminPageSize)
      .offset((page - 1) * adminPageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => ({ ...toSummary(r), status: r.status, version: Number(r.version), updatedAt: r.updated_at })), total: Number(count.n) };
}

export interface VersionRow {
  version: number;
  savedAt: string;
  savedBy: string | null;
  note: string;
}

export async function articleVersions(db: Kysely<Database>, articleId: string): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('article_versions')
    .leftJoin('accounts', 'accounts.id', 'article_versions.saved_by')
    .select(['article_versions.version', 'article_versions.saved_at', 'article_versions.note', 'accounts.display_name'])
    .where('article_versions.article_id', '=', articleId)
    .orderBy('article_versions.version', 'desc')
    .execute();
  return rows.map((r) => ({ version: Number(r.version), savedAt: r.saved_at, savedBy: r.display_name, note: r.note }));
}

export async function articleVersionSnapshot(db: Kysely<Database>, articleId: string, version: number): Promise<string | undefined> {
  const row = await db.selectFrom('article_versions').select('snapshot').where('article_id', '=', articleId).where('version', '=', version).executeTakeFirst();
  return row?.snapshot;
}

export interface GovernmentName {
  code: string;
  name: string;
  /** The prefecture's name before a municipality's (「北海道」), empty for a prefecture itself. */
  prefecture: string;
  isWard: boolean;
}

/** Names of local governments by code, for links and for checking the form's codes. */
export async function governmentNames(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, GovernmentName>> {
  const unique = [...new Set(codes)].filter((c) => /^\d{6}$/.test(c));
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('local_governments').select(['code', 'name', 'kind', 'level', 'prefecture_code']).where('code', 'in', unique).execute();
  const prefectureCodes = [...new Set(rows.filter((r) => r.level === 'municipality').map((r) => r.prefecture_code))];
  const prefectures =
    prefectureCodes.length === 0
      ? []
      : await db.selectFrom('local_governments').select(['prefecture_code', 'name']).where('level', '=', 'prefecture').where('prefecture_code', 'in', prefectureCodes).execute();
  const prefectureName = new Map(prefectures.map((p) => [p.prefecture_code, p.name]));
  return new Map(
    rows.map((r) => [r.code, { code: r.code, name: r.name, prefecture: r.level === 'municipality' ? (prefectureName.get(r.prefecture_code) ?? '') : '', isWard: r.kind === '特別区' }]),
  );
}

export async function wardOptions(db: Kysely<Database>): Promise<Array<{ code: string; name: string }>> {
  return db.selectFrom('local_governments').select(['code', 'name']).where('kind', '=', '特別区').orderBy('code').execute();
}

/** Every published article's address and last change, for sitemap.xml. */
export async function publishedArticleLocations(db: Kysely<Database>): Promise<Array<{ path: string; updatedAt: string }>> {
  const rows = await db.selectFrom('articles').select(['slug', 'updated_at']).where('status', '=', 'published').orderBy('publish_at', 'desc').execute();
  return rows.map((r) => ({ path: `/news/${r.slug}`, updatedAt: r.updated_at }));
}
