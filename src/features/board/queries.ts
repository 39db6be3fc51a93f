// Reads of the board, shaped for its pages. Visibility is decided here, once: a hidden thread is
// seen only by its author and the secretariat; a hidden post's body only by its author (with the
// secretariat's reason) and the secretariat; a deleted post's body by nobody.
import type { Kysely } from 'kysely';
import type { BoardThreadStatus, Database, Role } from '../../db/schema.ts';
import type { StoredFile } from '../files/index.ts';
import { loadFiles } from '../files/index.ts';

/** Posts shown on one page of a thread. */
export const postsPerPage = 20;
export const threadsPerPage = 30;

export interface Viewer {
  id: string;
  role: Role;
}

const isStaff = (viewer: Viewer) => viewer.role === 'secretariat';

export interface Category {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  description: string;
  position: number;
  secretariatOnly: boolean;
  field: number | null;
  archived: boolean;
  updatedAt: string;
}

type CategoryRow = Database['board_categories'];
export const toCategory = (r: { [K in keyof CategoryRow]: CategoryRow[K] }): Category => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  nameEn: r.name_en,
  description: r.description,
  position: Number(r.position),
  secretariatOnly: Number(r.secretariat_only) === 1,
  field: r.field === null ? null : Number(r.field),
  archived: Number(r.archived) === 1,
  updatedAt: r.updated_at,
});

export async function listCategories(db: Kysely<Database>, { includeArchived = false } = {}): Promise<Category[]> {
  let q = db.selectFrom('board_categories').selectAll().orderBy('position').orderBy('slug');
  if (!includeArchived) q = q.where('archived', '=', 0);
  return (await q.execute()).map(toCategory);
}

export async function categoryBySlug(db: Kysely<Database>, slug: string): Promise<Category | undefined> {
  const row = await db.selectFrom('board_categories').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toCategory(row) : undefined;
}

/** A category id is a UUID (36 characters); anything else (e.g. a NUL, which PostgreSQL refuses in text) names none. */
const categoryIdPattern = /^[0-9a-f-]{1,36}$/i;

export async function categoryById(db: Kysely<Database>, id: string): Promise<Category | undefined> {
  if (!categoryIdPattern.test(id)) return undefined;
  const row = await db.selectFrom('board_categories').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCategory(row) : undefined;
}

export interface Author {
  id: string;
  displayName: string;
  /** The municipality or ward the author works for; 「事務局」 for the secretariat. */
  organisation: string;
  role: Role;
}

/** Authors by id: 表示名 and municipality. */
export async function authorsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Author>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .leftJoin('local_governments', 'local_governments.code', 'accounts.local_government_code')
    .select(['accounts.id', 'accounts.display_name', 'accounts.role', 'local_governments.name as lg_name'])
    .where('accounts.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, authorOf(r)]));
}

/** An author from an account row joined with its local government (lg_name). */
export function authorOf(row: { id: string; display_name: string; role: Role; lg_name: string | null }): Author {
  return { id: row.id, displayName: row.display_name, role: row.role, organisation: row.role === 'secretariat' ? '事務局' : (row.lg_name ?? '') };
}

export interface ThreadSummary {
  id: number;
  categoryId: string;
  title: string;
  authorId: string;
  addresseeCode: string | null;
  status: BoardThreadStatus;
  projectId: string | null;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  moderationReason: string | null;
  lastPosition: number;
  lastPostedAt: string;
  isSample: boolean;
  createdAt: string;
  updatedAt: string;
  /** Positions the viewer has not seen (0 when read; lastPosition when never opened). */
  unread: number;
  /** Active since the viewer's previous visit to the board. */
  isNew: boolean;
}

