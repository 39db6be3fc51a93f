// What members and the secretariat do on the board, each in one transaction with its audit entry,
// its search-index change and the notifications it causes (notify() takes the transaction, so a
// post that fails leaves no notification behind). Rights have been checked by the route on the
// stored records; these functions trust their caller on that and check only versions and state.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit, type AuditAction, type AuditEvent } from '../../db/audit.ts';
import { bumpRevision, bumpViewRevision } from '../../db/revisions.ts';
import type { BoardThreadStatus, Database } from '../../db/schema.ts';
import { markdownToText } from '../../views/markdown.ts';
import { notify, withdrawNotifications } from '../notifications/index.ts';
import { mentionedNames } from './mentions.ts';
import { postPath } from './queries.ts';
import { planNotifications } from './recipients.ts';
import { indexPost, reindexThread, unindexPost } from './search.ts';

export interface Who {
  id: string;
  ip: string;
}

type Trx = Transaction<Database>;

const audit = (trx: Trx, who: Who, action: AuditAction, targetType: NonNullable<AuditEvent['targetType']>, id: string | number, detail: Record<string, unknown> = {}) =>
  recordAudit(trx, { actorAccountId: who.id, action, targetType, targetId: String(id), ip: who.ip, detail });

const now = () => new Date().toISOString();

/**
 * What every reader sees has changed (a thread, a post, a category, an attachment): each instance's
 * copy of the board's shared page data is stale (src/features/board/shared-data.ts). The last
 * statement of the writing transaction, as for the other revision topics.
 */
const boardChanged = (trx: Trx) => bumpRevision(trx, 'board');

/** Active accounts named by @表示名 or @自治体名 (@北海道名寄市 when a name is shared). */
export async function resolveMentions(db: Kysely<Database> | Trx, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const byName = await db.selectFrom('accounts').select('id').where('status', '=', 'active').where('display_name', 'in', [...names]).execute();
  const governments = await db
    .selectFrom('local_governments as lg')
    .leftJoin('local_governments as pref', (join) => join.onRef('pref.prefecture_code', '=', 'lg.prefecture_code').on('pref.level', '=', 'prefecture'))
    .select(['lg.code', 'lg.name', 'pref.name as pref_name'])
    .where((eb) => eb.or([eb('lg.name', 'in', [...names]), eb(sql<string>`coalesce(pref.name, '') || lg.name`, 'in', [...names])]))
    .execute();
  // A plain name shared by several local governments (府中市) is ambiguous: only the prefixed form counts.
  const codes = governments
    .filter((g) => names.includes(`${g.pref_name ?? ''}${g.name}`) || governments.filter((o) => o.name === g.name).length === 1)
    .map((g) => g.code);
  const byGovernment = codes.length ? await db.selectFrom('accounts').select('id').where('status', '=', 'active').where('local_government_code', 'in', codes).execute() : [];
  return [...new Set([...byName, ...byGovernment].map((r) => r.id))];
}

async function watchers(trx: Trx, threadId: number, categoryId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('board_watches')
    .select('account_id')
    .where((eb) => eb.or([eb.and([eb('target_type', '=', 'thread'), eb('target_id', '=', String(threadId))]), eb.and([eb('target_type', '=', 'category'), eb('target_id', '=', categoryId)])]))
    .execute();
  return rows.map((r) => r.account_id);
}

