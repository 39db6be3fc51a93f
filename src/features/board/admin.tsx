// The secretariat's side of the board (/admin/board): the review queue of reports, the threads
// marked 成立 still waiting for their registry project, the categories; and the moderation actions
// the thread page's panel posts to (pin, lock, hide, move, hide a post). Every action is audited
// (commands.ts) and needs 'board:moderate' (the secretariat with two-factor authentication).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { guard } from '../../policy/guards.ts';
import { ErrorSummary, type FieldError } from '../../views/components/error-summary.tsx';
import { CsrfField } from '../../views/components/form-fields.tsx';
import { Text } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import { NotFoundPage } from '../../views/errors.tsx';
import { formatDateTime } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { contextFor, sendPage } from '../../views/render.ts';
import type { FeatureOptions } from '../feature-options.ts';
import { draftProjectFromBoard } from '../registry/index.ts';
import { dismissReport, linkProject, moderatePost, moderateThread, saveCategory, type ThreadModeration } from './commands.ts';
import { categoryFormInput, parseCategoryForm, parseReason, text, type CategoryFormInput } from './form.ts';
import { categoryName } from './labels.tsx';
import { agreedWithoutProject, authorsByIds, categoryById, categoryBySlug, listCategories, openReports, postById, postPath, threadById, type Author, type Category, type ReportView, type ThreadSummary } from './queries.ts';

const adminCrumbs = (ctx: PageContext, ...rest: Array<{ href?: string; label: string }>) => [{ href: '/admin', label: ctx.t('事務局', 'Secretariat') }, { href: '/admin/board', label: ctx.t('掲示板の管理', 'Board moderation') }, ...rest];

