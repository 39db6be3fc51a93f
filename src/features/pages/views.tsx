// The public site pages (/about, /contact, /site-policy, /privacy, /accessibility): the title and
// the Markdown text the secretariat wrote (made safe by src/views/markdown.ts), in English when a
// translation exists and otherwise in Japanese with a note; the accessibility page adds its test
// results. SitePageBody is also the back office's preview.
import type { PageContext } from '../../views/context.ts';
import { formatDate, formatDateTime } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { renderMarkdown } from '../../views/markdown.ts';
import type { SitePageContent, TestResult } from './record.ts';

/** The title and text in the visitor's language; `translated` false when English falls back to Japanese. */
export function localised(ctx: PageContext, page: SitePageContent): { title: string; titleLang: 'ja' | 'en'; body: string; translated: boolean } {
  if (ctx.lang === 'ja') return { title: page.titleJa, titleLang: 'ja', body: page.bodyJa, translated: true };
  return {
    title: page.titleEn || page.titleJa,
    titleLang: page.titleEn ? 'en' : 'ja',
    body: page.bodyEn || page.bodyJa,
    translated: page.bodyEn !== '',
  };
}

/** One test result as a two-column table (field, value): it reflows at 320 px without scrolling. */
function TestResultTable({ ctx, result, index }: { ctx: PageContext; result: TestResult; index: number }): JSX.Element {
  const rows: Array<[string, string]> = [
    [ctx.t('規格', 'Standard'), result.standard],
    [ctx.t('目標とする適合レベル', 'Target level'), result.targetLevel],
    [ctx.t('対象範囲', 'Scope (pages tested)'), result.scope],
    [ctx.t('試験方法・ツール', 'Method and tools'), result.method],
    [ctx.t('結果', 'Result'), result.result],
    [ctx.t('備考', 'Notes'), result.notes],
  ];
  return (
    <table class="rk-table rk-test-result" aria-describedby={ctx.lang === 'en' ? 'test-results-language' : undefined}>
      <caption safe>{ctx.tFormat(`試験結果${index + 1}：${formatDate(ctx, result.testedOn)}実施`, `Test ${index + 1}: ${formatDate(ctx, result.testedOn)}`)}</caption>
      <tbody>
        <tr>
          <th scope="row">{ctx.t('試験日', 'Date')}</th>
          <td>
            <time datetime={result.testedOn} safe>
              {formatDate(ctx, result.testedOn)}
            </time>
          </td>
        </tr>
        {rows
          .filter(([, value]) => value !== '')
          .map(([label, value]) => (
            <tr>
              <th scope="row" safe>
                {label}
              </th>
              <td lang="ja">
                {value.split('\n').map((line, i) => (
                  <>
                    {i > 0 ? <br /> : ''}
                    <span safe>{line}</span>
                  </>
                ))}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

export function TestResultsSection({ ctx, results }: { ctx: PageContext; results: TestResult[] }): JSX.Element {
  return (
    <section class="rk-section" aria-labelledby="test-results-title">
      <h2 id="test-results-title" class="rk-heading-2">
        {ctx.t('試験結果', 'Test results')}
      </h2>
      {ctx.lang === 'en' ? (
        <p id="test-results-language" class="rk-note">
          {ctx.t('試験結果は日本語で記録しています。', 'Test results are recorded in Japanese.')}
        </p>
      ) : (
        ''
      )}
      {results.length === 0 ? <p>{ctx.t('公開している試験結果はまだありません。', 'No test results have been published yet.')}</p> : results.map((result, index) => <TestResultTable ctx={ctx} result={result} index={index} />)}
    </section>
  );
}

/** The page's text in the visitor's language (Japanese, with a note, while no translation exists). */
export function SitePageBody({ ctx, page }: { ctx: PageContext; page: SitePageContent }): JSX.Element {
  const { body, translated } = localised(ctx, page);
  const safeBodyHtml = renderMarkdown(body);
  return (
    <>
      {translated ? (
        <div class="rk-prose">{safeBodyHtml}</div>
      ) : (
        <>
          <p class="rk-note">{ctx.t('このページはまだ英語に翻訳されていません。日本語の本文を表示します。', 'This page has not been translated into English yet; the Japanese text follows.')}</p>
          <div class="rk-prose" lang="ja">
            {safeBodyHtml}
          </div>
        </>
      )}
    </>
  );
}

export function SitePageView({ ctx, page, updatedAt, results }: { ctx: PageContext; page: SitePageContent & { slug: string }; updatedAt: string; results?: TestResult[] }): JSX.Element {
  const { title, titleLang } = localised(ctx, page);
  return (
    <Layout ctx={ctx} title={title} section={page.slug === 'about' ? 'about' : 'none'} breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { label: title }]}>
      <h1 class="rk-heading-1" lang={titleLang === ctx.lang ? undefined : titleLang} safe>
        {title}
      </h1>
      <SitePageBody ctx={ctx} page={page} />
      {results ? <TestResultsSection ctx={ctx} results={results} /> : ''}
      <p class="rk-muted" safe>
        {ctx.tFormat(`最終更新：${formatDateTime(ctx, updatedAt)}`, `Last updated: ${formatDateTime(ctx, updatedAt)}`)}
      </p>
    </Layout>
  );
}