async function tellAboutPost(
  trx: Trx,
  who: Who,
  post: { id: number; threadId: number; position: number; body: string; replyToPostId: number | null },
  thread: { title: string; categoryId: string; addresseeCode?: string | null },
): Promise<void> {
  const mentioned = await resolveMentions(trx, mentionedNames(post.body));
  if (thread.addresseeCode) {
    const addressee = await trx.selectFrom('accounts').select('id').where('status', '=', 'active').where('local_government_code', '=', thread.addresseeCode).execute();
    mentioned.push(...addressee.map((a) => a.id));
  }
  const repliedTo = post.replyToPostId
    ? await trx.selectFrom('board_posts').select('author_id').where('id', '=', post.replyToPostId).where('thread_id', '=', post.threadId).executeTakeFirst()
    : undefined;
  const plans = planNotifications({
    actorId: who.id,
    threadId: post.threadId,
    postId: post.id,
    threadTitle: thread.title,
    excerpt: markdownToText(post.body).slice(0, 200),
    path: postPath(post.threadId, post.position, post.id),
    watcherIds: await watchers(trx, post.threadId, thread.categoryId),
    mentionedIds: mentioned,
    repliedToAuthorId: repliedTo?.author_id ?? null,
  });
  for (const plan of plans) await notify(trx, plan);
}

async function attachFiles(trx: Trx, postId: number, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  await trx.insertInto('board_post_files').values(fileIds.map((file_id, position) => ({ post_id: postId, file_id, position }))).execute();
}

// A member's own board state (watches, read positions, visits) is printed on the pages kept for
// the member's sessions (src/views/page-cache.ts): each change raises the account's view revision,
// after the write, so a request that sees the raised number also sees the change.

export async function watch(db: Kysely<Database> | Trx, accountId: string, targetType: 'thread' | 'category', targetId: string): Promise<void> {
  await db.insertInto('board_watches').values({ account_id: accountId, target_type: targetType, target_id: targetId, created_at: now() }).onConflict((oc) => oc.doNothing()).execute();
  await bumpViewRevision(db, accountId);
}

export async function unwatch(db: Kysely<Database>, accountId: string, targetType: 'thread' | 'category', targetId: string): Promise<void> {
  await db.deleteFrom('board_watches').where('account_id', '=', accountId).where('target_type', '=', targetType).where('target_id', '=', targetId).execute();
  await bumpViewRevision(db, accountId);
}

export interface NewThread {
  categoryId: string;
  title: string;
  body: string;
  addresseeCode: string | null;
  fileIds: string[];
}

