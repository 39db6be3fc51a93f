// The secretariat's site pages: the list, a page's form (with a preview in both languages), its
// versions and the comparison of a version with the current text; the accessibility test results
// and the form of one result.
import { placeholderMark, placeholderMarkEn } from '../../../db/seed/site-pages.ts';
import { ErrorSummary, type FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../../views/components/form-fields.tsx';
import { ConflictNotice, Select, Text, TextArea } from '../../../views/components/record-fields.tsx';
import { SecretariatSectionLayout, type SecretariatPageProps } from '../../../views/components/secretariat-layout.tsx';
import { VersionComparison, VersionsTable, pairFields } from '../../../views/components/version-history.tsx';
import { createPageContext, type PageContext } from '../../../views/context.ts';
import { formatDate, formatDateTime } from '../../../views/format.ts';
import { sitePagePath, type SitePageSlug } from '../catalogue.ts';
import { pageLimits, resultLimits, targetLevels, type PageFormInput, type TestResultFormInput } from '../form.ts';
import type { SitePage, SitePageContent, TestResult, VersionRow } from '../record.ts';
import { SitePageBody, TestResultsSection } from '../views.tsx';

const markdownHint = (ctx: PageContext) =>
  ctx.t(
    'Markdown で書けます：見出しは「## 見出し」、箇条書きは「- 項目」、リンクは「[文字](https://…)」、表は「| 列 | 列 |」。HTMLのタグは文字としてそのまま表示されます。',
    'Markdown: “## Heading”, “- item”, “[text](https://…)”, tables with “| a | b |”. HTML tags are shown as text.',
  );

function adminTitle(ctx: PageContext): string {
  return ctx.t('サイトのページの管理', 'Site pages');
}

export function testResultsTitle(ctx: PageContext): string {
  return ctx.t('アクセシビリティ試験結果の管理', 'Accessibility test results');
}

function PagesAdminLayout(props: SecretariatPageProps): JSX.Element {
  return <SecretariatSectionLayout {...props} section={{ href: '/admin/pages', title: adminTitle(props.ctx) }} />;
}

function pageName(ctx: PageContext, page: Pick<SitePageContent, 'titleJa' | 'titleEn'>): string {
  return ctx.lang === 'en' && page.titleEn ? page.titleEn : page.titleJa;
}

/** True when the page still holds a placeholder the secretariat is to fill in. */
function hasPlaceholder(page: SitePageContent): boolean {
  return [page.bodyJa, page.bodyEn].some((body) => body.includes(placeholderMark) || body.includes(placeholderMarkEn));
}

export function AdminPagesListPage({ ctx, pages, notice }: { ctx: PageContext; pages: SitePage[]; notice?: string }): JSX.Element {
  const title = adminTitle(ctx);
  return (
    <PagesAdminLayout ctx={ctx} title={title}>
      <SuccessNotice message={notice} />
      <p>{ctx.t('サイトの案内のページです。URLは変わりません。保存するとすぐに公開ページに反映されます。', 'The pages about the site. Their addresses never change; a saved page is public at once.')}</p>
      <div class="rk-table-wrap" role="region" aria-label={title} tabindex="0">
        <table class="rk-table rk-table--stack">
          <thead>
            <tr>
              <th scope="col">{ctx.t('ページ', 'Page')}</th>
              <th scope="col">{ctx.t('英語版', 'English')}</th>
              <th scope="col">{ctx.t('最終更新', 'Last saved')}</th>
              <th scope="col">{ctx.t('操作', 'Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((page) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/pages/${page.slug}/edit`} safe>
                    {pageName(ctx, page)}
                  </a>
                  <br />
                  <span class="rk-muted" safe>
                    {sitePagePath(page.slug)}
                  </span>
                  {hasPlaceholder(page) ? (
                    <>
                      <br />
                      <strong>{ctx.t('未記入の項目があります', 'Has blanks to fill in')}</strong>
                    </>
                  ) : (
                    ''
                  )}
                </th>
                <td>{page.bodyEn ? ctx.t('あり', 'Yes') : ctx.t('なし（日本語を表示）', 'None (Japanese shown)')}</td>
                <td safe>{`${formatDateTime(ctx, page.updatedAt)}${page.updatedBy ? `（${page.updatedBy}）` : ''}`}</td>
                <td>
                  <ul class="rk-inline-list">
                    <li>
                      <a href={`/admin/pages/${page.slug}/versions`}>{ctx.t('版の履歴', 'Versions')}</a>
                    </li>
                    <li>
                      <a href={sitePagePath(page.slug)}>{ctx.t('公開ページ', 'Public page')}</a>
                    </li>
                    {page.slug === 'accessibility' ? (
                      <li>
                        <a href="/admin/pages/test-results">{ctx.t('試験結果', 'Test results')}</a>
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
    </PagesAdminLayout>
  );
}

export interface PageFormProps {
  ctx: PageContext;
  slug: SitePageSlug;
  input: PageFormInput;
  errors: FieldError[];
  preview?: SitePageContent;
  conflict?: string;
}

/** The preview in one language, rendered as that language's visitor would see it. */
function PreviewIn({ ctx, lang, page }: { ctx: PageContext; lang: 'ja' | 'en'; page: SitePageContent }): JSX.Element {
  const shown = createPageContext(lang, ctx.currentUrl);
  const headingId = `preview-${lang}`;
  return (
    <section class="rk-preview" aria-labelledby={headingId} lang={lang === ctx.lang ? undefined : lang}>
      <h3 id={headingId} class="rk-heading-3">
        {lang === 'ja' ? ctx.t('日本語のページ', 'Japanese page') : ctx.t('英語のページ', 'English page')}
      </h3>
      <div class="rk-preview__frame">
        <p class="rk-heading-2" safe>
          {lang === 'en' ? page.titleEn || page.titleJa : page.titleJa}
        </p>
        <SitePageBody ctx={shown} page={page} />
      </div>
    </section>
  );
}

export function PageFormPage({ ctx, slug, input, errors, preview, conflict }: PageFormProps): JSX.Element {
  const title = ctx.tFormat(`ページを編集する：${input.titleJa || sitePagePath(slug)}`, `Edit the page: ${input.titleEn || input.titleJa || sitePagePath(slug)}`);
  const base = { ctx, errors };
  return (
    <PagesAdminLayout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <ConflictNotice ctx={ctx} message={conflict} href={`/admin/pages/${slug}/edit`} />
      <p safe>{ctx.tFormat(`URL：${sitePagePath(slug)}（変わりません）／第${input.version}版を編集中`, `Address: ${sitePagePath(slug)} (fixed) — editing version ${input.version}`)}</p>
      {preview ? (
        <section class="rk-section" aria-labelledby="preview-title">
          <h2 id="preview-title" class="rk-heading-2">
            {ctx.t('プレビュー（まだ保存されていません）', 'Preview (not saved yet)')}
          </h2>
          <PreviewIn ctx={ctx} lang="ja" page={preview} />
          <PreviewIn ctx={ctx} lang="en" page={preview} />
        </section>
      ) : (
        ''
      )}
      <form class="rk-form" method="post" action={`/admin/pages/${slug}/edit`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={input.version} />
        <Text {...base} name="titleJa" label={ctx.t('ページ名（日本語）', 'Title (Japanese)')} required value={input.titleJa} maxlength={pageLimits.title} />
        <TextArea {...base} name="bodyJa" label={ctx.t('本文（日本語）', 'Text (Japanese)')} required value={input.bodyJa} rows={18} hint={markdownHint(ctx)} />
        <Text
          {...base}
          name="titleEn"
          label={ctx.t('ページ名（英語）', 'Title (English)')}
          value={input.titleEn}
          maxlength={pageLimits.title}
          hint={ctx.t('空欄なら英語のページにも日本語のページ名を表示します。', 'Left empty, the English page shows the Japanese title.')}
        />
        <TextArea
          {...base}
          name="bodyEn"
          label={ctx.t('本文（英語）', 'Text (English)')}
          value={input.bodyEn}
          rows={12}
          hint={ctx.t('空欄なら英語のページには「まだ翻訳されていません」と添えて日本語の本文を表示します。', 'Left empty, the English page shows the Japanese text with a note that it is not translated yet.')}
        />
        <div class="rk-actions">
          <button class="rk-button rk-button--secondary" type="submit" name="intent" value="preview">
            {ctx.t('プレビュー', 'Preview')}
          </button>
          <button class="rk-button" type="submit" name="intent" value="save">
            {ctx.t('保存して公開する', 'Save and publish')}
          </button>
        </div>
      </form>
      <ul class="rk-inline-list">
        <li>
          <a href={`/admin/pages/${slug}/versions`}>{ctx.t('版の履歴と比較・復元', 'Versions, comparison and restore')}</a>
        </li>
        {slug === 'accessibility' ? (
          <li>
            <a href="/admin/pages/test-results" safe>
              {testResultsTitle(ctx)}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </PagesAdminLayout>
  );
}

export function PageVersionsPage({ ctx, page, versions }: { ctx: PageContext; page: SitePage; versions: VersionRow[] }): JSX.Element {
  const title = ctx.tFormat(`版の履歴：${pageName(ctx, page)}`, `Versions: ${pageName(ctx, page)}`);
  return (
    <PagesAdminLayout ctx={ctx} title={title}>
      <p>
        <a href={`/admin/pages/${page.slug}/edit`}>{ctx.t('ページの編集に戻る', 'Back to the page')}</a>
      </p>
      <VersionsTable ctx={ctx} label={title} versions={versions} current={page.version} unknownAuthor={ctx.t('初期内容', 'Initial content')} compareHref={(v) => `/admin/pages/${page.slug}/versions/${v}`} />
    </PagesAdminLayout>
  );
}

function contentFields(ctx: PageContext, c: SitePageContent): Array<[string, string]> {
  return [
    [ctx.t('ページ名（日本語）', 'Title (Japanese)'), c.titleJa],
    [ctx.t('本文（日本語）', 'Text (Japanese)'), c.bodyJa],
    [ctx.t('ページ名（英語）', 'Title (English)'), c.titleEn],
    [ctx.t('本文（英語）', 'Text (English)'), c.bodyEn],
  ];
}

export function PageComparePage({ ctx, page, version, old }: { ctx: PageContext; page: SitePage; version: number; old: SitePageContent }): JSX.Element {
  const title = ctx.tFormat(`第${version}版と現在（第${page.version}版）の比較：${pageName(ctx, page)}`, `Version ${version} compared with the current version ${page.version}: ${pageName(ctx, page)}`);
  return (
    <PagesAdminLayout ctx={ctx} title={title} parents={[{ href: `/admin/pages/${page.slug}/versions`, label: ctx.t('版の履歴', 'Versions') }]}>
      <VersionComparison
        ctx={ctx}
        version={version}
        currentVersion={page.version}
        fields={pairFields(contentFields(ctx, old), contentFields(ctx, page))}
        restoreAction={`/admin/pages/${page.slug}/versions/${version}/restore`}
        restoreNote={ctx.t('この版のページ名と本文を新しい版として復元し、すぐに公開します。', 'Restores this version’s titles and texts as a new version, public at once.')}
      />
    </PagesAdminLayout>
  );
}

export function TestResultsAdminPage({ ctx, results, notice }: { ctx: PageContext; results: TestResult[]; notice?: string }): JSX.Element {
  const title = testResultsTitle(ctx);
  return (
    <PagesAdminLayout ctx={ctx} title={title}>
      <SuccessNotice message={notice} />
      <p>{ctx.t('ウェブアクセシビリティ方針のページに、試験日の新しい順に表示します。', 'Shown on the accessibility policy page, newest test first.')}</p>
      <p>
        <a class="rk-button" href="/admin/pages/test-results/new">
          {ctx.t('試験結果を追加する', 'Add a test result')}
        </a>
      </p>
      {results.length > 0 ? (
        <ul>
          {results.map((r) => (
            <li>
              <a href={`/admin/pages/test-results/${r.id}/edit`} safe>
                {ctx.tFormat(`${formatDate(ctx, r.testedOn)}実施の試験結果を編集する`, `Edit the test of ${formatDate(ctx, r.testedOn)}`)}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <TestResultsSection ctx={ctx} results={results} />
      <p>
        <a href="/accessibility">{ctx.t('公開ページ（ウェブアクセシビリティ方針）', 'Public page (accessibility policy)')}</a>
      </p>
    </PagesAdminLayout>
  );
}

export function TestResultFormPage({ ctx, id, input, errors, conflict }: { ctx: PageContext; id?: string; input: TestResultFormInput; errors: FieldError[]; conflict?: string }): JSX.Element {
  const title = id ? ctx.t('試験結果を編集する', 'Edit the test result') : ctx.t('試験結果を追加する', 'Add a test result');
  const action = id ? `/admin/pages/test-results/${id}/edit` : '/admin/pages/test-results/new';
  const base = { ctx, errors };
  return (
    <PagesAdminLayout ctx={ctx} title={title} parents={[{ href: '/admin/pages/test-results', label: testResultsTitle(ctx) }]} hasErrors={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <ConflictNotice ctx={ctx} message={conflict} href={id ? `/admin/pages/test-results/${id}/edit` : '/admin/pages/test-results'} />
      <form class="rk-form" method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={input.version} />
        <Text {...base} name="testedOn" type="date" label={ctx.t('試験日', 'Date of the test')} required value={input.testedOn} short />
        <Text {...base} name="standard" label={ctx.t('規格', 'Standard')} required value={input.standard} maxlength={resultLimits.standard} hint={ctx.t('例：JIS X 8341-3:2016 ／ WCAG 2.2', 'e.g. JIS X 8341-3:2016 / WCAG 2.2')} />
        <Select {...base} name="targetLevel" label={ctx.t('目標とする適合レベル', 'Target level')} required value={input.targetLevel} options={targetLevels.map((l) => ({ value: l, label: l }))} />
        <TextArea {...base} name="scope" label={ctx.t('対象範囲（試験したページ）', 'Scope (pages tested)')} required value={input.scope} rows={3} />
        <TextArea {...base} name="method" label={ctx.t('試験方法・ツール', 'Method and tools')} required value={input.method} rows={4} hint={ctx.t('例：Chromium で axe-core による自動検査、人による確認（スクリーンリーダー○○）。改行はそのまま表示します。', 'e.g. axe-core in Chromium, manual checks with a screen reader. Line breaks are kept.')} />
        <TextArea {...base} name="result" label={ctx.t('結果', 'Result')} required value={input.result} rows={3} />
        <TextArea {...base} name="notes" label={ctx.t('備考', 'Notes')} value={input.notes} rows={3} />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('保存して公開する', 'Save and publish')}
          </button>
        </div>
      </form>
      {id ? (
        <form class="rk-form" method="post" action={`/admin/pages/test-results/${id}/delete`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={input.version} />
          <h2 class="rk-heading-2">{ctx.t('この試験結果の削除', 'Remove this test result')}</h2>
          <p>{ctx.t('公開ページから消えます。削除した内容は操作記録に残ります。', 'It disappears from the public page; its content is kept in the audit log.')}</p>
          <button class="rk-button rk-button--danger" type="submit">
            {ctx.t('削除する', 'Remove')}
          </button>
        </form>
      ) : (
        ''
      )}
    </PagesAdminLayout>
  );
}
