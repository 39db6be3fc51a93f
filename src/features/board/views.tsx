// The board's reading pages: the front page (categories and the latest threads), a category, a
// thread (one page of posts, the reply form under it) and the search. Pure functions of their data.
import { ErrorSummary, type FieldError } from '../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../views/components/form-fields.tsx';
import { Pagination, pageCount } from '../../views/components/pagination.tsx';
import type { PageContext } from '../../views/context.ts';
import { formatDateTime } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { markdownToText, renderMarkdown } from '../../views/markdown.ts';
import { fileLabel } from '../files/index.ts';
import { ReplyForm } from './form-view.tsx';
import type { ReplyFormInput } from './form.ts';
import { AuthorLine, boardCrumbs, boardTitle, categoryName, SampleMark, statusLabel, threadStatuses } from './labels.tsx';
import type { Author, Category, PostView, ThreadSummary } from './queries.ts';
import { postsPerPage, threadsPerPage } from './queries.ts';
import type { BoardSearchHit } from './search.ts';

// renderMarkdown escapes raw HTML and filters links (src/views/markdown.ts): its output is safe to embed.
// A thread page renders its 20 posts on every request (signed-in pages are never page-cached), and
// Markdown was about a tenth of the bench's thread page (node --cpu-prof, 100,000 synthetic posts):
// the HTML of a body is remembered by the body's text. renderMarkdown depends on nothing else, so an
// edited post (a new text) simply misses; the oldest entries go first past the cap, and long bodies
// are not kept (at most about 500 × 4,000 characters and their HTML: a few MB of each instance).
const renderedBodies = new Map<string, string>();
const renderedBodiesCap = 500;
function safeMarkdown(source: string): string {
  const known = renderedBodies.get(source);
  if (known !== undefined) return known;
  const html = renderMarkdown(source);
  if (source.length > 4_000) return html;
  if (renderedBodies.size >= renderedBodiesCap) renderedBodies.delete(renderedBodies.keys().next().value!);
  renderedBodies.set(source, html);
  return html;
}

