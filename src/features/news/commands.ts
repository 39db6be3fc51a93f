// What the secretariat does with an article, each named for its intent: one transaction, a kept
// version, an audit entry, and the 'news' revision raised last so every instance's page cache sees
// the change on its next request. And the scheduled publication, which several instances may try
// at once: the conditional UPDATE lets exactly one of them publish each article.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit.ts';
import { bumpRevision } from '../../db/revisions.ts';
import type { Actor } from '../../policy/index.ts';
import { loadArticle, snapshotOf, type Article, type ArticleContent, type ArticleSnapshot } from './record.ts';
import { insertArticle, insertVersion, updateArticle, type ArticleRowState } from './store.ts';

type Account = Extract<Actor, { kind: 'account' }>;

/** Save as a draft (publishAt kept as the planned date), or publish at a time (now when null). */
export type Publication = { intent: 'draft'; at: string | null } | { intent: 'publish'; at: string | null };

export type ArticleResult = { ok: true; id: string } | { ok: false; reason: 'conflict' | 'slug-taken' | 'not-found' };

function stateFor(publication: Publication, current: Article | undefined, now: string): ArticleRowState {
  const version = (current?.version ?? 0) + 1;
  if (publication.intent === 'draft') {
    // A published article saved "as draft" is taken down until it is published again.
    return { status: 'draft', publishAt: publication.at, publishedAt: current?.publishedAt ?? null, version };
  }
  const at = publication.at ?? now;
  if (at > now) return { status: 'scheduled', publishAt: at, publishedAt: current?.publishedAt ?? null, version };
  return { status: 'published', publishAt: at, publishedAt: current?.publishedAt ?? now, version };
}

