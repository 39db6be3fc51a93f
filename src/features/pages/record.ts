// A site page's two shapes — its content (what an edit changes and a version keeps) and the stored
// page — and the accessibility test results; read here, written only by commands.ts.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { sitePageSlugs, type SitePageSlug } from './catalogue.ts';

export interface SitePageContent {
  titleJa: string;
  /** Empty: the Japanese title is shown in English too. */
  titleEn: string;
  /** Markdown. */
  bodyJa: string;
  /** Markdown; empty: the English page shows the Japanese text with a note. */
  bodyEn: string;
}

export interface SitePage extends SitePageContent {
  slug: SitePageSlug;
  version: number;
  updatedAt: string;
  /** The display name of who saved last (null for the initial content). */
  updatedBy: string | null;
}

export interface TestResultContent {
  testedOn: string;
  standard: string;
  targetLevel: string;
  scope: string;
  method: string;
  result: string;
  notes: string;
}

export interface TestResult extends TestResultContent {
  id: string;
  version: number;
  updatedAt: string;
}

export interface VersionRow {
  version: number;
  savedAt: string;
  savedBy: string | null;
  note: string;
}

type Reader = Kysely<Database> | Transaction<Database>;

function pageQuery(db: Reader) {
  return db
    .selectFrom('site_pages')
    .leftJoin('accounts', 'accounts.id', 'site_pages.updated_by')
    .select(['site_pages.slug', 'title_ja', 'title_en', 'body_ja', 'body_en', 'version', 'site_pages.updated_at', 'accounts.display_name']);
}

type PageRow = Awaited<ReturnType<ReturnType<typeof pageQuery>['executeTakeFirstOrThrow']>>;

function pageOf(row: PageRow): SitePage {
  return {
    slug: row.slug as SitePageSlug,
    titleJa: row.title_ja,
    titleEn: row.title_en,
    bodyJa: row.body_ja,
    bodyEn: row.body_en,
    version: Number(row.version),
    updatedAt: row.updated_at,
    updatedBy: row.display_name,
  };
}

export async function loadSitePage(db: Reader, slug: SitePageSlug): Promise<SitePage | undefined> {
  const row = await pageQuery(db).where('site_pages.slug', '=', slug).executeTakeFirst();
  return row ? pageOf(row) : undefined;
}

/** Every site page, in the catalogue's order. */
export async function loadSitePages(db: Reader): Promise<SitePage[]> {
  const pages = (await pageQuery(db).execute()).map(pageOf);
  return sitePageSlugs.flatMap((slug) => pages.filter((p) => p.slug === slug));
}

export function contentOf(page: SitePageContent): SitePageContent {
  const { titleJa, titleEn, bodyJa, bodyEn } = page;
  return { titleJa, titleEn, bodyJa, bodyEn };
}

export async function sitePageVersions(db: Reader, slug: SitePageSlug): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('site_page_versions')
    .leftJoin('accounts', 'accounts.id', 'site_page_versions.saved_by')
    .select(['site_page_versions.version', 'site_page_versions.saved_at', 'site_page_versions.note', 'accounts.display_name'])
    .where('site_page_versions.slug', '=', slug)
    .orderBy('site_page_versions.version', 'desc')
    .execute();
  return rows.map((r) => ({ version: Number(r.version), savedAt: r.saved_at, savedBy: r.display_name, note: r.note }));
}

export async function sitePageVersion(db: Reader, slug: SitePageSlug, version: number): Promise<SitePageContent | undefined> {
  const row = await db.selectFrom('site_page_versions').select('snapshot').where('slug', '=', slug).where('version', '=', version).executeTakeFirst();
  return row ? contentOf(JSON.parse(row.snapshot) as SitePageContent) : undefined;
}

function resultOf(row: { id: string; tested_on: string; standard: string; target_level: string; scope: string; method: string; result: string; notes: string; version: number; updated_at: string }): TestResult {
  return {
    id: row.id,
    // PostgreSQL may hand a date back with a time; the day is what counts.
    testedOn: String(row.tested_on).slice(0, 10),
    standard: row.standard,
    targetLevel: row.target_level,
    scope: row.scope,
    method: row.method,
    result: row.result,
    notes: row.notes,
    version: Number(row.version),
    updatedAt: row.updated_at,
  };
}

/** The test results, newest test first. */
export async function loadTestResults(db: Reader): Promise<TestResult[]> {
  const rows = await db.selectFrom('accessibility_test_results').selectAll().orderBy('tested_on', 'desc').orderBy('updated_at', 'desc').execute();
  return rows.map(resultOf);
}

export async function loadTestResult(db: Reader, id: string): Promise<TestResult | undefined> {
  const row = await db.selectFrom('accessibility_test_results').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? resultOf(row) : undefined;
}
