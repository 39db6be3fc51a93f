// The board's forms: a new thread (with the partner matching's prefill and its 「宛先」), a reply
// (under a thread, with quotes), an edit (the secretariat gives a reason), a report, and a post's
// history. Multipart forms (attachments), CSRF token first, previews rendered by the server.
import { ErrorSummary, type FieldError } from '../../views/components/error-summary.tsx';
import { CsrfField } from '../../views/components/form-fields.tsx';
import { Select, Text, TextArea } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import { formatDateTime } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { renderMarkdown } from '../../views/markdown.ts';
import { limits, type ReplyFormInput, type ThreadFormInput } from './form.ts';
import { boardCrumbs, categoryName } from './labels.tsx';
import type { Category, PostVersion } from './queries.ts';

// renderMarkdown escapes raw HTML and filters links (src/views/markdown.ts): its output is safe to embed.
const safeMarkdown = renderMarkdown;

const markdownHint = (ctx: PageContext) =>
  ctx.t(
    'Markdown が使えます（**太字**、- 箇条書き、> 引用、[名寄市](/municipalities/012211) のような自治体・特別区・連携事業・イベントへのリンク）。@表示名 や @自治体名 で相手に通知します。HTMLは使えません。',
    'Markdown is allowed (**bold**, - lists, > quotes, links such as [Nayoro](/municipalities/012211) to municipalities, wards, projects and events). @display name or @municipality notifies them. HTML is not.',
  );

function Preview({ ctx, html }: { ctx: PageContext; html?: string }): JSX.Element {
  if (html === undefined) return '';
  // Rendered by src/views/markdown.ts, which escapes raw HTML and filters links.
  const safePreviewHtml = html;
  return (
    <section class="rk-preview" aria-labelledby="preview-title">
      <h2 id="preview-title" class="rk-heading-3">
        {ctx.t('プレビュー（まだ投稿されていません）', 'Preview (not posted yet)')}
      </h2>
      <div class="rk-prose rk-board-post__body">{safePreviewHtml}</div>
    </section>
  );
}

function Attachments({ ctx, errors, stored }: { ctx: PageContext; errors: FieldError[]; stored: Array<{ id: string; name: string }> }): JSX.Element {
  const error = errors.find((e) => e.field === 'f-files')?.message;
  return (
    <div class="rk-field">
      <label class="rk-label" for="f-files" safe>
        {ctx.tFormat(`添付ファイル（PDF・画像・Word・Excel・PowerPoint、1件10MBまで、${limits.files}件まで）`, `Attachments (PDF, images, Word, Excel, PowerPoint; 10 MB each, up to ${limits.files})`)}
      </label>
      {error ? (
        <p id="f-files-error" class="rk-field-error">
          <span class="rk-visually-hidden">{ctx.t('エラー：', 'Error: ')}</span>
          <span safe>{error}</span>
        </p>
      ) : (
        ''
      )}
      {stored.map((f) => (
        <p>
          <input type="hidden" name="fileIds" value={f.id} />
          <span safe>{ctx.tFormat(`添付済み：${f.name}`, `Attached: ${f.name}`)}</span>
        </p>
      ))}
      <input id="f-files" class="rk-input" type="file" name="files" multiple aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'f-files-error' : undefined} />
    </div>
  );
}