export type ThreadRow = Database['board_threads'] & { id: number };
export function toThread(r: { [K in keyof ThreadRow]: ThreadRow[K] }, readPosition: number | null, previousVisit: string | null): ThreadSummary {
  const last = Number(r.last_position);
  return {
    id: Number(r.id),
    categoryId: r.category_id,
    title: r.title,
    authorId: r.author_id,
    addresseeCode: r.addressee_code,
    status: r.status,
    projectId: r.project_id,
    pinned: Number(r.pinned) === 1,
    locked: Number(r.locked) === 1,
    hidden: Number(r.hidden) === 1,
    moderationReason: r.moderation_reason,
    lastPosition: last,
    lastPostedAt: r.last_posted_at,
    isSample: Number(r.is_sample) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    unread: Math.max(0, last - (readPosition ?? 0)),
    isNew: previousVisit !== null && r.last_posted_at > previousVisit && (readPosition ?? 0) < last,
  };
}

export async function threadById(db: Kysely<Database>, id: number): Promise<ThreadSummary | undefined> {
  const row = await db.selectFrom('board_threads').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toThread(row as ThreadRow, null, null) : undefined;
}

/** May the viewer see the thread at all? */
export function mayViewThread(viewer: Viewer, thread: Pick<ThreadSummary, 'hidden' | 'authorId'>): boolean {
  return !thread.hidden || isStaff(viewer) || thread.authorId === viewer.id;
}

export interface ThreadListOptions {
  categoryId?: string;
  page?: number;
  limit?: number;
  /** false when the caller shows no page numbers (the front page's latest threads): total is then 0, and not counted. */
  count?: boolean;
}

/**
 * Which hidden threads a list includes: all of them (the secretariat), none (what every member sees
 * alike, so it can be shared), or those of one author (a member sees their own hidden threads).
 */
export type HiddenThreads = 'all' | 'none' | { authorId: string };

export const hiddenThreadsFor = (viewer: Viewer): HiddenThreads => (isStaff(viewer) ? 'all' : { authorId: viewer.id });

/** One page of a thread list as stored (no read marks): the same for every viewer it is asked for. */
export async function threadRows(db: Kysely<Database>, hidden: HiddenThreads, options: ThreadListOptions): Promise<{ rows: ThreadRow[]; total: number }> {
  const limit = options.limit ?? threadsPerPage;
  const page = Math.max(1, options.page ?? 1);
  let base = db.selectFrom('board_threads');
  if (options.categoryId) base = base.where('category_id', '=', options.categoryId);
  if (hidden === 'none') base = base.where('hidden', '=', 0);
  else if (hidden !== 'all') base = base.where((eb) => eb.or([eb('hidden', '=', 0), eb('author_id', '=', hidden.authorId)]));
  const totalRow = options.count === false ? undefined : await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  let q = base.selectAll('board_threads');
  if (options.categoryId) q = q.orderBy('pinned', 'desc');
  const rows = (await q.orderBy('last_posted_at', 'desc').orderBy('id', 'desc').limit(limit).offset((page - 1) * limit).execute()) as ThreadRow[];
  return { rows, total: Number(totalRow?.n ?? 0) };
}

/** The viewer's marks (未読, 新着) on stored thread rows. */
export async function withReadMarks(db: Kysely<Database>, viewer: Viewer, rows: readonly ThreadRow[], previousVisit: string | null): Promise<ThreadSummary[]> {
  const reads = await readPositions(db, viewer.id, rows.map((r) => Number(r.id)));
  return rows.map((r) => toThread(r, reads.get(Number(r.id)) ?? null, previousVisit));
}

/** Threads for a list (a category, or the latest across the board), pinned first within a category. */
export async function listThreads(
  db: Kysely<Database>,
  viewer: Viewer,
  options: ThreadListOptions & { previousVisit?: string | null },
): Promise<{ threads: ThreadSummary[]; total: number }> {
  const { rows, total } = await threadRows(db, hiddenThreadsFor(viewer), options);
  return { threads: await withReadMarks(db, viewer, rows, options.previousVisit ?? null), total };
}

