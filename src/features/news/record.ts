// An article's two shapes: its content (what an edit changes, what a version keeps) and the stored
// article (content plus publication state). Loaded with its files and links in one place.
import type { Kysely, Transaction } from 'kysely';
import type { ArticleLinkKind, ArticleStatus, Database, Provenance } from '../../db/schema.ts';

export interface ArticleFileRef {
  fileId: string;
  /** An attachment's link text, or a photo's alternative text. */
  label: string;
  /** A photo's caption (empty for attachments). */
  caption: string;
}

export interface ArticleLink {
  kind: ArticleLinkKind;
  target: string;
}

export interface ArticleContent {
  slug: string;
  title: string;
  category: string;
  summary: string;
  body: string;
  sourceUrl: string | null;
  attachments: ArticleFileRef[];
  photos: ArticleFileRef[];
  links: ArticleLink[];
}

export interface Article extends ArticleContent {
  id: string;
  status: ArticleStatus;
  /** When it is (or was) to appear, UTC ISO; its day in Japan is the 掲載日. */
  publishAt: string | null;
  publishedAt: string | null;
  provenance: Provenance;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a version keeps: the content and the publication state at that save. */
export interface ArticleSnapshot extends ArticleContent {
  status: ArticleStatus;
  publishAt: string | null;
}

type Reader = Kysely<Database> | Transaction<Database>;

async function loadWhere(db: Reader, column: 'id' | 'slug', value: string): Promise<Article | undefined> {
  const row = await db.selectFrom('articles').selectAll().where(column, '=', value).executeTakeFirst();
  if (!row) return undefined;
  const [files, links] = await Promise.all([
    db.selectFrom('article_files').selectAll().where('article_id', '=', row.id).orderBy('role').orderBy('position').execute(),
    db.selectFrom('article_links').selectAll().where('article_id', '=', row.id).orderBy('position').execute(),
  ]);
  const refs = (role: 'attachment' | 'photo') =>
    files.filter((f) => f.role === role).map((f) => ({ fileId: f.file_id, label: f.label, caption: f.caption }));
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    category: row.category,
    summary: row.summary,
    body: row.body,
    sourceUrl: row.source_url,
    attachments: refs('attachment'),
    photos: refs('photo'),
    links: links.map((l) => ({ kind: l.kind, target: l.target })),
    status: row.status,
    publishAt: row.publish_at,
    publishedAt: row.published_at,
    provenance: row.provenance,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function loadArticle(db: Reader, id: string): Promise<Article | undefined> {
  return loadWhere(db, 'id', id);
}

export function loadArticleBySlug(db: Reader, slug: string): Promise<Article | undefined> {
  return loadWhere(db, 'slug', slug);
}

export function snapshotOf(article: Article): ArticleSnapshot {
  const { slug, title, category, summary, body, sourceUrl, attachments, photos, links, status, publishAt } = article;
  return { slug, title, category, summary, body, sourceUrl, attachments, photos, links, status, publishAt };
}

/** True when the article can be read by the public now. */
export function isPublic(article: Pick<Article, 'status'>): boolean {
  return article.status === 'published';
}
