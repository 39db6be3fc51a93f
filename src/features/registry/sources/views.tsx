// The back office's 出典の一覧 (/registry/sources): every source with the agreements that cite it;
// and 要確認 (/registry/review): the agreements with an open question, with the question and
// their sources side by side so that the checker sees what each source says.
import { pageCount, Pagination, resultRangeText } from '../../../views/components/pagination.tsx';
import type { PageContext } from '../../../views/context.ts';
import type { Agreement } from '../agreements/record.ts';
import type { WardOption } from '../shared/back-office-queries.ts';
import { listHref, RegistryLayout, scopeText, WardFilter } from '../shared/back-office.tsx';
import { joinNames, Paragraphs } from '../shared/labels.tsx';
import type { ListFilter } from '../shared/record-form.ts';
import type { CitedSource } from './queries.ts';
import { SourceCitations, sourceByline, SourceTitle } from './view.tsx';

export const sourcesPageSize = 50;

interface ScopedListProps {
  ctx: PageContext;
  wardName: string | null;
  wards: WardOption[];
  filter: ListFilter;
  total: number;
}

/** An agreement as a link to its edit page, with its wards: 「姉妹都市提携（台東区）」. */
function AgreementLink({ ctx, agreement }: { ctx: PageContext; agreement: Agreement }): JSX.Element {
  return (
    <>
      <a href={`/registry/agreements/${encodeURIComponent(agreement.id)}/edit`} safe>
        {agreement.title}
      </a>
      <span safe>{ctx.tFormat(`（${joinNames(ctx, agreement.wards.map((w) => w.name))}・${joinNames(ctx, agreement.partners.map((p) => p.name))}）`, ` (${joinNames(ctx, agreement.wards.map((w) => w.name))}; ${joinNames(ctx, agreement.partners.map((p) => p.name))})`)}</span>
    </>
  );
}

export function SourcesPage({ ctx, wardName, wards, filter, total, items }: ScopedListProps & { items: readonly CitedSource[] }): JSX.Element {
  return (
    <RegistryLayout ctx={ctx} title={ctx.t('出典の一覧', 'Sources')} current="sources">
      <p safe>{scopeText(ctx, wardName)}</p>
      <p>
        {ctx.t(
          '協定の記録が拠っている出典（区や相手自治体のページ、報道発表、新聞記事など）と、それぞれを出典とする協定です。出典の日付は、出典自身が示す「…現在」や更新日です。',
          'The sources the agreements rest on (ward and partner pages, press releases, newspapers), each with the agreements citing it. A source’s date is the one it states for itself.',
        )}
      </p>
      {wardName === null ? <WardFilter ctx={ctx} action="/registry/sources" wards={wards} filter={filter} /> : ''}
      <p class="rk-result-count" role="status" safe>
        {resultRangeText(ctx, total, filter.page, sourcesPageSize, ctx.t('該当する出典はありません。', 'No sources.'))}
      </p>
      {items.length > 0 ? (
        <ol class="rk-record-list">
          {items.map(({ source, citedBy }) => (
            <li class="rk-record-list__item">
              <h2 class="rk-heading-3">
                <SourceTitle source={source} />
              </h2>
              <p class="rk-muted" safe>
                {sourceByline(ctx, source)}
              </p>
              {citedBy.length > 0 ? (
                <>
                  <p safe>{ctx.tFormat(`この出典による協定（${citedBy.length}件）`, `Agreements citing it (${citedBy.length})`)}</p>
                  <ul>
                    {citedBy.map((a) => (
                      <li>
                        <AgreementLink ctx={ctx} agreement={a} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{ctx.t('この出典による協定の記録はありません（読んだが記録にならなかった出典です）。', 'No agreement cites it (read, but it gave no record).')}</p>
              )}
            </li>
          ))}
        </ol>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={filter.page} pages={pageCount(total, sourcesPageSize)} hrefFor={(p) => listHref('/registry/sources', filter, p)} />
    </RegistryLayout>
  );
}

export function ReviewPage({ ctx, wardName, wards, filter, total, items }: ScopedListProps & { items: readonly Agreement[] }): JSX.Element {
  return (
    <RegistryLayout ctx={ctx} title={ctx.t('要確認の協定', 'Agreements to check')} current="review">
      <p safe>{scopeText(ctx, wardName)}</p>
      <p>
        {ctx.t(
          '出典どうしが食い違う、日付がはっきりしないなど、確認が必要な点が書かれた協定です。確認が済んだら、協定の編集画面で「要確認」を空にしてください。',
          'Agreements with an open question (sources disagree, a date is unclear). Once checked, empty “To check” on the agreement’s edit page.',
        )}
      </p>
      {wardName === null ? <WardFilter ctx={ctx} action="/registry/review" wards={wards} filter={filter} /> : ''}
      <p class="rk-result-count" role="status" safe>
        {resultRangeText(ctx, total, filter.page, sourcesPageSize, ctx.t('確認が必要な協定はありません。', 'Nothing to check.'))}
      </p>
      {items.length > 0 ? (
        <ol class="rk-record-list">
          {items.map((a) => (
            <li class="rk-record-list__item">
              <h2 class="rk-heading-3">
                <AgreementLink ctx={ctx} agreement={a} />
              </h2>
              <div class="rk-notice rk-notice--warning">
                <Paragraphs text={a.reviewNote} />
              </div>
              {a.sources.length > 0 ? <SourceCitations ctx={ctx} sources={a.sources} /> : ''}
            </li>
          ))}
        </ol>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={filter.page} pages={pageCount(total, sourcesPageSize)} hrefFor={(p) => listHref('/registry/review', filter, p)} />
    </RegistryLayout>
  );
}
