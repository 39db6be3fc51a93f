// The members' board under /board. Members only: an anonymous visitor (or an account that is not
// active) is sent to sign in, exactly as for /member, so the public sees none of the board — not
// even whether a thread exists. Every handler: guard → load → re-check the stored record → act →
// 303, or the form again with 400/409/429 keeping what was typed.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { guard } from '../../policy/guards.ts';
import { can, type Actor } from '../../policy/index.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { fieldId } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import { NotFoundPage } from '../../views/errors.tsx';
import { markdownToText, renderMarkdown } from '../../views/markdown.ts';
import { keepUntil } from '../../views/page-cache.ts';
import { contextFor, EncodedPiece, sendPage } from '../../views/render.ts';
import type { FeatureOptions } from '../feature-options.ts';
import { acceptUploads, contentDisposition, isUploadLimitError, loadFileContent, loadFiles, storeFile, uploadedParts } from '../files/index.ts';
import { projectReferences } from '../registry/index.ts';
import { deletePost, editPost, markRead, recordVisit, replyToThread, reportPost, setThreadStatus, startThread, unwatch, watch } from './commands.ts';
import { EditPostPage, HistoryPage, ReportPage, ThreadFormPage } from './form-view.tsx';
import { limits, parseReason, parseReplyForm, parseThreadForm, replyFormInput, text, threadFormInput, type ReplyFormInput } from './form.ts';
import {
  authorsByIds,
  categoryBySlug,
  firstPositionOfPage,
  isWatching,
  listCategories,
  localGovernmentName,
  mayViewThread,
  pageOfPosition,
  postById,
  postIdAt,
  postPath,
  postVersions,
  readPositions,
  threadById,
  viewPost,
  withReadMarks,
  type Author,
  type Category,
  type ThreadSummary,
} from './queries.ts';
import { BoardSharedData, type BoardSnapshot } from './shared-data.ts';
import { checkPostingRate, rateRefusalText } from './rate-limits.ts';
import { searchBoard } from './search.ts';
import { BoardIndexPage, BoardSearchPage, CategoryPage, PostList, ThreadList, ThreadPage, type ThreadPageProps } from './views.tsx';

type Member = Extract<Actor, { kind: 'account' }>;
const viewerOf = (actor: Member) => ({ id: actor.id, role: actor.role });
const categoryObject = (c: Category) => ({ category: { secretariatOnly: c.secretariatOnly, archived: c.archived } });