export async function readPositions(db: Kysely<Database>, accountId: string, threadIds: readonly number[]): Promise<Map<number, number>> {
  if (threadIds.length === 0) return new Map();
  const rows = await db.selectFrom('board_reads').select(['thread_id', 'read_position']).where('account_id', '=', accountId).where('thread_id', 'in', threadIds).execute();
  return new Map(rows.map((r) => [Number(r.thread_id), Number(r.read_position)]));
}

export interface PostView {
  id: number;
  threadId: number;
  position: number;
  authorId: string;
  /** The body the viewer may read; null when hidden from them or deleted. */
  body: string | null;
  replyToPostId: number | null;
  hidden: boolean;
  deleted: boolean;
  moderationReason: string | null;
  editedAt: string | null;
  isSample: boolean;
  createdAt: string;
  updatedAt: string;
  files: StoredFile[];
  versionCount: number;
}

type PostRow = Database['board_posts'] & { id: number };

/** A post as stored, with its attachments and the number of its earlier versions: the same for every viewer. */
export interface PostRecord {
  row: PostRow;
  files: StoredFile[];
  versionCount: number;
}

function visibleBody(viewer: Viewer, r: PostRow): string | null {
  if (r.deleted_at) return null;
  if (Number(r.hidden) === 1 && !isStaff(viewer) && r.author_id !== viewer.id) return null;
  return r.body;
}

async function loadPostRecords(db: Kysely<Database>, rows: PostRow[]): Promise<PostRecord[]> {
  const ids = rows.map((r) => Number(r.id));
  const [fileLinks, versions] = ids.length
    ? await Promise.all([
        db.selectFrom('board_post_files').select(['post_id', 'file_id']).where('post_id', 'in', ids).orderBy('position').execute(),
        db.selectFrom('board_post_versions').select(['post_id', (eb) => eb.fn.countAll<number>().as('n')]).where('post_id', 'in', ids).groupBy('post_id').execute(),
      ])
    : [[], []];
  const files = await loadFiles(db, fileLinks.map((l) => l.file_id));
  const versionCounts = new Map(versions.map((v) => [Number(v.post_id), Number(v.n)]));
  return rows.map((r) => ({
    row: r,
    files: fileLinks.filter((l) => Number(l.post_id) === Number(r.id)).flatMap((l) => files.get(l.file_id) ?? []),
    versionCount: versionCounts.get(Number(r.id)) ?? 0,
  }));
}

/** A stored post as the viewer may see it. */
export function viewPost(viewer: Viewer, { row: r, files, versionCount }: PostRecord): PostView {
  const body = visibleBody(viewer, r);
  return {
    id: Number(r.id),
    threadId: Number(r.thread_id),
    position: Number(r.position),
    authorId: r.author_id,
    body,
    replyToPostId: r.reply_to_post_id === null ? null : Number(r.reply_to_post_id),
    hidden: Number(r.hidden) === 1,
    deleted: r.deleted_at !== null,
    moderationReason: r.moderation_reason,
    editedAt: r.edited_at,
    isSample: Number(r.is_sample) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    // Files of a post the viewer may not read are not listed either.
    files: body === null ? [] : files,
    versionCount,
    };
}

async function toPosts(db: Kysely<Database>, viewer: Viewer, rows: PostRow[]): Promise<PostView[]> {
  return (await loadPostRecords(db, rows)).map((record) => viewPost(viewer, record));
}

/**
 * One page of a thread: positions [from, from + postsPerPage). Positions never change, so this is a
 * range read on the (thread_id, position) index, as fast for page 50 as for page 1.
 */
export async function postsFrom(db: Kysely<Database>, viewer: Viewer, threadId: number, fromPosition: number): Promise<PostView[]> {
  return (await postRecordsFrom(db, threadId, fromPosition)).map((record) => viewPost(viewer, record));
}

/** As postsFrom, as stored (for every viewer). */
export async function postRecordsFrom(db: Kysely<Database>, threadId: number, fromPosition: number): Promise<PostRecord[]> {
  const rows = (await db
    .selectFrom('board_posts')
    .selectAll()
    .where('thread_id', '=', threadId)
    .where('position', '>=', fromPosition)
    .where('position', '<', fromPosition + postsPerPage)
    .orderBy('position')
    .execute()) as PostRow[];
  return loadPostRecords(db, rows);
}