function AdminBoardPage({ ctx, reports, agreed, categories, reporters, notice }: { ctx: PageContext; reports: ReportView[]; agreed: ThreadSummary[]; categories: Category[]; reporters: Map<string, Author>; notice?: string }): JSX.Element {
  const title = ctx.t('掲示板の管理', 'Board moderation');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/admin', label: ctx.t('事務局', 'Secretariat') }, { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      {notice ? (
        <div class="rk-notice rk-notice--success" role="status" safe>
          {notice}
        </div>
      ) : (
        ''
      )}
      <section class="rk-section" aria-labelledby="queue-title">
        <h2 id="queue-title" class="rk-heading-2" safe>
          {ctx.tFormat(`通報の確認待ち（${reports.length}件）`, `Reports to review (${reports.length})`)}
        </h2>
        {reports.length === 0 ? <p>{ctx.t('確認待ちの通報はありません。', 'No reports to review.')}</p> : ''}
        <ul class="rk-board-threads">
          {reports.map((r) => (
            <li>
              <p>
                <a href={postPath(r.threadId, r.position, r.postId)} safe>{`${r.threadTitle} #${r.position}`}</a>
              </p>
              <p class="rk-board-post__meta" safe>
                {ctx.tFormat(`${reporters.get(r.reporterId)?.displayName ?? ''}（${formatDateTime(ctx, r.createdAt)}）：${r.reason}`, `${reporters.get(r.reporterId)?.displayName ?? ''} (${formatDateTime(ctx, r.createdAt)}): ${r.reason}`)}
              </p>
              <div class="rk-board-post__actions">
                <form action={`/admin/board/posts/${r.postId}/hide`} method="post">
                  <CsrfField ctx={ctx} />
                  <label class="rk-visually-hidden" for={`reason-${r.id}`}>
                    {ctx.t('非表示にする理由', 'Reason for hiding')}
                  </label>
                  <input id={`reason-${r.id}`} class="rk-input rk-input--short" name="reason" maxlength="400" value={r.reason.slice(0, 400)} />{' '}
                  <button class="rk-button rk-button--danger" type="submit">
                    {ctx.t('投稿を非表示にする', 'Hide the post')}
                  </button>
                </form>
                <form action={`/admin/board/reports/${r.id}/dismiss`} method="post">
                  <CsrfField ctx={ctx} />
                  <button class="rk-button rk-button--secondary" type="submit">
                    {ctx.t('問題なしとして閉じる', 'Dismiss')}
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section class="rk-section" aria-labelledby="agreed-title">
        <h2 id="agreed-title" class="rk-heading-2">
          {ctx.t('成立したスレッド（連携事業の登録待ち）', 'Agreed threads waiting for their project')}
        </h2>
        {agreed.length === 0 ? <p>{ctx.t('登録待ちはありません。', 'None waiting.')}</p> : ''}
        <ul class="rk-board-threads">
          {agreed.map((t) => (
            <li>
              <a href={`/board/t/${t.id}`} safe>
                {t.title}
              </a>
              <form action={`/admin/board/t/${t.id}/draft-project`} method="post">
                <CsrfField ctx={ctx} />
                <button class="rk-button rk-button--secondary" type="submit">
                  {ctx.t('連携事業の下書きを作成', 'Draft the registry project')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
      <section class="rk-section" aria-labelledby="categories-title">
        <h2 id="categories-title" class="rk-heading-2">
          {ctx.t('カテゴリ', 'Categories')}
        </h2>
        <ul class="rk-link-list">
          {categories.map((c) => (
            <li>
              <a href={`/admin/board/categories/${c.id}`} safe>
                {`${categoryName(ctx, c)}${c.archived ? ctx.tFormat('（廃止）', ' (archived)') : ''}${c.secretariatOnly ? ctx.tFormat('（事務局のみ投稿）', ' (secretariat only)') : ''}`}
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a class="rk-button" href="/admin/board/categories/new">
            {ctx.t('カテゴリを追加', 'Add a category')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

function CategoryFormPage({ ctx, id, input, errors }: { ctx: PageContext; id: string | null; input: CategoryFormInput; errors: FieldError[] }): JSX.Element {
  const title = id ? ctx.t('カテゴリの編集', 'Edit the category') : ctx.t('カテゴリの追加', 'Add a category');
  const field = (name: keyof CategoryFormInput) => ({ ctx, name, value: input[name], errors });
  return (
    <Layout ctx={ctx} title={errors.length ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} breadcrumbs={adminCrumbs(ctx, { label: title })}>
      <h1 class="rk-heading-1">{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form class="rk-form" action={id ? `/admin/board/categories/${id}` : '/admin/board/categories/new'} method="post" novalidate>
        <CsrfField ctx={ctx} />
        <Text {...field('name')} label={ctx.t('名前', 'Name')} required maxlength={80} />
        <Text {...field('nameEn')} label={ctx.t('英語名', 'English name')} maxlength={80} />
        <Text {...field('slug')} label={ctx.t('アドレス用の名前（/board/c/…）', 'Slug (/board/c/…)')} required maxlength={40} />
        <Text {...field('description')} label={ctx.t('説明', 'Description')} maxlength={400} />
        <Text {...field('position')} short inputmode="numeric" label={ctx.t('表示順', 'Order')} />
        <div class="rk-choice">
          <input class="rk-choice__input" type="checkbox" id="f-secretariatOnly" name="secretariatOnly" value="1" checked={input.secretariatOnly === '1'} />
          <label class="rk-choice__label" for="f-secretariatOnly">
            {ctx.t('事務局だけが投稿できる', 'Only the secretariat posts here')}
          </label>
        </div>
        <div class="rk-choice">
          <input class="rk-choice__input" type="checkbox" id="f-archived" name="archived" value="1" checked={input.archived === '1'} />
          <label class="rk-choice__label" for="f-archived">
            {ctx.t('廃止する（一覧から外し、新しい投稿を止める）', 'Archive (leave the list, no new threads)')}
          </label>
        </div>
        <button class="rk-button" type="submit">
          {ctx.t('保存する', 'Save')}
        </button>
      </form>
    </Layout>
  );
}

export default async function boardAdminRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, NotFoundPage({ ctx }), 404);
  };
  const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : 0);

  app.get('/admin/board', async (request, reply) => {
    if (!guard(request, reply, 'board:moderate')) return reply;
    const ctx = contextFor(request, reply);
    const [reports, agreed, categories] = await Promise.all([openReports(db), agreedWithoutProject(db), listCategories(db, { includeArchived: true })]);
    const reporters = await authorsByIds(db, reports.map((r) => r.reporterId));
    const done = text((request.query as Record<string, unknown>).done);
    return sendPage(reply, AdminBoardPage({ ctx, reports, agreed, categories, reporters, notice: done ? ctx.t('処理しました。', 'Done.') : undefined }));
  });

  app.post<{ Params: { id: string } }>('/admin/board/reports/:id/dismiss', async (request, reply) => {
    const actor = guard(request, reply, 'board:moderate');
    if (!actor) return reply;
    await dismissReport(db, { id: actor.id, ip: request.ip }, idOf(request.params.id));
    return reply.redirect('/admin/board?done=1', 303);
  });

  for (const kind of ['hide', 'unhide'] as const) {
    app.post<{ Params: { id: string } }>(`/admin/board/posts/:id/${kind}`, async (request, reply) => {
      const actor = guard(request, reply, 'board:moderate');
      if (!actor) return reply;
      const post = await postById(db, { id: actor.id, role: actor.role }, idOf(request.params.id));
      if (!post) return notFound(request, reply);
      const ctx = contextFor(request, reply);
      if (kind === 'hide') {
        const reason = parseReason(ctx, (request.body as Record<string, unknown>)?.reason);
        if (!reason.ok) return sendPage(reply, NotFoundPage({ ctx, detail: reason.error }), 400);
        await moderatePost(db, { id: actor.id, ip: request.ip }, post.id, { kind: 'hide', reason: reason.value });
      } else {
        await moderatePost(db, { id: actor.id, ip: request.ip }, post.id, { kind: 'unhide' });
      }
      return reply.redirect(postPath(post.threadId, post.position, post.id), 303);
    });
  }

  app.post<{ Params: { id: string } }>('/admin/board/t/:id/moderate', async (request, reply) => {
    const actor = guard(request, reply, 'board:moderate');
    if (!actor) return reply;
    const thread = await threadById(db, idOf(request.params.id));
    if (!thread) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const b = (request.body ?? {}) as Record<string, unknown>;
    const action = text(b.action);
    let moderation: ThreadModeration | undefined;
    if (action === 'pin' || action === 'unpin' || action === 'lock' || action === 'unlock' || action === 'unhide') moderation = { kind: action };
    else if (action === 'hide' || action === 'move') {
      const reason = parseReason(ctx, b.reason);
      if (!reason.ok) return sendPage(reply, NotFoundPage({ ctx, detail: reason.error }), 400);
      if (action === 'hide') moderation = { kind: 'hide', reason: reason.value };
      else {
        const category = await categoryBySlug(db, text(b.category));
        if (!category) return notFound(request, reply);
        moderation = { kind: 'move', categoryId: category.id, reason: reason.value };
      }
    }
    if (!moderation) return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('操作を選んでください。', 'Choose an action.') }), 400);
    await moderateThread(db, { id: actor.id, ip: request.ip }, thread.id, moderation);
    return reply.redirect(`/board/t/${thread.id}`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/board/t/:id/draft-project', async (request, reply) => {
    const actor = guard(request, reply, 'board:moderate');
    if (!actor) return reply;
    const thread = await threadById(db, idOf(request.params.id));
    if (!thread || thread.status !== 'agreed') return notFound(request, reply);
    if (thread.projectId) return reply.redirect(`/registry/projects/${thread.projectId}/edit`, 303);
    // The governments that took part: the posters' and the addressee; wards organise, others are partners.
    const posters = await db.selectFrom('board_posts').innerJoin('accounts', 'accounts.id', 'board_posts.author_id').select('accounts.local_government_code').where('board_posts.thread_id', '=', thread.id).distinct().execute();
    const codes = new Set(posters.flatMap((p) => (p.local_government_code ? [p.local_government_code] : [])));
    if (thread.addresseeCode) codes.add(thread.addresseeCode);
    const wards = await db.selectFrom('wards').select('code').where('code', 'in', codes.size ? [...codes] : ['']).execute();
    const wardCodes = wards.map((w) => w.code);
    const category = await categoryById(db, thread.categoryId);
    const opening = await db.selectFrom('board_posts').select('body').where('thread_id', '=', thread.id).where('position', '=', 1).executeTakeFirst();
    const result = await draftProjectFromBoard(
      db,
      actor,
      { title: thread.title, summary: (opening?.body ?? '').slice(0, 500), field: category?.field ?? 6, wardCodes, partnerCodes: [...codes].filter((c) => !wardCodes.includes(c)), threadPath: `/board/t/${thread.id}` },
      request.ip,
    );
    if (!result.ok) return notFound(request, reply);
    await linkProject(db, { id: actor.id, ip: request.ip }, thread.id, result.id);
    return reply.redirect(`/registry/projects/${result.id}/edit`, 303);
  });

  const emptyCategory: CategoryFormInput = { slug: '', name: '', nameEn: '', description: '', position: '100', secretariatOnly: '', archived: '' };
  app.get('/admin/board/categories/new', async (request, reply) => {
    if (!guard(request, reply, 'board:moderate')) return reply;
    return sendPage(reply, CategoryFormPage({ ctx: contextFor(request, reply), id: null, input: emptyCategory, errors: [] }));
  });
  app.get<{ Params: { id: string } }>('/admin/board/categories/:id', async (request, reply) => {
    if (!guard(request, reply, 'board:moderate')) return reply;
    const c = await categoryById(db, request.params.id);
    if (!c) return notFound(request, reply);
    const input = { slug: c.slug, name: c.name, nameEn: c.nameEn, description: c.description, position: String(c.position), secretariatOnly: c.secretariatOnly ? '1' : '', archived: c.archived ? '1' : '' };
    return sendPage(reply, CategoryFormPage({ ctx: contextFor(request, reply), id: c.id, input, errors: [] }));
  });
  const saveRoute = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
    const actor = guard(request, reply, 'board:moderate');
    if (!actor) return reply;
    if (id && !(await categoryById(db, id))) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const input = categoryFormInput(request.body);
    const parsed = parseCategoryForm(ctx, input);
    const errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      const other = await categoryBySlug(db, parsed.value.slug);
      if (other && other.id !== id) errors.push({ field: 'f-slug', message: ctx.t('このアドレス用の名前は使われています。', 'This slug is taken.') });
    }
    if (!parsed.ok || errors.length) return sendPage(reply, CategoryFormPage({ ctx, id, input, errors }), 400);
    await saveCategory(db, { id: actor.id, ip: request.ip }, id, parsed.value);
    return reply.redirect('/admin/board?done=1', 303);
  };
  app.post('/admin/board/categories/new', (request, reply) => saveRoute(request, reply, null));
  app.post<{ Params: { id: string } }>('/admin/board/categories/:id', (request, reply) => saveRoute(request, reply, request.params.id));

}