export async function startThread(db: Kysely<Database>, who: Who, input: NewThread, options: { sample?: boolean } = {}): Promise<{ threadId: number; postId: number }> {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const sample = options.sample ? 1 : 0;
    const thread = await trx
      .insertInto('board_threads')
      .values({
        category_id: input.categoryId,
        title: input.title,
        author_id: who.id,
        addressee_code: input.addresseeCode,
        status: 'open',
        project_id: null,
        pinned: 0,
        locked: 0,
        hidden: 0,
        moderation_reason: null,
        last_position: 1,
        last_posted_at: at,
        is_sample: sample,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const threadId = Number(thread.id);
    const post = await trx
      .insertInto('board_posts')
      .values({ thread_id: threadId, position: 1, author_id: who.id, body: input.body, reply_to_post_id: null, hidden: 0, moderation_reason: null, deleted_at: null, edited_at: null, is_sample: sample, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const postId = Number(post.id);
    await attachFiles(trx, postId, input.fileIds);
    await indexPost(trx, { id: postId, threadId, threadTitle: input.title, body: input.body, isOpening: true });
    // The author follows their own thread.
    await watch(trx, who.id, 'thread', String(threadId));
    await audit(trx, who, 'board.thread_created', 'board_thread', threadId, { title: input.title, categoryId: input.categoryId });
    await tellAboutPost(trx, who, { id: postId, threadId, position: 1, body: input.body, replyToPostId: null }, { title: input.title, categoryId: input.categoryId, addresseeCode: input.addresseeCode });
    await boardChanged(trx);
    return { threadId, postId };
  });
}

export interface NewReply {
  body: string;
  replyToPostId: number | null;
  fileIds: string[];
}

export type ReplyOutcome = { ok: true; postId: number; position: number } | { ok: false; reason: 'locked' | 'gone' };

export async function replyToThread(db: Kysely<Database>, who: Who, threadId: number, input: NewReply, options: { sample?: boolean; allowLocked?: boolean } = {}): Promise<ReplyOutcome> {
  return db.transaction().execute(async (trx) => {
    const at = now();
    // The next position is claimed by one atomic UPDATE: two replies at once get two positions.
    const claimed = await trx
      .updateTable('board_threads')
      .set({ last_position: sql`last_position + 1`, last_posted_at: at, updated_at: at })
      .where('id', '=', threadId)
      .where((eb) => (options.allowLocked ? eb.val(true) : eb('locked', '=', 0)))
      .returning(['last_position', 'title', 'category_id'])
      .executeTakeFirst();
    if (!claimed) {
      const exists = await trx.selectFrom('board_threads').select('id').where('id', '=', threadId).executeTakeFirst();
      return { ok: false, reason: exists ? 'locked' : 'gone' } as const;
    }
    const position = Number(claimed.last_position);
    const post = await trx
      .insertInto('board_posts')
      .values({
        thread_id: threadId,
        position,
        author_id: who.id,
        body: input.body,
        reply_to_post_id: input.replyToPostId,
        hidden: 0,
        moderation_reason: null,
        deleted_at: null,
        edited_at: null,
        is_sample: options.sample ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const postId = Number(post.id);
    await attachFiles(trx, postId, input.fileIds);
    const thread = await trx.selectFrom('board_threads').select('hidden').where('id', '=', threadId).executeTakeFirstOrThrow();
    if (Number(thread.hidden) === 0) await indexPost(trx, { id: postId, threadId, threadTitle: claimed.title, body: input.body, isOpening: false });
    await audit(trx, who, 'board.post_created', 'board_post', postId, { threadId, position });
    await tellAboutPost(trx, who, { id: postId, threadId, position, body: input.body, replyToPostId: input.replyToPostId }, { title: claimed.title, categoryId: claimed.category_id });
    // Whoever writes in a thread has read it up to their own post.
    await markRead(trx, who.id, threadId, position);
    await boardChanged(trx);
    return { ok: true, postId, position } as const;
  });
}

export type EditOutcome = { ok: true } | { ok: false; reason: 'conflict' };

/**
 * Saves a new body, keeping the old one as a version. A moderator's edit carries a reason, shown to
 * the author under the post. `expectedUpdatedAt` guards against two edits at once.
 */
export async function editPost(
  db: Kysely<Database>,
  who: Who,
  target: { postId: number; expectedUpdatedAt: string },
  change: { body: string; title?: string; moderatorReason?: string },
): Promise<EditOutcome> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('board_posts').selectAll().where('id', '=', target.postId).executeTakeFirst();
    if (!before || before.updated_at !== target.expectedUpdatedAt || before.deleted_at) return { ok: false, reason: 'conflict' } as const;
    const at = now();
    await trx.insertInto('board_post_versions').values({ post_id: target.postId, body: before.body, edited_by: who.id, reason: change.moderatorReason ?? '', created_at: at }).execute();
    await trx
      .updateTable('board_posts')
      .set({ body: change.body, edited_at: at, updated_at: at, ...(change.moderatorReason ? { moderation_reason: change.moderatorReason } : {}) })
      .where('id', '=', target.postId)
      .execute();
    const threadId = Number(before.thread_id);
    if (change.title !== undefined && Number(before.position) === 1) {
      await trx.updateTable('board_threads').set({ title: change.title, updated_at: at }).where('id', '=', threadId).execute();
    }
    await reindexThread(trx, threadId);
    await audit(trx, who, change.moderatorReason ? 'board.moderated' : 'board.post_edited', 'board_post', target.postId, change.moderatorReason ? { kind: 'edit', reason: change.moderatorReason } : {});
    await boardChanged(trx);
    return { ok: true } as const;
  });
}

/** The author deletes their own post: the body is kept as a version (for the audit), the post shows 「削除されました」. */
export async function deletePost(db: Kysely<Database>, who: Who, postId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('board_posts').selectAll().where('id', '=', postId).executeTakeFirst();
    if (!before || before.deleted_at) return;
    const at = now();
    await trx.insertInto('board_post_versions').values({ post_id: postId, body: before.body, edited_by: who.id, reason: '削除', created_at: at }).execute();
    await trx.updateTable('board_posts').set({ body: '', deleted_at: at, updated_at: at }).where('id', '=', postId).execute();
    await trx.deleteFrom('board_post_files').where('post_id', '=', postId).execute();
    await unindexPost(trx, postId);
    await withdrawNotifications(trx, `board-post:${postId}`);
    await audit(trx, who, 'board.post_deleted', 'board_post', postId, { threadId: Number(before.thread_id) });
    await boardChanged(trx);
  });
}

