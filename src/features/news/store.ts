// Writing an article's rows: the article, its files and links (replaced as a whole), and the
// version kept for every save. Called only by commands.ts, inside their transaction.
import type { Transaction } from 'kysely';
import type { ArticleStatus, Database, Provenance } from '../../db/schema.ts';
import type { ArticleContent, ArticleSnapshot } from './record.ts';

export interface ArticleRowState {
  status: ArticleStatus;
  publishAt: string | null;
  publishedAt: string | null;
  version: number;
}

export async function insertArticle(
  trx: Transaction<Database>,
  id: string,
  content: ArticleContent,
  state: ArticleRowState,
  by: string | null,
  now: string,
  provenance: Provenance = 'entry',
): Promise<void> {
  await trx
    .insertInto('articles')
    .values({
      id,
      slug: content.slug,
      title: content.title,
      category: content.category,
      summary: content.summary,
      body: content.body,
      status: state.status,
      publish_at: state.publishAt,
      published_at: state.publishedAt,
      source_url: content.sourceUrl,
      provenance,
      version: state.version,
      created_by: by,
      updated_by: by,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await writeParts(trx, id, content);
}

/** Updates the article if it is still at `expectedVersion`; false when someone saved in between. */
export async function updateArticle(
  trx: Transaction<Database>,
  id: string,
  expectedVersion: number,
  content: ArticleContent,
  state: ArticleRowState,
  by: string | null,
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('articles')
    .set({
      slug: content.slug,
      title: content.title,
      category: content.category,
      summary: content.summary,
      body: content.body,
      source_url: content.sourceUrl,
      status: state.status,
      publish_at: state.publishAt,
      published_at: state.publishedAt,
      version: state.version,
      updated_by: by,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await trx.deleteFrom('article_files').where('article_id', '=', id).execute();
  await trx.deleteFrom('article_links').where('article_id', '=', id).execute();
  await writeParts(trx, id, content);
  return true;
}

async function writeParts(trx: Transaction<Database>, id: string, content: ArticleContent): Promise<void> {
  const files = [
    ...content.attachments.map((f, position) => ({ article_id: id, role: 'attachment' as const, position, file_id: f.fileId, label: f.label, caption: '' })),
    ...content.photos.map((f, position) => ({ article_id: id, role: 'photo' as const, position, file_id: f.fileId, label: f.label, caption: f.caption })),
  ];
  if (files.length > 0) await trx.insertInto('article_files').values(files).execute();
  const links = content.links.map((l, position) => ({ article_id: id, kind: l.kind, target: l.target, position }));
  if (links.length > 0) await trx.insertInto('article_links').values(links).execute();
}

export async function insertVersion(
  trx: Transaction<Database>,
  id: string,
  version: number,
  snapshot: ArticleSnapshot,
  by: string | null,
  now: string,
  note = '',
): Promise<void> {
  await trx
    .insertInto('article_versions')
    .values({ article_id: id, version, snapshot: JSON.stringify(snapshot), note, saved_by: by, saved_at: now })
    .execute();
}