export function ReplyForm(p: { ctx: PageContext; threadId: number; page: number; input: ReplyFormInput; errors: FieldError[]; preview?: string; stored?: Array<{ id: string; name: string }> }): JSX.Element {
  const { ctx } = p;
  return (
    <section class="rk-section" aria-labelledby="reply">
      <h2 id="reply" class="rk-heading-2" tabindex="-1">
        {ctx.t('返信する', 'Reply')}
      </h2>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <Preview ctx={ctx} html={p.preview} />
      <form class="rk-form" action={`/board/t/${p.threadId}/reply`} method="post" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="replyTo" value={p.input.replyTo} />
        <TextArea ctx={ctx} name="body" label={ctx.t('本文', 'Text')} value={p.input.body} errors={p.errors} rows={8} required hint={markdownHint(ctx)} />
        <Attachments ctx={ctx} errors={p.errors} stored={p.stored ?? []} />
        <div class="rk-actions">
          <button class="rk-button" type="submit" name="intent" value="post">
            {ctx.t('返信する', 'Reply')}
          </button>
          <button class="rk-button rk-button--secondary" type="submit" name="intent" value="preview">
            {ctx.t('プレビュー', 'Preview')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function ThreadFormPage(p: {
  ctx: PageContext;
  categories: Category[];
  input: ThreadFormInput;
  errors: FieldError[];
  addressee?: { code: string; name: string };
  preview?: string;
  stored?: Array<{ id: string; name: string }>;
}): JSX.Element {
  const { ctx, input, errors } = p;
  const title = ctx.t('新しいスレッド', 'New thread');
  return (
    <Layout ctx={ctx} title={errors.length ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} breadcrumbs={boardCrumbs(ctx, { label: title })}>
      <h1 class="rk-heading-1">{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Preview ctx={ctx} html={p.preview} />
      <form class="rk-form" action="/board/new" method="post" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        {p.addressee ? (
          <p class="rk-notice">
            <span safe>{ctx.tFormat(`宛先: ${p.addressee.name}`, `To: ${p.addressee.name}`)}</span>
            <span class="rk-hint" safe>
              {ctx.tFormat('（投稿すると、この自治体の会員に通知されます）', ' (its members are notified when you post)')}
            </span>
          </p>
        ) : (
          ''
        )}
        <input type="hidden" name="to" value={input.to} />
        <Select ctx={ctx} name="category" label={ctx.t('カテゴリ', 'Category')} value={input.category} errors={errors} required options={p.categories.map((c) => ({ value: c.slug, label: categoryName(ctx, c) }))} />
        <Text ctx={ctx} name="title" label={ctx.t('タイトル', 'Title')} value={input.title} errors={errors} required maxlength={limits.title} />
        <TextArea ctx={ctx} name="body" label={ctx.t('本文', 'Text')} value={input.body} errors={errors} rows={12} required hint={markdownHint(ctx)} />
        <Attachments ctx={ctx} errors={errors} stored={p.stored ?? []} />
        <div class="rk-actions">
          <button class="rk-button" type="submit" name="intent" value="post">
            {ctx.t('投稿する', 'Post')}
          </button>
          <button class="rk-button rk-button--secondary" type="submit" name="intent" value="preview">
            {ctx.t('プレビュー', 'Preview')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export function EditPostPage(p: {
  ctx: PageContext;
  postId: number;
  threadTitle: string;
  isOpening: boolean;
  asModerator: boolean;
  input: { title: string; body: string; reason: string; updatedAt: string };
  errors: FieldError[];
  preview?: string;
  conflict?: boolean;
}): JSX.Element {
  const { ctx, input, errors } = p;
  const title = ctx.t('投稿の編集', 'Edit the post');
  const all = p.conflict ? [...errors, { field: 'f-body', message: ctx.t('編集している間に、この投稿が更新されました。開き直してからもう一度編集してください。', 'This post changed while you were editing; open it again.') }] : errors;
  return (
    <Layout ctx={ctx} title={all.length ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} breadcrumbs={boardCrumbs(ctx, { href: `/board/posts/${p.postId}`, label: p.threadTitle }, { label: title })}>
      <h1 class="rk-heading-1">{title}</h1>
      <ErrorSummary ctx={ctx} errors={all} />
      <Preview ctx={ctx} html={p.preview} />
      <form class="rk-form" action={`/board/posts/${p.postId}/edit`} method="post" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="updatedAt" value={input.updatedAt} />
        {p.isOpening ? <Text ctx={ctx} name="title" label={ctx.t('タイトル', 'Title')} value={input.title} errors={errors} required maxlength={limits.title} /> : ''}
        <TextArea ctx={ctx} name="body" label={ctx.t('本文', 'Text')} value={input.body} errors={errors} rows={12} required hint={markdownHint(ctx)} />
        {p.asModerator ? (
          <Text ctx={ctx} name="reason" label={ctx.t('編集の理由（投稿者に表示されます）', 'Reason for the edit (shown to the author)')} value={input.reason} errors={errors} required maxlength={limits.reason} />
        ) : (
          ''
        )}
        <p class="rk-hint">{ctx.t('編集前の内容は履歴として残ります。', 'The earlier text is kept in the history.')}</p>
        <div class="rk-actions">
          <button class="rk-button" type="submit" name="intent" value="save">
            {ctx.t('保存する', 'Save')}
          </button>
          <button class="rk-button rk-button--secondary" type="submit" name="intent" value="preview">
            {ctx.t('プレビュー', 'Preview')}
          </button>
        </div>
      </form>
      {p.asModerator ? (
        ''
      ) : (
        <section class="rk-section" aria-labelledby="delete-title">
          <h2 id="delete-title" class="rk-heading-3">
            {ctx.t('投稿の削除', 'Delete the post')}
          </h2>
          <form action={`/board/posts/${p.postId}/delete`} method="post">
            <CsrfField ctx={ctx} />
            <button class="rk-button rk-button--danger" type="submit">
              {ctx.t('この投稿を削除する', 'Delete this post')}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}

export function ReportPage(p: { ctx: PageContext; postId: number; threadTitle: string; excerpt: string; reason: string; error?: string }): JSX.Element {
  const { ctx } = p;
  const title = ctx.t('投稿を事務局に通報', 'Report a post to the secretariat');
  const errors = p.error ? [{ field: 'f-reason', message: p.error }] : [];
  return (
    <Layout ctx={ctx} title={errors.length ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} breadcrumbs={boardCrumbs(ctx, { href: `/board/posts/${p.postId}`, label: p.threadTitle }, { label: title })}>
      <h1 class="rk-heading-1">{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <blockquote class="rk-board-post__body" safe>
        {p.excerpt}
      </blockquote>
      <form class="rk-form" action={`/board/posts/${p.postId}/report`} method="post" novalidate>
        <CsrfField ctx={ctx} />
        <TextArea ctx={ctx} name="reason" label={ctx.t('通報の理由', 'Why')} value={p.reason} errors={errors} rows={4} required hint={ctx.t('事務局だけが読みます。', 'Only the secretariat reads this.')} />
        <button class="rk-button" type="submit">
          {ctx.t('通報する', 'Report')}
        </button>
      </form>
    </Layout>
  );
}

export function HistoryPage(p: { ctx: PageContext; postId: number; threadTitle: string; current: string | null; versions: PostVersion[]; editors: Map<string, string> }): JSX.Element {
  const { ctx } = p;
  const title = ctx.t('投稿の編集履歴', 'Edit history');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={boardCrumbs(ctx, { href: `/board/posts/${p.postId}`, label: p.threadTitle }, { label: title })}>
      <h1 class="rk-heading-1">{title}</h1>
      {p.current !== null ? (
        <section class="rk-section" aria-labelledby="current-title">
          <h2 id="current-title" class="rk-heading-3">
            {ctx.t('現在の内容', 'Current text')}
          </h2>
          <div class="rk-prose rk-board-post__body">{safeMarkdown(p.current)}</div>
        </section>
      ) : (
        ''
      )}
      {p.versions.map((v) => (
        <section class="rk-section rk-board-post" aria-labelledby={`v-${v.id}`}>
          <h2 id={`v-${v.id}`} class="rk-heading-3" safe>
            {ctx.tFormat(`${formatDateTime(ctx, v.createdAt)} に置き換えられた内容`, `Text replaced on ${formatDateTime(ctx, v.createdAt)}`)}
          </h2>
          <p class="rk-board-post__meta" safe>
            {ctx.tFormat(`編集した人：${p.editors.get(v.editedBy ?? '') ?? ''}${v.reason ? `（理由：${v.reason}）` : ''}`, `Edited by ${p.editors.get(v.editedBy ?? '') ?? ''}${v.reason ? ` (reason: ${v.reason})` : ''}`)}
          </p>
          <div class="rk-prose rk-board-post__body">{safeMarkdown(v.body)}</div>
        </section>
      ))}
    </Layout>
  );
}