/** 募集中 / 成立 / 終了; 成立 may link the registry project the thread led to. */
export async function setThreadStatus(db: Kysely<Database>, who: Who, threadId: number, status: BoardThreadStatus, projectId: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('board_threads').set({ status, project_id: status === 'agreed' ? projectId : null, updated_at: now() }).where('id', '=', threadId).execute();
    await audit(trx, who, 'board.status_changed', 'board_thread', threadId, { status, projectId });
    await boardChanged(trx);
  });
}

export async function linkProject(db: Kysely<Database>, who: Who, threadId: number, projectId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('board_threads').set({ project_id: projectId, updated_at: now() }).where('id', '=', threadId).execute();
    await audit(trx, who, 'board.status_changed', 'board_thread', threadId, { status: 'agreed', projectId });
    await boardChanged(trx);
  });
}

export type ThreadModeration =
  | { kind: 'pin' | 'unpin' | 'lock' | 'unlock' | 'unhide' }
  | { kind: 'hide'; reason: string }
  | { kind: 'move'; categoryId: string; reason: string };

export async function moderateThread(db: Kysely<Database>, who: Who, threadId: number, action: ThreadModeration): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const at = now();
    const set = (() => {
      switch (action.kind) {
        case 'pin':
        case 'unpin':
          return { pinned: action.kind === 'pin' ? 1 : 0 };
        case 'lock':
        case 'unlock':
          return { locked: action.kind === 'lock' ? 1 : 0 };
        case 'hide':
          return { hidden: 1, moderation_reason: action.reason };
        case 'unhide':
          return { hidden: 0 };
        case 'move':
          return { category_id: action.categoryId, moderation_reason: action.reason };
      }
    })();
    await trx.updateTable('board_threads').set({ ...set, updated_at: at }).where('id', '=', threadId).execute();
    if (action.kind === 'hide' || action.kind === 'unhide') {
      await reindexThread(trx, threadId);
      if (action.kind === 'hide') {
        const posts = await trx.selectFrom('board_posts').select('id').where('thread_id', '=', threadId).execute();
        for (const p of posts) await withdrawNotifications(trx, `board-post:${Number(p.id)}`);
      }
    }
    await audit(trx, who, 'board.moderated', 'board_thread', threadId, { ...action });
    await boardChanged(trx);
  });
}

export async function moderatePost(db: Kysely<Database>, who: Who, postId: number, action: { kind: 'hide'; reason: string } | { kind: 'unhide' }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const post = await trx.selectFrom('board_posts').select(['thread_id']).where('id', '=', postId).executeTakeFirst();
    if (!post) return;
    await trx
      .updateTable('board_posts')
      .set(action.kind === 'hide' ? { hidden: 1, moderation_reason: action.reason, updated_at: now() } : { hidden: 0, updated_at: now() })
      .where('id', '=', postId)
      .execute();
    if (action.kind === 'hide') {
      await unindexPost(trx, postId);
      // A hidden post is gone from the notifications too: unsent mail cancelled, inbox entry removed.
      await withdrawNotifications(trx, `board-post:${postId}`);
    } else {
      await reindexThread(trx, Number(post.thread_id));
    }
    // Reports about it are settled by the decision.
    await trx.updateTable('board_reports').set({ status: action.kind === 'hide' ? 'resolved' : 'dismissed', decided_by: who.id, decided_at: now() }).where('post_id', '=', postId).where('status', '=', 'open').execute();
    await audit(trx, who, 'board.moderated', 'board_post', postId, { ...action });
    await boardChanged(trx);
  });
}