export function ThreadList({ ctx, threads, categories, authors }: { ctx: PageContext; threads: ThreadSummary[]; categories?: Map<string, Category>; authors: Map<string, Author> }): JSX.Element {
  if (threads.length === 0) return <p>{ctx.t('まだスレッドはありません。', 'No threads yet.')}</p>;
  return (
    <ul class="rk-board-threads">
      {threads.map((t) => {
        const category = categories?.get(t.categoryId);
        const firstUnread = t.unread > 0 && t.unread < t.lastPosition ? t.lastPosition - t.unread + 1 : 0;
        return (
          <li>
            <p class="rk-board-post__meta">
              {t.pinned ? <span class="rk-badge">{ctx.t('固定', 'Pinned')}</span> : ''} <span class="rk-badge rk-badge--plain" safe>{statusLabel(ctx, t.status)}</span>{' '}
              {t.locked ? <span class="rk-badge rk-badge--plain">{ctx.t('ロック中', 'Locked')}</span> : ''}
              {t.hidden ? <span class="rk-badge rk-badge--plain">{ctx.t('非表示', 'Hidden')}</span> : ''}
              {t.isNew ? <span class="rk-badge">{ctx.t('新着', 'New')}</span> : ''} <SampleMark ctx={ctx} sample={t.isSample} />
              {category ? (
                <>
                  {' '}
                  <a href={`/board/c/${category.slug}`} safe>
                    {categoryName(ctx, category)}
                  </a>
                </>
              ) : (
                ''
              )}
            </p>
            <p class="rk-heading-4">
              <a href={`/board/t/${t.id}`} safe>
                {t.title}
              </a>
            </p>
            <p class="rk-board-post__meta">
              <span safe>{ctx.tFormat(`投稿 ${t.lastPosition}件`, `${t.lastPosition} posts`)}</span>
              {' ・ '}
              <span safe>{ctx.tFormat(`最終投稿 ${formatDateTime(ctx, t.lastPostedAt)}`, `Last post ${formatDateTime(ctx, t.lastPostedAt)}`)}</span>
              {' ・ '}
              <span safe>{authors.get(t.authorId)?.displayName ?? ''}</span>
              {t.unread > 0 ? (
                <>
                  {' ・ '}
                  <a href={firstUnread ? `/board/t/${t.id}?unread=1` : `/board/t/${t.id}`}>
                    {firstUnread ? ctx.tFormat(`未読 ${t.unread}件（最初の未読へ）`, `${t.unread} unread (go to the first)`) : ctx.t('未読', 'Unread')}
                  </a>
                </>
              ) : (
                ''
              )}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** `threadList`: the list already rendered (a kept EncodedPiece's marker); rendered here when absent. */
export function BoardIndexPage(p: { ctx: PageContext; categories: Category[]; latest: ThreadSummary[]; authors: Map<string, Author>; mayPost: boolean; threadList?: JSX.Element }): JSX.Element {
  const { ctx } = p;
  const title = boardTitle(ctx);
  const threadList: JSX.Element = p.threadList ?? <ThreadList ctx={ctx} threads={p.latest} categories={new Map(p.categories.map((c) => [c.id, c]))} authors={p.authors} />;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/member', label: ctx.t('マイページ', 'My page') }, { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <p>{ctx.t('事務局・特別区・会員自治体の職員だけが読み書きできる掲示板です。公開のページや検索には表示されません。', 'A board only the secretariat, ward staff and member municipality staff can read and write. Nothing here appears on public pages or in the site search.')}</p>
      <p class="rk-actions">
        {p.mayPost ? (
          <a class="rk-button" href="/board/new">
            {ctx.t('新しいスレッドを作成', 'Start a thread')}
          </a>
        ) : (
          ''
        )}
        <a href="/board/search">{ctx.t('掲示板を検索', 'Search the board')}</a>
      </p>
      <section class="rk-section" aria-labelledby="board-categories">
        <h2 id="board-categories" class="rk-heading-2">
          {ctx.t('カテゴリ', 'Categories')}
        </h2>
        <ul class="rk-link-list">
          {p.categories.map((c) => (
            <li>
              <a href={`/board/c/${c.slug}`} safe>
                {categoryName(ctx, c)}
              </a>
              {c.description ? (
                <p class="rk-hint" safe>
                  {c.description}
                </p>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      </section>
      <section class="rk-section" aria-labelledby="board-latest">
        <h2 id="board-latest" class="rk-heading-2">
          {ctx.t('最新のスレッド', 'Latest threads')}
        </h2>
        {threadList}
      </section>
    </Layout>
  );
}

export function WatchButton({ ctx, action, watching }: { ctx: PageContext; action: string; watching: boolean }): JSX.Element {
  return (
    <form action={action} method="post">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="watch" value={watching ? '0' : '1'} />
      <button class="rk-button rk-button--secondary" type="submit">
        {watching ? ctx.t('ウォッチをやめる', 'Stop watching') : ctx.t('ウォッチする（新しい投稿を通知）', 'Watch (be told of new posts)')}
      </button>
    </form>
  );
}

export function CategoryPage(p: {
  ctx: PageContext;
  category: Category;
  threads: ThreadSummary[];
  total: number;
  page: number;
  authors: Map<string, Author>;
  mayPost: boolean;
  watching: boolean;
  threadList?: JSX.Element;
}): JSX.Element {
  const { ctx, category } = p;
  const name = categoryName(ctx, category);
  const threadList: JSX.Element = p.threadList ?? <ThreadList ctx={ctx} threads={p.threads} authors={p.authors} />;
  return (
    <Layout ctx={ctx} title={name} breadcrumbs={boardCrumbs(ctx, { label: name })}>
      <h1 class="rk-heading-1" safe>
        {name}
      </h1>
      {category.description ? <p safe>{category.description}</p> : ''}
      {category.secretariatOnly ? <p class="rk-hint">{ctx.t('このカテゴリには事務局だけが投稿できます。', 'Only the secretariat starts threads here.')}</p> : ''}
      <div class="rk-actions">
        {p.mayPost ? (
          <a class="rk-button" href={`/board/new?category=${encodeURIComponent(category.slug)}`}>
            {ctx.t('このカテゴリにスレッドを作成', 'Start a thread here')}
          </a>
        ) : (
          ''
        )}
        <WatchButton ctx={ctx} action={`/board/c/${category.slug}/watch`} watching={p.watching} />
      </div>
      {threadList}
      <Pagination ctx={ctx} page={p.page} pages={pageCount(p.total, threadsPerPage)} hrefFor={(n) => `/board/c/${category.slug}?page=${n}`} />
    </Layout>
  );
}

export interface ThreadPageProps {
  ctx: PageContext;
  viewerId: string;
  isSecretariat: boolean;
  thread: ThreadSummary;
  category: Category;
  categories: Category[];
  posts: PostView[];
  authors: Map<string, Author>;
  page: number;
  /** The member's read mark before this page was opened. */
  readBefore: number;
  firstUnreadHref?: string;
  watching: boolean;
  addressee?: { code: string; name: string };
  project?: { title: string; href: string };
  mayReply: boolean;
  maySetStatus: boolean;
  reply: { input: ReplyFormInput; errors: FieldError[]; preview?: string };
  notice?: string;
  /** The posts already rendered (a kept EncodedPiece's marker, see PostList); rendered here when absent. */
  postList?: JSX.Element;
}

/** The page's posts. For a member who wrote none of them, the same for every such member with the same unread marks. */
export function PostList({ p }: { p: ThreadPageProps }): JSX.Element {
  return (
    <>
      {p.posts.map((post) => (
        <PostArticle p={p} post={post} />
      ))}
    </>
  );
}

function PostArticle({ p, post }: { p: ThreadPageProps; post: PostView }): JSX.Element {
  const { ctx } = p;
  const mine = post.authorId === p.viewerId;
  const unread = post.position > p.readBefore && p.readBefore > 0;
  return (
    <article id={`post-${post.id}`} class={unread ? 'rk-board-post rk-board-post--unread' : 'rk-board-post'} aria-labelledby={`post-${post.id}-head`}>
      <h2 id={`post-${post.id}-head`} class="rk-visually-hidden" safe>
        {ctx.tFormat(`${post.position}番目の投稿`, `Post ${post.position}`)}
      </h2>
      <AuthorLine ctx={ctx} author={p.authors.get(post.authorId)} at={post.createdAt} />
      <p class="rk-board-post__meta">
        <span safe>{`#${post.position}`}</span> {unread ? <span class="rk-badge">{ctx.t('未読', 'Unread')}</span> : ''} <SampleMark ctx={ctx} sample={post.isSample} />
        {post.replyToPostId ? (
          <>
            {' '}
            <a href={`/board/posts/${post.replyToPostId}`}>{ctx.t('返信先の投稿', 'In reply to')}</a>
          </>
        ) : (
          ''
        )}
      </p>
      {post.deleted ? (
        <p class="rk-muted">{ctx.t('この投稿は投稿者により削除されました。', 'This post was deleted by its author.')}</p>
      ) : post.body === null ? (
        <p class="rk-muted">{ctx.t('この投稿は事務局により非表示にされました。', 'This post was hidden by the secretariat.')}</p>
      ) : (
        <>
          {post.hidden ? (
            <div class="rk-notice rk-notice--warning">
              <p>{ctx.t('この投稿は事務局により非表示にされています（投稿者と事務局だけに見えています）。理由：', 'The secretariat hid this post (only you and the secretariat see it). Reason:')}</p>
              <p safe>{post.moderationReason ?? ''}</p>
            </div>
          ) : post.moderationReason && (mine || p.isSecretariat) ? (
            <div class="rk-notice rk-notice--warning">
              <p>{ctx.t('事務局がこの投稿を編集しました。理由：', 'The secretariat edited this post. Reason:')}</p>
              <p safe>{post.moderationReason}</p>
            </div>
          ) : (
            ''
          )}
          <div class="rk-prose rk-board-post__body">{safeMarkdown(post.body)}</div>
          {post.files.length > 0 ? (
            <ul class="rk-link-list">
              {post.files.map((f) => (
                <li>
                  <a href={`/board/files/${post.id}/${f.id}`} safe>{`${f.name}（${fileLabel(f)}）`}</a>
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
        </>
      )}
      <div class="rk-board-post__actions">
        {post.editedAt ? (
          <a href={`/board/posts/${post.id}/history`} safe>
            {ctx.tFormat(`編集済み（履歴 ${post.versionCount}件）`, `Edited (${post.versionCount} earlier versions)`)}
          </a>
        ) : (
          ''
        )}
        {post.body !== null && !post.deleted && p.mayReply ? (
          <a href={`/board/t/${p.thread.id}?page=${p.page}&quote=${post.id}#reply`}>{ctx.t('引用して返信', 'Quote and reply')}</a>
        ) : (
          ''
        )}
        {!post.deleted && ((mine && !post.hidden && !p.thread.locked) || p.isSecretariat) ? <a href={`/board/posts/${post.id}/edit`}>{ctx.t('編集', 'Edit')}</a> : ''}
        {!post.deleted && !mine && post.body !== null ? <a href={`/board/posts/${post.id}/report`}>{ctx.t('事務局に通報', 'Report')}</a> : ''}
        {p.isSecretariat && !post.deleted ? (
          <form action={`/admin/board/posts/${post.id}/${post.hidden ? 'unhide' : 'hide'}`} method="post">
            <CsrfField ctx={ctx} />
            {post.hidden ? (
              ''
            ) : (
              <>
                <label class="rk-visually-hidden" for={`hide-reason-${post.id}`}>
                  {ctx.t('非表示にする理由', 'Reason for hiding')}
                </label>
                <input id={`hide-reason-${post.id}`} class="rk-input rk-input--short" name="reason" maxlength="400" placeholder={ctx.t('非表示の理由', 'Reason')} />{' '}
              </>
            )}
            <button class="rk-link-button" type="submit">
              {post.hidden ? ctx.t('再表示する', 'Show again') : ctx.t('非表示にする', 'Hide')}
            </button>
          </form>
        ) : (
          ''
        )}
      </div>
    </article>
  );
}

function ModerationPanel({ p }: { p: ThreadPageProps }): JSX.Element {
  const { ctx, thread } = p;
  const button = (action: string, label: string) => (
    <form action={`/admin/board/t/${thread.id}/moderate`} method="post">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="action" value={action} />
      <button class="rk-button rk-button--secondary" type="submit" safe>
        {label}
      </button>
    </form>
  );
  return (
    <section class="rk-section" aria-labelledby="moderation-title">
      <h2 id="moderation-title" class="rk-heading-3">
        {ctx.t('事務局の操作', 'Moderation')}
      </h2>
      <div class="rk-actions">
        {thread.pinned ? button('unpin', ctx.t('固定をやめる', 'Unpin')) : button('pin', ctx.t('一覧の先頭に固定', 'Pin'))}
        {thread.locked ? button('unlock', ctx.t('ロックを解除', 'Unlock')) : button('lock', ctx.t('ロックする（返信を止める）', 'Lock (stop replies)'))}
        {thread.hidden ? button('unhide', ctx.t('スレッドを再表示', 'Show the thread again')) : ''}
      </div>
      <form class="rk-form" action={`/admin/board/t/${thread.id}/moderate`} method="post">
        <CsrfField ctx={ctx} />
        <div class="rk-field">
          <label class="rk-label" for="mod-action">
            {ctx.t('操作', 'Action')}
          </label>
          <select id="mod-action" class="rk-select" name="action">
            {thread.hidden ? '' : <option value="hide">{ctx.t('スレッドを非表示にする', 'Hide the thread')}</option>}
            <option value="move">{ctx.t('カテゴリを移動する', 'Move to a category')}</option>
          </select>
        </div>
        <div class="rk-field">
          <label class="rk-label" for="mod-category">
            {ctx.t('移動先のカテゴリ', 'Move to')}
          </label>
          <select id="mod-category" class="rk-select" name="category">
            {p.categories.map((c) => (
              <option value={c.slug} selected={c.id === thread.categoryId} safe>
                {categoryName(ctx, c)}
              </option>
            ))}
          </select>
        </div>
        <div class="rk-field">
          <label class="rk-label" for="mod-reason">
            {ctx.t('理由（投稿者に表示されます）', 'Reason (shown to the author)')}
          </label>
          <input id="mod-reason" class="rk-input" name="reason" maxlength="400" />
        </div>
        <button class="rk-button" type="submit">
          {ctx.t('実行する', 'Apply')}
        </button>
      </form>
      {thread.status === 'agreed' && !thread.projectId ? (
        <form action={`/admin/board/t/${thread.id}/draft-project`} method="post">
          <CsrfField ctx={ctx} />
          <button class="rk-button rk-button--secondary" type="submit">
            {ctx.t('この成立から連携事業の下書きを作成', 'Draft a registry project from this agreement')}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

function StatusForm({ p }: { p: ThreadPageProps }): JSX.Element {
  const { ctx, thread } = p;
  return (
    <form class="rk-form" action={`/board/t/${thread.id}/status`} method="post">
      <CsrfField ctx={ctx} />
      <fieldset class="rk-fieldset">
        <legend class="rk-label">{ctx.t('スレッドの状態', 'Thread status')}</legend>
        {threadStatuses.map((s, i) => (
          <div class="rk-choice">
            <input class="rk-choice__input" type="radio" id={i === 0 ? 'f-status' : `f-status-${i}`} name="status" value={s} checked={thread.status === s} />
            <label class="rk-choice__label" for={i === 0 ? 'f-status' : `f-status-${i}`} safe>
              {statusLabel(ctx, s)}
            </label>
          </div>
        ))}
      </fieldset>
      <div class="rk-field">
        <label class="rk-label" for="f-project">
          {ctx.t('成立した連携事業（任意）', 'The collaboration project agreed (optional)')}
        </label>
        <p id="f-project-hint" class="rk-hint">
          {ctx.t('「成立」のとき、連携事業のページのアドレス（/projects/…）またはIDを入力します。空のままなら、事務局が連携事業の下書きを作成して補完します。', 'For “Agreed”: the project page’s address (/projects/…) or id. Left empty, the secretariat drafts the project and completes it.')}
        </p>
        <input id="f-project" class="rk-input" name="project" aria-describedby="f-project-hint" value={thread.projectId ?? ''} />
      </div>
      <button class="rk-button rk-button--secondary" type="submit">
        {ctx.t('状態を保存', 'Save the status')}
      </button>
    </form>
  );
}

export function ThreadPage(p: ThreadPageProps): JSX.Element {
  const { ctx, thread, category } = p;
  const pages = pageCount(thread.lastPosition, postsPerPage);
  const postList: JSX.Element = p.postList ?? <PostList p={p} />;
  return (
    <Layout ctx={ctx} title={thread.title} breadcrumbs={boardCrumbs(ctx, { href: `/board/c/${category.slug}`, label: categoryName(ctx, category) }, { label: thread.title })}>
      <h1 class="rk-heading-1" safe>
        {thread.title}
      </h1>
      <SuccessNotice message={p.notice} />
      <p class="rk-board-post__meta">
        <span class="rk-badge rk-badge--plain" safe>
          {statusLabel(ctx, thread.status)}
        </span>{' '}
        {thread.locked ? <span class="rk-badge rk-badge--plain">{ctx.t('ロック中', 'Locked')}</span> : ''} <SampleMark ctx={ctx} sample={thread.isSample} />
        {p.addressee ? (
          <>
            {' '}
            <span safe>{ctx.tFormat('宛先：', 'To: ')}</span>
            <a href={`/municipalities/${p.addressee.code}`} safe>
              {p.addressee.name}
            </a>
          </>
        ) : (
          ''
        )}
        {p.project ? (
          <>
            {' '}
            <span>{ctx.t('連携事業：', 'Project: ')}</span>
            <a href={p.project.href} safe>
              {p.project.title}
            </a>
          </>
        ) : thread.status === 'agreed' ? (
          <span> {ctx.t('（連携事業は事務局が登録します）', '(the secretariat will record the project)')}</span>
        ) : (
          ''
        )}
      </p>
      {thread.hidden ? (
        <div class="rk-notice rk-notice--warning">
          <p>{ctx.t('このスレッドは事務局により非表示にされています。理由：', 'The secretariat hid this thread. Reason:')}</p>
          <p safe>{thread.moderationReason ?? ''}</p>
        </div>
      ) : thread.moderationReason ? (
        <p class="rk-hint" safe>
          {ctx.tFormat(`事務局からの連絡：${thread.moderationReason}`, `From the secretariat: ${thread.moderationReason}`)}
        </p>
      ) : (
        ''
      )}
      <div class="rk-actions">
        <WatchButton ctx={ctx} action={`/board/t/${thread.id}/watch`} watching={p.watching} />
        {p.firstUnreadHref ? <a href={p.firstUnreadHref}>{ctx.t('最初の未読の投稿へ', 'Go to the first unread post')}</a> : ''}
      </div>
      {postList}
      <Pagination ctx={ctx} page={p.page} pages={pages} hrefFor={(n) => `/board/t/${thread.id}?page=${n}`} />
      {thread.locked ? <p class="rk-notice">{ctx.t('このスレッドはロックされているため、返信できません。', 'This thread is locked; no more replies.')}</p> : ''}
      {p.mayReply ? <ReplyForm ctx={ctx} threadId={thread.id} page={p.page} input={p.reply.input} errors={p.reply.errors} preview={p.reply.preview} /> : ''}
      {p.maySetStatus ? <StatusForm p={p} /> : ''}
      {p.isSecretariat ? <ModerationPanel p={p} /> : ''}
    </Layout>
  );
}

export function BoardSearchPage(p: { ctx: PageContext; query: string; hits: BoardSearchHit[]; error?: string }): JSX.Element {
  const { ctx } = p;
  const title = ctx.t('掲示板の検索', 'Search the board');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={boardCrumbs(ctx, { label: title })}>
      <h1 class="rk-heading-1">{title}</h1>
      <ErrorSummary ctx={ctx} errors={p.error ? [{ field: 'f-q', message: p.error }] : []} />
      <form class="rk-search" action="/board/search" method="get" role="search">
        <label class="rk-search__label rk-label" for="f-q">
          {ctx.t('キーワード（2文字から）', 'Words (two characters or more)')}
        </label>
        <div class="rk-search__row">
          <input id="f-q" class="rk-input" type="search" name="q" value={p.query} maxlength="100" />
          <button class="rk-button" type="submit">
            {ctx.t('検索', 'Search')}
          </button>
        </div>
      </form>
      {p.query ? (
        <section class="rk-section" aria-labelledby="results-title">
          <h2 id="results-title" class="rk-heading-2" safe>
            {ctx.tFormat(`「${p.query}」の検索結果 ${p.hits.length}件`, `${p.hits.length} results for “${p.query}”`)}
          </h2>
          <ul class="rk-board-threads">
            {p.hits.map((h) => (
              <li>
                <p class="rk-heading-4">
                  <a href={`/board/t/${h.threadId}?page=${Math.ceil(h.position / postsPerPage)}#post-${h.postId}`} safe>
                    {`${h.threadTitle} #${h.position}`}
                  </a>
                </p>
                <p safe>{markdownToText(h.body).slice(0, 160)}</p>
                <AuthorLine ctx={ctx} author={h.author} at={h.createdAt} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