async function slugTaken(db: Kysely<Database> | Transaction<Database>, slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

function auditActionOf(state: ArticleRowState, before: Article | undefined): 'news.published' | 'news.updated' | 'news.created' {
  if (state.status === 'published' && before?.status !== 'published') return 'news.published';
  return before ? 'news.updated' : 'news.created';
}

export async function writeArticle(db: Kysely<Database>, actor: Account, content: ArticleContent, publication: Publication, ip: string): Promise<ArticleResult> {
  if (await slugTaken(db, content.slug)) return { ok: false, reason: 'slug-taken' };
  const id = randomUUID();
  const now = new Date().toISOString();
  const state = stateFor(publication, undefined, now);
  await db.transaction().execute(async (trx) => {
    await insertArticle(trx, id, content, state, actor.id, now);
    await insertVersion(trx, id, state.version, { ...content, status: state.status, publishAt: state.publishAt }, actor.id, now);
    await recordAudit(trx, { actorAccountId: actor.id, action: auditActionOf(state, undefined), targetType: 'article', targetId: id, ip, detail: { slug: content.slug, status: state.status } });
    await bumpRevision(trx, 'news');
  });
  return { ok: true, id };
}

export async function reviseArticle(
  db: Kysely<Database>,
  actor: Account,
  target: { id: string; expectedVersion: number },
  content: ArticleContent,
  publication: Publication,
  ip: string,
): Promise<ArticleResult> {
  return db.transaction().execute(async (trx) => {
    const before = await loadArticle(trx, target.id);
    if (!before) return { ok: false, reason: 'not-found' } as const;
    if (before.version !== target.expectedVersion) return { ok: false, reason: 'conflict' } as const;
    // The address never moves once the article has been public.
    const kept = before.publishedAt ? { ...content, slug: before.slug } : content;
    if (kept.slug !== before.slug && (await slugTaken(trx, kept.slug, before.id))) return { ok: false, reason: 'slug-taken' } as const;
    const now = new Date().toISOString();
    const state = stateFor(publication, before, now);
    if (!(await updateArticle(trx, before.id, before.version, kept, state, actor.id, now))) return { ok: false, reason: 'conflict' } as const;
    await insertVersion(trx, before.id, state.version, { ...kept, status: state.status, publishAt: state.publishAt }, actor.id, now);
    await recordAudit(trx, { actorAccountId: actor.id, action: auditActionOf(state, before), targetType: 'article', targetId: before.id, ip, detail: { version: state.version, status: state.status } });
    await bumpRevision(trx, 'news');
    return { ok: true, id: before.id } as const;
  });
}

/** Takes a published or scheduled article off the site (kept, and can be published again). */
export async function withdrawArticle(db: Kysely<Database>, actor: Account, target: { id: string; expectedVersion: number }, ip: string): Promise<ArticleResult> {
  return db.transaction().execute(async (trx) => {
    const before = await loadArticle(trx, target.id);
    if (!before) return { ok: false, reason: 'not-found' } as const;
    if (before.version !== target.expectedVersion) return { ok: false, reason: 'conflict' } as const;
    const now = new Date().toISOString();
    const state: ArticleRowState = { status: 'withdrawn', publishAt: before.publishAt, publishedAt: before.publishedAt, version: before.version + 1 };
    if (!(await updateArticle(trx, before.id, before.version, before, state, actor.id, now))) return { ok: false, reason: 'conflict' } as const;
    await insertVersion(trx, before.id, state.version, { ...snapshotOf(before), status: 'withdrawn' }, actor.id, now, '公開を取り下げ');
    await recordAudit(trx, { actorAccountId: actor.id, action: 'news.withdrawn', targetType: 'article', targetId: before.id, ip });
    await bumpRevision(trx, 'news');
    return { ok: true, id: before.id } as const;
  });
}

/**
 * Restores an earlier version's content (title, text, files, links) as a new version. The
 * publication state and the address stay as they are now: restoring text never publishes it.
 */
export async function restoreArticleVersion(
  db: Kysely<Database>,
  actor: Account,
  target: { id: string; expectedVersion: number; version: number },
  ip: string,
): Promise<ArticleResult> {
  return db.transaction().execute(async (trx) => {
    const before = await loadArticle(trx, target.id);
    if (!before) return { ok: false, reason: 'not-found' } as const;
    if (before.version !== target.expectedVersion) return { ok: false, reason: 'conflict' } as const;
    const row = await trx.selectFrom('article_versions').select('snapshot').where('article_id', '=', before.id).where('version', '=', target.version).executeTakeFirst();
    if (!row) return { ok: false, reason: 'not-found' } as const;
    const old = JSON.parse(row.snapshot) as ArticleSnapshot;
    const content: ArticleContent = { ...old, slug: before.slug };
    const now = new Date().toISOString();
    const state: ArticleRowState = { status: before.status, publishAt: before.publishAt, publishedAt: before.publishedAt, version: before.version + 1 };
    if (!(await updateArticle(trx, before.id, before.version, content, state, actor.id, now))) return { ok: false, reason: 'conflict' } as const;
    await insertVersion(trx, before.id, state.version, { ...content, status: state.status, publishAt: state.publishAt }, actor.id, now, `第${target.version}版から復元`);
    await recordAudit(trx, { actorAccountId: actor.id, action: 'news.restored', targetType: 'article', targetId: before.id, ip, detail: { from: target.version, version: state.version } });
    await bumpRevision(trx, 'news');
    return { ok: true, id: before.id } as const;
  });
}

/**
 * Publishes every scheduled article whose time has come. Each one is claimed by a conditional
 * UPDATE (still 'scheduled'); with several instances running this at once, the database lets one
 * UPDATE succeed per article, so each is published — and audited — exactly once.
 * Returns the ids this call published.
 */
export async function publishDueArticles(db: Kysely<Database>, now = new Date()): Promise<string[]> {
  const at = now.toISOString();
  const due = await db.selectFrom('articles').select(['id', 'publish_at']).where('status', '=', 'scheduled').where('publish_at', '<=', at).execute();
  const published: string[] = [];
  for (const article of due) {
    const won = await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('articles')
        .set((eb) => ({ status: 'published', published_at: article.publish_at ?? at, version: eb('version', '+', 1), updated_at: at }))
        .where('id', '=', article.id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      const after = await loadArticle(trx, article.id);
      if (after) await insertVersion(trx, after.id, after.version, snapshotOf(after), null, at, '予約公開');
      await recordAudit(trx, { actorAccountId: null, action: 'news.published', targetType: 'article', targetId: article.id, detail: { scheduled: true } });
      await bumpRevision(trx, 'news');
      return true;
    });
    if (won) published.push(article.id);
  }
  return published;
}