export async function reportPost(db: Kysely<Database>, who: Who, postId: number, reason: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('board_reports').values({ post_id: postId, reporter_id: who.id, reason, status: 'open', decided_by: null, decided_at: null, created_at: now() }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, who, 'board.reported', 'board_report', Number(row.id), { postId });
  });
}

export async function dismissReport(db: Kysely<Database>, who: Who, reportId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('board_reports').set({ status: 'dismissed', decided_by: who.id, decided_at: now() }).where('id', '=', reportId).where('status', '=', 'open').execute();
    await audit(trx, who, 'board.report_decided', 'board_report', reportId, { decision: 'dismissed' });
  });
}

/** Raises the member's read mark on a thread to `position` (never lowers it). */
export async function markRead(db: Kysely<Database> | Trx, accountId: string, threadId: number, position: number): Promise<void> {
  await db
    .insertInto('board_reads')
    .values({ account_id: accountId, thread_id: threadId, read_position: position, updated_at: now() })
    .onConflict((oc) =>
      oc.columns(['account_id', 'thread_id']).doUpdateSet({
        read_position: sql`case when board_reads.read_position < ${position} then ${position} else board_reads.read_position end`,
        updated_at: now(),
      }),
    )
    .execute();
  await bumpViewRevision(db, accountId);
}

/** Visits closer than this count as one. */
export const visitWindowMs = 30 * 60_000;

export interface Visit {
  /** The visit before this one (threads active since then are 「新着」), or null on the first. */
  previousVisitAt: string | null;
  /** When the next visit stops counting as this one (a page made now is right until then). */
  windowEndsAt: number;
}

/**
 * A visit to the board's front page. Visits closer than 30 minutes count as one, so reloading does
 * not clear the marks.
 */
export async function recordVisit(db: Kysely<Database>, accountId: string, at = new Date()): Promise<Visit> {
  const row = await db.selectFrom('board_visits').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  const iso = at.toISOString();
  const started = (previousVisitAt: string | null): Visit => ({ previousVisitAt, windowEndsAt: at.getTime() + visitWindowMs });
  if (!row) {
    await db.insertInto('board_visits').values({ account_id: accountId, previous_visit_at: iso, last_visit_at: iso }).onConflict((oc) => oc.doNothing()).execute();
    await bumpViewRevision(db, accountId);
    return started(null);
  }
  const lastVisit = new Date(row.last_visit_at).getTime();
  if (at.getTime() - lastVisit < visitWindowMs) return { previousVisitAt: row.previous_visit_at, windowEndsAt: lastVisit + visitWindowMs };
  await db.updateTable('board_visits').set({ previous_visit_at: row.last_visit_at, last_visit_at: iso }).where('account_id', '=', accountId).execute();
  await bumpViewRevision(db, accountId);
  return started(row.last_visit_at);
}

export interface CategoryInput {
  slug: string;
  name: string;
  nameEn: string;
  description: string;
  position: number;
  secretariatOnly: boolean;
  archived: boolean;
}

export async function saveCategory(db: Kysely<Database>, who: Who, id: string | null, input: CategoryInput): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const values = {
      slug: input.slug,
      name: input.name,
      name_en: input.nameEn,
      description: input.description,
      position: input.position,
      secretariat_only: input.secretariatOnly ? 1 : 0,
      archived: input.archived ? 1 : 0,
      updated_at: at,
    };
    const categoryId = id ?? randomUUID();
    if (id) await trx.updateTable('board_categories').set(values).where('id', '=', id).execute();
    else await trx.insertInto('board_categories').values({ ...values, id: categoryId, field: null, created_at: at }).execute();
    await audit(trx, who, 'board.category_saved', 'board_category', categoryId, { slug: input.slug, name: input.name });
    await boardChanged(trx);
    return categoryId;
  });
}