export async function postById(db: Kysely<Database>, viewer: Viewer, id: number): Promise<PostView | undefined> {
  const row = (await db.selectFrom('board_posts').selectAll().where('id', '=', id).executeTakeFirst()) as PostRow | undefined;
  return row ? (await toPosts(db, viewer, [row]))[0] : undefined;
}

export async function postIdAt(db: Kysely<Database>, threadId: number, position: number): Promise<number | undefined> {
  const row = await db.selectFrom('board_posts').select('id').where('thread_id', '=', threadId).where('position', '=', position).executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export const pageOfPosition = (position: number) => Math.max(1, Math.ceil(position / postsPerPage));
export const firstPositionOfPage = (page: number) => (page - 1) * postsPerPage + 1;

/** The address of a post: its page of the thread and its anchor. */
export const postPath = (threadId: number, position: number, postId: number) => `/board/t/${threadId}?page=${pageOfPosition(position)}#post-${postId}`;

export interface PostVersion {
  id: number;
  body: string;
  editedBy: string | null;
  reason: string;
  createdAt: string;
}

export async function postVersions(db: Kysely<Database>, postId: number): Promise<PostVersion[]> {
  const rows = await db.selectFrom('board_post_versions').selectAll().where('post_id', '=', postId).orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: Number(r.id), body: r.body, editedBy: r.edited_by, reason: r.reason, createdAt: r.created_at }));
}

export async function isWatching(db: Kysely<Database>, accountId: string, targetType: 'thread' | 'category', targetId: string): Promise<boolean> {
  const row = await db.selectFrom('board_watches').select('account_id').where('account_id', '=', accountId).where('target_type', '=', targetType).where('target_id', '=', targetId).executeTakeFirst();
  return row !== undefined;
}

/** Name of a local government by code (for 「宛先」 and links). */
export async function localGovernmentName(db: Kysely<Database>, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('local_governments').select('name').where('code', '=', code).executeTakeFirst();
  return row?.name;
}

export interface ReportView {
  id: number;
  postId: number;
  threadId: number;
  threadTitle: string;
  position: number;
  reporterId: string;
  reason: string;
  status: 'open' | 'resolved' | 'dismissed';
  createdAt: string;
  postHidden: boolean;
}

export async function openReports(db: Kysely<Database>): Promise<ReportView[]> {
  const rows = await db
    .selectFrom('board_reports')
    .innerJoin('board_posts', 'board_posts.id', 'board_reports.post_id')
    .innerJoin('board_threads', 'board_threads.id', 'board_posts.thread_id')
    .select([
      'board_reports.id',
      'board_reports.post_id',
      'board_reports.reporter_id',
      'board_reports.reason',
      'board_reports.status',
      'board_reports.created_at',
      'board_posts.thread_id',
      'board_posts.position',
      'board_posts.hidden',
      'board_threads.title',
    ])
    .where('board_reports.status', '=', 'open')
    .orderBy('board_reports.created_at')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    postId: Number(r.post_id),
    threadId: Number(r.thread_id),
    threadTitle: r.title,
    position: Number(r.position),
    reporterId: r.reporter_id,
    reason: r.reason,
    status: r.status,
    createdAt: r.created_at,
    postHidden: Number(r.hidden) === 1,
  }));
}

/** Threads marked 成立 without a registry project yet: the secretariat's to-do list. */
export async function agreedWithoutProject(db: Kysely<Database>): Promise<ThreadSummary[]> {
  const rows = (await db.selectFrom('board_threads').selectAll().where('status', '=', 'agreed').where('project_id', 'is', null).orderBy('updated_at', 'desc').limit(100).execute()) as ThreadRow[];
  return rows.map((r) => toThread(r, null, null));
}
