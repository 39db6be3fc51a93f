// The secretariat's news pages: the list, the article form (with preview), the versions and the
// comparison of a version with the current text.
import type { ArticleStatus } from '../../../db/schema.ts';
import { ErrorSummary, type FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../../views/components/form-fields.tsx';
import { Pagination, pageCount, resultRangeText } from '../../../views/components/pagination.tsx';
import { Choices, ConflictNotice, Select, Text, TextArea, fieldId } from '../../../views/components/record-fields.tsx';
import { SecretariatSectionLayout, type SecretariatPageProps } from '../../../views/components/secretariat-layout.tsx';
import { VersionComparison, VersionsTable, compareTitle, pairFields } from '../../../views/components/version-history.tsx';
import type { PageContext } from '../../../views/context.ts';
import { formatDateTime } from '../../../views/format.ts';
import { acceptedKinds } from '../../files/index.ts';
import { ArticleBody, type ResolvedArticle } from '../article-view.tsx';
import { articleCategories, categoryLabel } from '../categories.ts';
import { limits, newFileSlots, type ArticleFormInput, type FileSlot } from '../form.ts';
import { adminPageSize, type AdminArticleRow, type VersionRow } from '../queries.ts';
import type { ArticleSnapshot } from '../record.ts';
import { articlePath } from '../views.tsx';

export const statusLabels: Record<ArticleStatus, { ja: string; en: string }> = {
  draft: { ja: '下書き', en: 'Draft' },
  scheduled: { ja: '公開予約', en: 'Scheduled' },
  published: { ja: '公開中', en: 'Published' },
  withdrawn: { ja: '取り下げ', en: 'Withdrawn' },
};

function statusText(ctx: PageContext, status: ArticleStatus): string {
  return ctx.tFormat(statusLabels[status].ja, statusLabels[status].en);
}

function NewsAdminLayout(props: SecretariatPageProps): JSX.Element {
  return <SecretariatSectionLayout {...props} section={{ href: '/admin/news', title: newsAdminTitle(props.ctx) }} />;
}

function newsAdminTitle(ctx: PageContext): string {
  return ctx.t('お知らせの管理', 'News management');
}

export function AdminNewsListPage(p: { ctx: PageContext; rows: AdminArticleRow[]; total: number; status: ArticleStatus | null; page: number; notice?: string }): JSX.Element {
  const { ctx } = p;
  const hrefFor = (status: ArticleStatus | null, page = 1) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (page > 1) params.set('page', String(page));
    const qs = params.toString();
    return qs ? `/admin/news?${qs}` : '/admin/news';
  };
  return (
    <NewsAdminLayout ctx={ctx} title={newsAdminTitle(ctx)}>
      <SuccessNotice message={p.notice} />
      <p>
        <a class="rk-button" href="/admin/news/new">
          {ctx.t('記事を書く', 'Write an article')}
        </a>
      </p>
      <nav class="rk-tabs" aria-label={ctx.t('状態', 'Status')}>
        <ul class="rk-tabs__list">
          <li>
            <a class="rk-tabs__link" href={hrefFor(null)} aria-current={p.status === null ? 'page' : undefined}>
              {ctx.t('すべて', 'All')}
            </a>
          </li>
          {(Object.keys(statusLabels) as ArticleStatus[]).map((s) => (
            <li>
              <a class="rk-tabs__link" href={hrefFor(s)} aria-current={p.status === s ? 'page' : undefined} safe>
                {statusText(ctx, s)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="rk-result-count" role="status" safe>
        {resultRangeText(ctx, p.total, p.page, adminPageSize, ctx.t('記事はありません。', 'No articles.'))}
      </p>
      {p.rows.length > 0 ? (
        <div class="rk-table-wrap" role="region" aria-label={newsAdminTitle(ctx)} tabindex="0">
          <table class="rk-table rk-table--stack">
            <thead>
              <tr>
                <th scope="col">{ctx.t('タイトル', 'Title')}</th>
                <th scope="col">{ctx.t('状態', 'Status')}</th>
                <th scope="col">{ctx.t('掲載日時', 'Publication')}</th>
                <th scope="col">{ctx.t('最終更新', 'Last saved')}</th>
                <th scope="col">{ctx.t('操作', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/news/${row.id}/edit`} safe>
                      {row.title}
                    </a>
                    <br />
                    <span class="rk-muted" safe>
                      {categoryLabel(ctx, row.category)}
                    </span>
                  </th>
                  <td safe>{statusText(ctx, row.status)}</td>
                  <td safe>{row.publishAt ? formatDateTime(ctx, row.publishAt) : ctx.tFormat('—', '—')}</td>
                  <td safe>{formatDateTime(ctx, row.updatedAt)}</td>
                  <td>
                    <ul class="rk-inline-list">
                      <li>
                        <a href={`/admin/news/${row.id}/versions`}>{ctx.t('版の履歴', 'Versions')}</a>
                      </li>
                      {row.status === 'published' ? (
                        <li>
                          <a href={articlePath(row.slug)}>{ctx.t('公開ページ', 'Public page')}</a>
                        </li>
                      ) : (
                        ''
                      )}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={p.page} pages={pageCount(p.total, adminPageSize)} hrefFor={(page) => hrefFor(p.status, page)} />
    </NewsAdminLayout>
  );
}

export interface ArticleFormPageProps {
  ctx: PageContext;
  id?: string;
  input: ArticleFormInput;
  errors: FieldError[];
  wards: Array<{ code: string; name: string }>;
  /** The article has been public: its address can no longer change. */
  slugFixed: boolean;
  status?: ArticleStatus;
  preview?: ResolvedArticle;
  conflict?: string;
}

function FileSlots({ ctx, kind, slots, errors }: { ctx: PageContext; kind: 'attachment' | 'photo'; slots: FileSlot[]; errors: FieldError[] }): JSX.Element {
  const rows = [...slots, ...Array.from({ length: newFileSlots }, (): FileSlot => ({ fileId: '', fileName: '', label: '', caption: '', remove: false }))];
  const isPhoto = kind === 'photo';
  return (
    <>
      {rows.map((slot, i) => {
        const name = (field: string) => `${kind}.${i}.${field}`;
        const fileError = errors.find((e) => e.field === fieldId(name('file')))?.message;
        const legend = isPhoto ? ctx.tFormat(`写真${i + 1}`, `Photo ${i + 1}`) : ctx.tFormat(`資料${i + 1}`, `Document ${i + 1}`);
        return (
          <fieldset class="rk-fieldset rk-file-slot">
            <legend class="rk-label" safe>
              {legend}
            </legend>
            {slot.fileId ? (
              <>
                <input type="hidden" name={name('fileId')} value={slot.fileId} />
                <input type="hidden" name={name('fileName')} value={slot.fileName} />
                <p safe>{ctx.tFormat(`保存済みのファイル：${slot.fileName}`, `Stored file: ${slot.fileName}`)}</p>
              </>
            ) : (
              <div class="rk-field">
                <label class="rk-label" for={fieldId(name('file'))}>
                  {ctx.t('ファイル', 'File')}
                </label>
                <p id={`${fieldId(name('file'))}-hint`} class="rk-hint" safe>
                  {ctx.tFormat(`${acceptedKinds(ctx, isPhoto ? ['image'] : ['pdf', 'office', 'image'])}、10MBまで`, `${acceptedKinds(ctx, isPhoto ? ['image'] : ['pdf', 'office', 'image'])}, up to 10 MB`)}
                </p>
                {fileError ? (
                  <p id={`${fieldId(name('file'))}-error`} class="rk-field-error" safe>
                    {ctx.tFormat(`エラー：${fileError}`, `Error: ${fileError}`)}
                  </p>
                ) : (
                  ''
                )}
                <input
                  id={fieldId(name('file'))}
                  class="rk-input"
                  type="file"
                  name={name('file')}
                  accept={isPhoto ? 'image/jpeg,image/png,image/gif,image/webp' : '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,image/*'}
                  aria-describedby={`${fieldId(name('file'))}-hint${fileError ? ` ${fieldId(name('file'))}-error` : ''}`}
                  aria-invalid={fileError ? 'true' : undefined}
                />
              </div>
            )}
            <Text
              ctx={ctx}
              errors={errors}
              name={name('label')}
              label={isPhoto ? ctx.t('代替テキスト（写っている内容）', 'Alternative text (what the photo shows)') : ctx.t('リンクの文字（例：開催案内チラシ）', 'Link text (e.g. event flyer)')}
              value={slot.label}
              maxlength={limits.label}
              required={isPhoto && Boolean(slot.fileId)}
              hint={isPhoto ? ctx.t('写真を掲載するときは必須です。', 'Required for every photo.') : undefined}
            />
            {isPhoto ? <Text ctx={ctx} errors={errors} name={name('caption')} label={ctx.t('キャプション', 'Caption')} value={slot.caption} maxlength={limits.caption} /> : ''}
            {slot.fileId ? (
              <div class="rk-choice">
                <input class="rk-choice__input" type="checkbox" id={fieldId(name('remove'))} name={name('remove')} value="1" checked={slot.remove} />
                <label class="rk-choice__label" for={fieldId(name('remove'))}>
                  {ctx.t('この記事から外す', 'Remove from this article')}
                </label>
              </div>
            ) : (
              ''
            )}
          </fieldset>
        );
      })}
    </>
  );
}

export function ArticleFormPage(p: ArticleFormPageProps): JSX.Element {
  const { ctx, input, errors } = p;
  const title = p.id ? ctx.t('記事を編集する', 'Edit the article') : ctx.t('記事を書く', 'Write an article');
  const action = p.id ? `/admin/news/${p.id}/edit` : '/admin/news/new';
  const base = { ctx, errors };
  return (
    <NewsAdminLayout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <ConflictNotice ctx={ctx} message={p.conflict} href={p.id ? `/admin/news/${p.id}/edit` : '/admin/news'} />
      {p.status ? <p safe>{ctx.tFormat(`状態：${statusText(ctx, p.status)}（第${input.version}版）`, `Status: ${statusText(ctx, p.status)} (version ${input.version})`)}</p> : ''}
      {p.preview ? (
        <section class="rk-preview" aria-labelledby="preview-title">
          <h2 id="preview-title" class="rk-heading-2">
            {ctx.t('プレビュー（まだ保存されていません）', 'Preview (not saved yet)')}
          </h2>
          <div class="rk-preview__frame">
            <ArticleBody ctx={ctx} article={p.preview} headingId="preview-article-title" />
          </div>
        </section>
      ) : (
        ''
      )}
      <form class="rk-form" method="post" action={action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={input.version} />
        <Text {...base} name="title" label={ctx.t('タイトル', 'Title')} required value={input.title} maxlength={limits.title} />
        {p.slugFixed ? (
          <>
            <input type="hidden" name="slug" value={input.slug} />
            <p safe>{ctx.tFormat(`URL：/news/${input.slug}（公開済みのため変更できません）`, `Address: /news/${input.slug} (fixed once published)`)}</p>
          </>
        ) : (
          <Text
            {...base}
            name="slug"
            label={ctx.t('URL名', 'Address name')}
            value={input.slug}
            maxlength={limits.slug}
            hint={ctx.t('/news/ の後に続く名前です。半角英小文字・数字・ハイフン（例：miryoku-2024）。空欄なら日付から作ります。公開後は変わりません。', 'What follows /news/: lower-case letters, digits, hyphens (e.g. miryoku-2024). Left empty, one is made from the date. It never changes after publication.')}
          />
        )}
        <Select {...base} name="category" label={ctx.t('分類', 'Category')} required value={input.category} options={articleCategories.map((c) => ({ value: c.id, label: categoryLabel(ctx, c.id) }))} />
        <TextArea {...base} name="summary" label={ctx.t('概要（一覧とフィードに表示）', 'Summary (shown in lists and feeds)')} value={input.summary} rows={2} />
        <TextArea
          {...base}
          name="body"
          label={ctx.t('本文', 'Text')}
          value={input.body}
          rows={14}
          hint={ctx.t('Markdown で書けます：見出しは「## 見出し」、箇条書きは「- 項目」、リンクは「[文字](https://…)」。HTMLのタグは文字としてそのまま表示されます。', 'Markdown: “## Heading”, “- item”, “[text](https://…)”. HTML tags are shown as text.')}
        />
        <fieldset class="rk-fieldset">
          <legend class="rk-label">{ctx.t('掲載日時（日本時間）', 'Publication date and time (Japan)')}</legend>
          <p class="rk-hint" id="publish-hint">
            {ctx.t('「公開する」で、この日時が未来なら予約公開、過去または空欄なら直ちに公開します。掲載日として表示されます。', '“Publish” schedules the article when this is in the future and publishes it now otherwise; it is shown as the posting date.')}
          </p>
          <div class="rk-inline-fields">
            <Text {...base} name="publishDate" type="date" label={ctx.t('日付', 'Date')} value={input.publishDate} short />
            <Text {...base} name="publishTime" type="time" label={ctx.t('時刻', 'Time')} value={input.publishTime} short />
          </div>
        </fieldset>
        <h2 class="rk-heading-2">{ctx.t('資料（PDFなど）', 'Documents (PDF etc.)')}</h2>
        <FileSlots ctx={ctx} kind="attachment" slots={input.attachments} errors={errors} />
        <h2 class="rk-heading-2">{ctx.t('写真', 'Photos')}</h2>
        <FileSlots ctx={ctx} kind="photo" slots={input.photos} errors={errors} />
        <h2 class="rk-heading-2">{ctx.t('関連情報', 'Related')}</h2>
        <Choices {...base} name="wards" type="checkbox" legend={ctx.t('関連する特別区', 'Related special wards')} options={p.wards.map((w) => ({ value: w.code, label: w.name }))} selected={input.wards} />
        <TextArea
          {...base}
          name="municipalities"
          label={ctx.t('関連する自治体（団体コード）', 'Related local governments (codes)')}
          value={input.municipalities}
          rows={2}
          hint={ctx.t('6桁の団体コードを空白・改行・読点で区切って入力します（例：012211 132233）。', '6-digit codes separated by spaces or new lines (e.g. 012211 132233).')}
        />
        <TextArea
          {...base}
          name="projects"
          label={ctx.t('関連する連携事業', 'Related collaboration projects')}
          value={input.projects}
          rows={2}
          hint={ctx.t('連携事業のページのURL（/projects/…）を1行に1件貼り付けます。', 'Paste the address of each project page (/projects/…), one per line.')}
        />
        <TextArea
          {...base}
          name="events"
          label={ctx.t('関連するイベント', 'Related events')}
          value={input.events}
          rows={2}
          hint={ctx.t('公開中のイベントのページのURL（/events/…）を1行に1件貼り付けます。', 'Paste the address of each published event page (/events/…), one per line.')}
        />
        <Text {...base} name="sourceUrl" type="url" label={ctx.t('出典URL（他のサイトの記事を転載するとき）', 'Source address (when the article comes from another site)')} value={input.sourceUrl} maxlength={limits.sourceUrl} />
        <div class="rk-actions">
          <button class="rk-button rk-button--secondary" type="submit" name="intent" value="preview">
            {ctx.t('プレビュー', 'Preview')}
          </button>
          <button class="rk-button rk-button--secondary" type="submit" name="intent" value="draft">
            {ctx.t('下書き保存', 'Save as draft')}
          </button>
          <button class="rk-button" type="submit" name="intent" value="publish">
            {ctx.t('公開する（日時が未来なら予約）', 'Publish (scheduled if the time is in the future)')}
          </button>
        </div>
      </form>
      {p.id && (p.status === 'published' || p.status === 'scheduled') ? (
        <form class="rk-form" method="post" action={`/admin/news/${p.id}/withdraw`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={input.version} />
          <h2 class="rk-heading-2">{ctx.t('公開の取り下げ', 'Take down')}</h2>
          <p>{ctx.t('記事はサイトから見えなくなります（削除はされず、あとで再び公開できます）。', 'The article disappears from the site; it is kept and can be published again.')}</p>
          <button class="rk-button rk-button--danger" type="submit">
            {ctx.t('公開を取り下げる', 'Take the article down')}
          </button>
        </form>
      ) : (
        ''
      )}
      {p.id ? (
        <p>
          <a href={`/admin/news/${p.id}/versions`}>{ctx.t('版の履歴と比較・復元', 'Versions, comparison and restore')}</a>
        </p>
      ) : (
        ''
      )}
    </NewsAdminLayout>
  );
}

export function VersionsPage({ ctx, id, title, versions, current }: { ctx: PageContext; id: string; title: string; versions: VersionRow[]; current: number }): JSX.Element {
  const pageTitle = ctx.tFormat(`版の履歴：${title}`, `Versions: ${title}`);
  return (
    <NewsAdminLayout ctx={ctx} title={pageTitle}>
      <p>
        <a href={`/admin/news/${id}/edit`}>{ctx.t('記事の編集に戻る', 'Back to the article')}</a>
      </p>
      <VersionsTable ctx={ctx} label={pageTitle} versions={versions} current={current} unknownAuthor={ctx.t('自動（予約公開）', 'Automatic (scheduled)')} compareHref={(v) => `/admin/news/${id}/versions/${v}`} />
    </NewsAdminLayout>
  );
}

function snapshotFields(ctx: PageContext, s: ArticleSnapshot): Array<[string, string]> {
  return [
    [ctx.t('タイトル', 'Title'), s.title],
    [ctx.t('分類', 'Category'), categoryLabel(ctx, s.category)],
    [ctx.t('概要', 'Summary'), s.summary],
    [ctx.t('本文', 'Text'), s.body],
    [ctx.t('資料', 'Documents'), s.attachments.map((a) => a.label).join('\n')],
    [ctx.t('写真', 'Photos'), s.photos.map((p) => `${p.label}${p.caption ? ` — ${p.caption}` : ''}`).join('\n')],
    [ctx.t('関連', 'Related'), s.links.map((l) => `${l.kind}:${l.target}`).join('\n')],
    [ctx.t('出典URL', 'Source'), s.sourceUrl ?? ''],
  ];
}

export function ComparePage(p: { ctx: PageContext; id: string; version: number; currentVersion: number; old: ArticleSnapshot; current: ArticleSnapshot }): JSX.Element {
  const { ctx } = p;
  const title = compareTitle(ctx, p.version, p.currentVersion);
  return (
    <NewsAdminLayout ctx={ctx} title={title} parents={[{ href: `/admin/news/${p.id}/versions`, label: ctx.t('版の履歴', 'Versions') }]}>
      <VersionComparison
        ctx={ctx}
        version={p.version}
        currentVersion={p.currentVersion}
        fields={pairFields(snapshotFields(ctx, p.old), snapshotFields(ctx, p.current))}
        restoreAction={`/admin/news/${p.id}/versions/${p.version}/restore`}
        restoreNote={ctx.t('この版の内容（タイトル・本文・資料・写真・関連）を新しい版として復元します。公開の状態とURLは変わりません。', 'Restores this version’s content (title, text, files, links) as a new version. The publication state and address stay as they are.')}
      />
    </NewsAdminLayout>
  );
}