function positiveInt(value: unknown): number | undefined {
  const s = text(value);
  if (!/^\d{1,9}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1 ? n : undefined;
}

/** Where the project link of a status form points: an id, or a /projects/<id> address. */
function projectIdOf(value: string): string | null {
  const m = /(?:^|\/projects\/)([0-9a-f-]{36})(?:[/?#].*)?$/i.exec(value.trim());
  return m ? m[1]!.toLowerCase() : null;
}

export default async function boardRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;
  await acceptUploads(app, { maxFiles: limits.files });
  // The reading pages' data that is the same for every member, per board revision (shared-data.ts).
  // The forms' handlers (POST) read the stored records afresh.
  const shared = new BoardSharedData(db);

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当する掲示板のページはありません。', 'There is no such board page.') }), 404);
  };

  /** The thread, when the member may see it; otherwise 404 (a hidden thread is not admitted to exist). */
  const visibleThread = async (actor: Member, rawId: unknown, snapshot?: BoardSnapshot): Promise<ThreadSummary | undefined> => {
    const id = positiveInt(rawId);
    const thread = id ? await (snapshot ? snapshot.thread(id) : threadById(db, id)) : undefined;
    return thread && mayViewThread(viewerOf(actor), thread) ? thread : undefined;
  };

  /** Stores this request's uploaded files (checked by content); the refusals as form errors. */
  const storeUploads = async (ctx: PageContext, request: FastifyRequest, actor: Member, keptIds: string[]): Promise<{ ids: string[]; errors: FieldError[] }> => {
    // Files kept from a preview must be this member's own uploads, not yet attached to a post.
    const kept = keptIds.length ? await db.selectFrom('files').leftJoin('board_post_files', 'board_post_files.file_id', 'files.id').select(['files.id']).where('files.id', 'in', keptIds).where('files.uploaded_by', '=', actor.id).where('board_post_files.post_id', 'is', null).execute() : [];
    const ids = kept.map((k) => k.id);
    const errors: FieldError[] = [];
    for (const part of uploadedParts(request)) {
      if (ids.length >= limits.files) {
        errors.push({ field: fieldId('files'), message: ctx.tFormat(`添付ファイルは${limits.files}件までです。`, `At most ${limits.files} attachments.`) });
        break;
      }
      const stored = await storeFile(db, { bytes: part.bytes, originalName: part.fileName, accept: ['pdf', 'image', 'office'], uploadedBy: actor.id });
      if (stored.ok) ids.push(stored.file.id);
      else errors.push({ field: fieldId('files'), message: stored.error(ctx) });
    }
    return { ids, errors };
  };
  const storedNames = async (ids: string[]) => [...(await loadFiles(db, ids)).values()].map((f) => ({ id: f.id, name: f.name }));

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (!isUploadLimitError(error)) throw error;
    const ctx = contextFor(request, reply);
    return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('添付ファイルが大きすぎるか多すぎます（1件10MBまで、5件まで）。戻って選び直してください。', 'The attachments are too large or too many (10 MB each, 5 at most). Go back and choose again.') }), 413);
  });

  // ── Front page, categories ─────────────────────────────────────────────────────────────────
  /**
   * The reading pages are kept per member session (src/views/page-cache.ts) while the board, the
   * people shown on it and the member's own board state (reads, visits, watches: the account's view
   * revision) are unchanged; the thread page also shows its registry project. Their GET changes
   * nothing else: a read position moves only when a page shows new posts, i.e. after a change.
   */
  const readingPage = { cachedBy: ['board', 'accounts'] as const, keptPerSession: true };

  /** The key of everything a rendered piece shows of its authors (names change without a board revision). */
  const authorsKey = (ids: readonly string[], authors: Map<string, Author>) =>
    [...new Set(ids)]
      .map((id) => {
        const a = authors.get(id);
        return a ? `${id}=${a.displayName}/${a.organisation}` : id;
      })
      .join('|');

  /**
   * A thread list rendered and encoded once per board revision for everyone it looks the same to:
   * the same threads with the same marks (未読 counts, 新着) and authors' names. It holds no form
   * and nothing else of the member.
   */
  const keptThreadList = (snapshot: BoardSnapshot, ctx: PageContext, scope: string, threads: ThreadSummary[], authors: Map<string, Author>, categories?: Category[]) => {
    const marks = threads.map((t) => `${t.id}.${t.unread}.${t.isNew ? 1 : 0}`).join(',');
    const key = `thread-list:${ctx.lang}:${scope}:${marks}:${authorsKey(threads.map((t) => t.authorId), authors)}`;
    return snapshot.keep(key, async () => new EncodedPiece(ThreadList({ ctx, threads, authors, categories: categories ? new Map(categories.map((c) => [c.id, c])) : undefined })));
  };

  app.get('/board', { config: readingPage }, async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const viewer = viewerOf(actor);
    const [visit, snapshot] = await Promise.all([recordVisit(db, actor.id), shared.current()]);
    const previousVisit = visit.previousVisitAt;
    // Served again from the member's kept page, the visit is not recorded: keep it only while a
    // visit now would still count as this one.
    keepUntil(reply, visit.windowEndsAt);
    const [categories, latest] = await Promise.all([snapshot.categories(), snapshot.threadRows(viewer, { limit: 20, count: false })]);
    const [threads, authors] = await Promise.all([withReadMarks(db, viewer, latest.rows, previousVisit), authorsByIds(db, latest.rows.map((t) => t.author_id))]);
    const list = await keptThreadList(snapshot, ctx, 'latest', threads, authors, categories);
    return sendPage(reply, BoardIndexPage({ ctx, categories, latest: threads, authors, mayPost: can(actor, 'board:post'), threadList: list.marker }), 200, [list]);
  });

  app.get<{ Params: { slug: string } }>('/board/c/:slug', { config: readingPage }, async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const snapshot = await shared.current();
    const category = await snapshot.categoryBySlug(request.params.slug);
    if (!category || (category.archived && actor.role !== 'secretariat')) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const page = positiveInt((request.query as Record<string, unknown>).page) ?? 1;
    const viewer = viewerOf(actor);
    const { rows, total } = await snapshot.threadRows(viewer, { categoryId: category.id, page });
    const [threads, authors, watching] = await Promise.all([
      withReadMarks(db, viewer, rows, null),
      authorsByIds(db, rows.map((t) => t.author_id)),
      isWatching(db, actor.id, 'category', category.id),
    ]);
    const list = await keptThreadList(snapshot, ctx, `${category.id}:${page}`, threads, authors);
    return sendPage(reply, CategoryPage({ ctx, category, threads, total, page, authors, mayPost: can(actor, 'board:post', categoryObject(category)), watching, threadList: list.marker }), 200, [list]);
  });

  app.post<{ Params: { slug: string } }>('/board/c/:slug/watch', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const category = await categoryBySlug(db, request.params.slug);
    if (!category) return notFound(request, reply);
    if (text((request.body as Record<string, unknown>)?.watch) === '0') await unwatch(db, actor.id, 'category', category.id);
    else await watch(db, actor.id, 'category', category.id);
    return reply.redirect(`/board/c/${category.slug}`, 303);
  });

  // ── New thread (with the partner matching's prefill) ───────────────────────────────────────
  const postableCategories = async (actor: Member) => (await listCategories(db)).filter((c) => can(actor, 'board:post', categoryObject(c)));
  const addresseeOf = async (code: string) => {
    if (!/^\d{6}$/.test(code)) return undefined;
    const name = await localGovernmentName(db, code);
    return name ? { code, name } : undefined;
  };

  app.get('/board/new', async (request, reply) => {
    const actor = guard(request, reply, 'board:post');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const q = request.query as Record<string, unknown>;
    const input = threadFormInput({ category: q.category, title: text(q.title).slice(0, limits.title), body: text(q.body).slice(0, limits.body), to: q.to });
    const categories = await postableCategories(actor);
    if (!categories.some((c) => c.slug === input.category)) input.category = categories[0]?.slug ?? '';
    const addressee = await addresseeOf(input.to);
    if (!addressee) input.to = '';
    return sendPage(reply, ThreadFormPage({ ctx, categories, input, errors: [], addressee }));
  });

  app.post('/board/new', async (request, reply) => {
    const actor = guard(request, reply, 'board:post');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const input = threadFormInput(body);
    const categories = await postableCategories(actor);
    const addressee = await addresseeOf(input.to);
    const uploads = await storeUploads(ctx, request, actor, input.fileIds);
    input.fileIds = uploads.ids;
    const again = async (errors: FieldError[], status: number, preview?: string) =>
      sendPage(reply, ThreadFormPage({ ctx, categories, input, errors, addressee, preview, stored: await storedNames(input.fileIds) }), status);
    const parsed = parseThreadForm(ctx, input);
    const errors = [...(parsed.ok ? [] : parsed.errors), ...uploads.errors];
    // The category is re-checked against the policy: 事務局からのお知らせ refuses everyone else.
    const category = await categoryBySlug(db, input.category);
    if (parsed.ok && (!category || !can(actor, 'board:post', categoryObject(category)))) {
      errors.push({ field: fieldId('category'), message: ctx.t('このカテゴリには投稿できません。別のカテゴリを選んでください。', 'You cannot post in this category; choose another.') });
    }
    if (parsed.ok && input.to && !addressee) errors.push({ field: fieldId('to'), message: ctx.t('宛先の自治体が見つかりません。', 'The addressee was not found.') });
    if (!parsed.ok || errors.length > 0 || !category) return again(errors, category && !can(actor, 'board:post', categoryObject(category)) ? 403 : 400);
    if (text(body.intent) === 'preview') return again([], 200, renderMarkdown(parsed.value.body));
    if (actor.role !== 'secretariat') {
      const refused = await checkPostingRate(db, actor.id, 'thread');
      if (refused) {
        reply.header('retry-after', String(refused.retryAfterSeconds));
        return again([{ field: fieldId('body'), message: rateRefusalText(ctx, refused) }], 429);
      }
    }
    const { threadId } = await startThread(db, { id: actor.id, ip: request.ip }, { categoryId: category.id, title: parsed.value.title, body: parsed.value.body, addresseeCode: parsed.value.to, fileIds: input.fileIds });
    return reply.redirect(`/board/t/${threadId}`, 303);
  });

  // ── A thread ────────────────────────────────────────────────────────────────────────────────
  const threadPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Member,
    thread: ThreadSummary,
    options: { page?: number; from?: number; reply?: { input: ReplyFormInput; errors: FieldError[]; preview?: string }; status?: number; notice?: string; snapshot?: BoardSnapshot } = {},
  ) => {
    const ctx = contextFor(request, reply);
    const from = options.from ?? firstPositionOfPage(options.page ?? 1);
    const page = pageOfPosition(from);
    const viewer = viewerOf(actor);
    const snapshot = options.snapshot ?? (await shared.current());
    const [records, category, categories, reads, watching] = await Promise.all([
      snapshot.postRecords(thread.id, from),
      snapshot.categoryById(thread.categoryId),
      snapshot.categories(),
      readPositions(db, actor.id, [thread.id]),
      isWatching(db, actor.id, 'thread', String(thread.id)),
    ]);
    const posts = records.map((record) => viewPost(viewer, record));
    if (!category) return notFound(request, reply);
    const readBefore = reads.get(thread.id) ?? 0;
    const lastShown = posts.at(-1)?.position ?? 0;
    if (lastShown > readBefore) await markRead(db, actor.id, thread.id, lastShown);
    let firstUnreadHref: string | undefined;
    if (readBefore > 0 && readBefore < thread.lastPosition) {
      const id = posts.find((p) => p.position === readBefore + 1)?.id ?? (await postIdAt(db, thread.id, readBefore + 1));
      if (id) firstUnreadHref = postPath(thread.id, readBefore + 1, id);
    }
    const [authors, addressee, project] = await Promise.all([
      authorsByIds(db, posts.map((p) => p.authorId)),
      thread.addresseeCode ? addresseeOf(thread.addresseeCode) : undefined,
      thread.projectId ? projectReferences(db, [thread.projectId]).then((found) => found[0]) : undefined,
    ]);
    const isSecretariat = can(actor, 'board:moderate');
    const props: ThreadPageProps = {
        ctx,
        viewerId: actor.id,
        isSecretariat,
        thread,
        category,
        categories,
        posts,
        authors,
        page,
        readBefore,
        firstUnreadHref,
        watching,
        addressee,
        project,
        mayReply: !thread.locked || isSecretariat,
        maySetStatus: can(actor, 'board:set-status', { thread: { authorId: thread.authorId, locked: thread.locked } }),
        reply: options.reply ?? { input: { body: '', replyTo: '', fileIds: [] }, errors: [] },
        notice: options.notice,
    };
    // The posts, rendered and encoded once per board revision for every member who wrote none of
    // them and has the same unread marks (the secretariat's carry forms with its CSRF token; a
    // member's own posts carry their edit links and, hidden, their body: those are rendered each time).
    const sharedList = !isSecretariat && posts.every((post) => post.authorId !== actor.id);
    const postList = sharedList ? await snapshot.keep(postListKey(ctx.lang, props), async () => new EncodedPiece(PostList({ p: props }))) : undefined;
    return sendPage(reply, ThreadPage({ ...props, postList: postList?.marker }), options.status ?? 200, postList ? [postList] : []);
  };

  /** Everything a shared post list depends on besides the board revision (authors' names are not part of it). */
  const postListKey = (lang: string, p: ThreadPageProps) => {
    const unread = p.posts.map((post) => (post.position > p.readBefore && p.readBefore > 0 ? 'u' : 'r')).join('');
    return `post-list:${lang}:${p.thread.id}:${p.posts[0]?.position ?? 0}:${p.page}:${p.mayReply ? 1 : 0}:${unread}:${authorsKey(p.posts.map((post) => post.authorId), p.authors)}`;
  };

  app.get<{ Params: { id: string } }>('/board/t/:id', { config: { ...readingPage, cachedBy: [...readingPage.cachedBy, 'registry'] } }, async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const snapshot = await shared.current();
    const thread = await visibleThread(actor, request.params.id, snapshot);
    if (!thread) return notFound(request, reply);
    const q = request.query as Record<string, unknown>;
    // ?unread=1: straight to the page of the first unread post.
    if (text(q.unread) === '1') {
      const read = (await readPositions(db, actor.id, [thread.id])).get(thread.id) ?? 0;
      const position = Math.min(read + 1, thread.lastPosition);
      const id = await postIdAt(db, thread.id, position);
      return reply.redirect(id ? postPath(thread.id, position, id) : `/board/t/${thread.id}`, 303);
    }
    const after = q.after === '0' ? 0 : positiveInt(q.after);
    const page = positiveInt(q.page) ?? 1;
    if (page > pageOfPosition(thread.lastPosition)) return notFound(request, reply);
    let replyInput: ReplyFormInput = { body: '', replyTo: '', fileIds: [] };
    const quoteId = positiveInt(q.quote);
    if (quoteId) {
      const quoted = await postById(db, viewerOf(actor), quoteId);
      if (quoted && quoted.threadId === thread.id && quoted.body !== null) {
        const author = (await authorsByIds(db, [quoted.authorId])).get(quoted.authorId);
        const quote = quoted.body.split('\n').map((line) => `> ${line}`).join('\n');
        replyInput = { body: `${author ? `${author.displayName}さん（#${quoted.position}）：\n` : ''}${quote}\n\n`, replyTo: String(quoted.id), fileIds: [] };
      }
    }
    const done = text(q.done);
    const ctx = contextFor(request, reply);
    const notice = done === 'status' ? ctx.t('スレッドの状態を保存しました。', 'The status has been saved.') : done === 'reported' ? ctx.t('通報を事務局に送りました。', 'Your report has been sent to the secretariat.') : done === 'deleted' ? ctx.t('投稿を削除しました。', 'The post has been deleted.') : undefined;
    return threadPage(request, reply, actor, thread, { ...(after !== undefined ? { from: after + 1 } : { page }), reply: { input: replyInput, errors: [] }, notice, snapshot });
  });

  app.post<{ Params: { id: string } }>('/board/t/:id/reply', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const thread = await visibleThread(actor, request.params.id);
    if (!thread) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const input = replyFormInput(body);
    const uploads = await storeUploads(ctx, request, actor, input.fileIds);
    input.fileIds = uploads.ids;
    const lastPage = pageOfPosition(thread.lastPosition);
    const again = (errors: FieldError[], status: number, preview?: string) => threadPage(request, reply, actor, thread, { page: lastPage, reply: { input, errors, preview }, status });
    const isSecretariat = can(actor, 'board:moderate');
    if (thread.locked && !isSecretariat) return again([{ field: fieldId('body'), message: ctx.t('このスレッドはロックされているため、返信できません。', 'This thread is locked.') }], 409);
    const parsed = parseReplyForm(ctx, input);
    const errors = [...(parsed.ok ? [] : parsed.errors), ...uploads.errors];
    if (!parsed.ok || errors.length) return again(errors, 400);
    if (parsed.value.replyTo !== null) {
      const target = await postById(db, viewerOf(actor), parsed.value.replyTo);
      if (!target || target.threadId !== thread.id) return again([{ field: fieldId('body'), message: ctx.t('返信先の投稿が見つかりません。', 'The post answered was not found.') }], 400);
    }
    if (text(body.intent) === 'preview') return again([], 200, renderMarkdown(parsed.value.body));
    if (actor.role !== 'secretariat') {
      const refused = await checkPostingRate(db, actor.id, 'reply');
      if (refused) {
        reply.header('retry-after', String(refused.retryAfterSeconds));
        return again([{ field: fieldId('body'), message: rateRefusalText(ctx, refused) }], 429);
      }
    }
    const result = await replyToThread(db, { id: actor.id, ip: request.ip }, thread.id, { body: parsed.value.body, replyToPostId: parsed.value.replyTo, fileIds: input.fileIds }, { allowLocked: isSecretariat });
    if (!result.ok) return again([{ field: fieldId('body'), message: ctx.t('このスレッドはロックされているため、返信できません。', 'This thread is locked.') }], 409);
    return reply.redirect(postPath(thread.id, result.position, result.postId), 303);
  });

  app.post<{ Params: { id: string } }>('/board/t/:id/watch', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const thread = await visibleThread(actor, request.params.id);
    if (!thread) return notFound(request, reply);
    if (text((request.body as Record<string, unknown>)?.watch) === '0') await unwatch(db, actor.id, 'thread', String(thread.id));
    else await watch(db, actor.id, 'thread', String(thread.id));
    return reply.redirect(`/board/t/${thread.id}`, 303);
  });

  app.post<{ Params: { id: string } }>('/board/t/:id/status', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const thread = await visibleThread(actor, request.params.id);
    if (!thread) return notFound(request, reply);
    if (!guard(request, reply, 'board:set-status', { thread: { authorId: thread.authorId, locked: thread.locked } })) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const status = text(body.status);
    const ctx = contextFor(request, reply);
    if (status !== 'open' && status !== 'agreed' && status !== 'closed') {
      return threadPage(request, reply, actor, thread, { status: 400, reply: { input: { body: '', replyTo: '', fileIds: [] }, errors: [{ field: 'f-status', message: ctx.t('状態を選んでください。', 'Choose a status.') }] } });
    }
    const rawProject = text(body.project).trim();
    let projectId: string | null = null;
    if (status === 'agreed' && rawProject) {
      projectId = projectIdOf(rawProject);
      const found = projectId ? await projectReferences(db, [projectId]) : [];
      if (found.length === 0) {
        return threadPage(request, reply, actor, thread, { status: 400, reply: { input: { body: '', replyTo: '', fileIds: [] }, errors: [{ field: 'f-project', message: ctx.t('連携事業が見つかりません。連携事業のページのアドレス（/projects/…）を入力するか、空のままにしてください。', 'No such project: give its page’s address (/projects/…) or leave it empty.') }] } });
      }
    }
    await setThreadStatus(db, { id: actor.id, ip: request.ip }, thread.id, status, projectId);
    return reply.redirect(`/board/t/${thread.id}?done=status`, 303);
  });

  // ── A post: its place, edit, delete, history, report, attachments ─────────────────────────────
  const visiblePost = async (actor: Member, rawId: unknown) => {
    const id = positiveInt(rawId);
    const post = id ? await postById(db, viewerOf(actor), id) : undefined;
    if (!post) return undefined;
    const thread = await threadById(db, post.threadId);
    return thread && mayViewThread(viewerOf(actor), thread) ? { post, thread } : undefined;
  };

  app.get<{ Params: { id: string } }>('/board/posts/:id', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const found = await visiblePost(actor, request.params.id);
    if (!found) return notFound(request, reply);
    return reply.redirect(postPath(found.thread.id, found.post.position, found.post.id), 303);
  });

  const editRights = (thread: ThreadSummary, post: { authorId: string; hidden: boolean; deleted: boolean }) => ({ post: { authorId: post.authorId, hidden: post.hidden, deleted: post.deleted, locked: thread.locked } });

  app.get<{ Params: { id: string } }>('/board/posts/:id/edit', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const found = await visiblePost(actor, request.params.id);
    if (!found || found.post.deleted) return notFound(request, reply);
    if (!guard(request, reply, 'board:edit-post', editRights(found.thread, found.post))) return reply;
    const ctx = contextFor(request, reply);
    const asModerator = found.post.authorId !== actor.id;
    return sendPage(
      reply,
      EditPostPage({ ctx, postId: found.post.id, threadTitle: found.thread.title, isOpening: found.post.position === 1, asModerator, input: { title: found.thread.title, body: found.post.body ?? '', reason: '', updatedAt: found.post.updatedAt }, errors: [] }),
    );
  });

  app.post<{ Params: { id: string } }>('/board/posts/:id/edit', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const found = await visiblePost(actor, request.params.id);
    if (!found || found.post.deleted) return notFound(request, reply);
    if (!guard(request, reply, 'board:edit-post', editRights(found.thread, found.post))) return reply;
    const ctx = contextFor(request, reply);
    const b = (request.body ?? {}) as Record<string, unknown>;
    const asModerator = found.post.authorId !== actor.id;
    const isOpening = found.post.position === 1;
    const input = { title: isOpening ? text(b.title) : found.thread.title, body: text(b.body), reason: text(b.reason), updatedAt: text(b.updatedAt) };
    const page = (errors: FieldError[], status: number, extra: { preview?: string; conflict?: boolean } = {}) =>
      sendPage(reply, EditPostPage({ ctx, postId: found.post.id, threadTitle: found.thread.title, isOpening, asModerator, input, errors, ...extra }), status);
    const errors: FieldError[] = [];
    const parsed = parseReplyForm(ctx, { body: input.body, replyTo: '', fileIds: [] });
    if (!parsed.ok) errors.push(...parsed.errors);
    if (isOpening && (input.title.trim() === '' || input.title.length > limits.title)) errors.push({ field: fieldId('title'), message: ctx.tFormat(`タイトルを入力してください（${limits.title}文字まで）。`, `Enter a title (up to ${limits.title} characters).`) });
    const reason = asModerator ? parseReason(ctx, input.reason) : undefined;
    if (reason && !reason.ok) errors.push({ field: fieldId('reason'), message: reason.error });
    if (errors.length || !parsed.ok) return page(errors, 400);
    if (text(b.intent) === 'preview') return page([], 200, { preview: renderMarkdown(parsed.value.body) });
    const result = await editPost(
      db,
      { id: actor.id, ip: request.ip },
      { postId: found.post.id, expectedUpdatedAt: input.updatedAt },
      { body: parsed.value.body, ...(isOpening ? { title: input.title.trim() } : {}), ...(reason?.ok ? { moderatorReason: reason.value } : {}) },
    );
    if (!result.ok) return page([], 409, { conflict: true });
    return reply.redirect(postPath(found.thread.id, found.post.position, found.post.id), 303);
  });

  app.post<{ Params: { id: string } }>('/board/posts/:id/delete', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const found = await visiblePost(actor, request.params.id);
    if (!found || found.post.deleted) return notFound(request, reply);
    if (!guard(request, reply, 'board:edit-post', editRights(found.thread, found.post))) return reply;
    await deletePost(db, { id: actor.id, ip: request.ip }, found.post.id);
    return reply.redirect(`/board/t/${found.thread.id}?page=${pageOfPosition(found.post.position)}&done=deleted`, 303);
  });

  app.get<{ Params: { id: string } }>('/board/posts/:id/history', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const found = await visiblePost(actor, request.params.id);
    // Earlier versions are as private as the post: not for others once it is hidden or deleted.
    if (!found || (found.post.body === null && !can(actor, 'board:moderate')) || (found.post.deleted && !can(actor, 'board:moderate'))) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const versions = await postVersions(db, found.post.id);
    const editors = await authorsByIds(db, versions.flatMap((v) => (v.editedBy ? [v.editedBy] : [])));
    return sendPage(reply, HistoryPage({ ctx, postId: found.post.id, threadTitle: found.thread.title, current: found.post.body, versions, editors: new Map([...editors].map(([id, a]) => [id, a.displayName])) }));
  });

  const reportable = async (actor: Member, rawId: unknown) => {
    const found = await visiblePost(actor, rawId);
    return found && found.post.body !== null && !found.post.deleted ? found : undefined;
  };

  app.get<{ Params: { id: string } }>('/board/posts/:id/report', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const found = await reportable(actor, request.params.id);
    if (!found) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    return sendPage(reply, ReportPage({ ctx, postId: found.post.id, threadTitle: found.thread.title, excerpt: markdownToText(found.post.body ?? '').slice(0, 300), reason: '' }));
  });

  app.post<{ Params: { id: string } }>('/board/posts/:id/report', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const found = await reportable(actor, request.params.id);
    if (!found) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const raw = (request.body as Record<string, unknown>)?.reason;
    const reason = parseReason(ctx, raw, limits.reportReason);
    if (!reason.ok) {
      return sendPage(reply, ReportPage({ ctx, postId: found.post.id, threadTitle: found.thread.title, excerpt: markdownToText(found.post.body ?? '').slice(0, 300), reason: text(raw), error: reason.error }), 400);
    }
    await reportPost(db, { id: actor.id, ip: request.ip }, found.post.id, reason.value);
    return reply.redirect(`/board/t/${found.thread.id}?page=${pageOfPosition(found.post.position)}&done=reported`, 303);
  });

  // Attachments are members-only too: served here after the same checks as the post, always as a download.
  app.get<{ Params: { postId: string; fileId: string } }>('/board/files/:postId/:fileId', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const found = await visiblePost(actor, request.params.postId);
    const file = found?.post.files.find((f) => f.id === request.params.fileId.toLowerCase());
    const content = file ? await loadFileContent(db, file.id) : undefined;
    if (!content) return notFound(request, reply);
    return reply
      .header('content-type', content.mediaType)
      .header('content-disposition', contentDisposition('attachment', content.name))
      .header('cache-control', 'private, no-store')
      .send(content.content);
  });

  // ── Search (members only; never the public /search) ──────────────────────────────────────────
  app.get('/board/search', async (request, reply) => {
    const actor = guard(request, reply, 'board:read');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const query = text((request.query as Record<string, unknown>).q).trim().slice(0, 100);
    const hits = query ? await searchBoard(db, query) : [];
    return sendPage(reply, BoardSearchPage({ ctx, query, hits }));
  });
}
