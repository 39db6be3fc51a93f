// 協定一覧 (/agreements) with its GET filter form, and one page per agreement (/agreements/:id).
import type { PageContext } from '../../../views/context.ts';
import { ErrorSummary, type FieldError } from '../../../views/components/error-summary.tsx';
import { Facts } from '../../../views/components/facts.tsx';
import {
  ExportLinks,
  FilterActions,
  FilterKeyword,
  FilterPageError,
  FilterSelect,
  withQuery,
  type FilterOption,
  type FilterOptionGroup,
} from '../../../views/components/filter-form.tsx';
import { pageCount, Pagination, resultRangeText } from '../../../views/components/pagination.tsx';
import { formatDateTime } from '../../../views/format.ts';
import { Layout } from '../../../views/layout.tsx';
import { SourceCitations } from '../sources/view.tsx';
import {
  categoryLabel,
  formatDateOf,
  formatPartialDate,
  joinNames,
  Paragraphs,
  partyLabel,
  partyLabelWithFormerName,
  ProvenanceBadge,
  stateLabel,
  WebLink,
} from '../shared/labels.tsx';
import type { AgreementType } from '../vocabularies/record.ts';
import { agreementCategories, agreementFilterQuery, agreementStates, type AgreementFilter, type AgreementFilterKey } from './filter.ts';
import { isEndedOn, type Agreement } from './record.ts';

export interface AgreementChoices {
  wards: FilterOption[];
  prefectures: FilterOptionGroup[];
  /** The types on offer (not deleted). */
  types: readonly AgreementType[];
  prefectureNames: ReadonlyMap<string, string>;
}

export interface AgreementListPageProps {
  ctx: PageContext;
  choices: AgreementChoices;
  input: Record<AgreementFilterKey, string>;
  errors: FieldError[];
  /** `today` decides whether an agreement has ended. */
  result?: { filter: AgreementFilter; page: number; pageSize: number; total: number; rows: readonly Agreement[]; today: string };
}

export function typeName(ctx: PageContext, type: AgreementType): string {
  return ctx.tFormat(type.name, type.nameEn || type.name);
}

export function AgreementListPage({ ctx, choices, input, errors, result }: AgreementListPageProps): JSX.Element {
  const title = ctx.t('協定一覧', 'Agreements');
  const errorOf = (param: string) => errors.find((e) => e.field === `filter-${param}`)?.message;
  return (
    <Layout
      ctx={ctx}
      title={errors.length > 0 ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title}
      section="collaboration"
      breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { label: title }]}
    >
      <h1 class="rk-heading-1">{title}</h1>
      <p class="rk-lead">
        {ctx.t(
          '特別区と全国の自治体・団体との交流協定、災害時の相互応援協定などです。特別区・連携先の都道府県・種別・状態で絞り込み、CSVやExcelでダウンロードできます。',
          'Exchange, friendship and disaster-support agreements between the special wards and local governments all over Japan. Filter them and download them as CSV or Excel.',
        )}
      </p>
      <p>
        <a class="rk-link-arrow" href="/projects">
          {ctx.t('連携事業一覧', 'Collaboration projects')}
        </a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form class="rk-filter" action="/agreements" method="get" role="search" aria-label={ctx.t('協定の絞り込み', 'Filter agreements')}>
        <FilterKeyword
          ctx={ctx}
          value={input.q}
          error={errorOf('q')}
          hint={ctx.t('協定名・きっかけ・連携先の名称（締結時の名称を含む）から探します。', 'Searches titles, backgrounds and partner names (including former names).')}
        />
        <div class="rk-filter__row">
          <FilterSelect ctx={ctx} name="ward" label={ctx.t('特別区', 'Special ward')} value={input.ward} error={errorOf('ward')} options={choices.wards} />
          <FilterSelect ctx={ctx} name="pref" label={ctx.t('連携先の都道府県', 'Partner prefecture')} value={input.pref} error={errorOf('pref')} options={choices.prefectures} />
        </div>
        <div class="rk-filter__row">
          <FilterSelect
            ctx={ctx}
            name="type"
            label={ctx.t('種別', 'Type')}
            value={input.type}
            error={errorOf('type')}
            options={agreementCategories.map((c) => ({
              group: categoryLabel(ctx, c),
              options: choices.types.filter((t) => t.category === c).map((t) => ({ value: t.id, label: typeName(ctx, t) })),
            }))}
          />
          <FilterSelect
            ctx={ctx}
            name="category"
            label={ctx.t('分類', 'Category')}
            value={input.category}
            error={errorOf('category')}
            options={agreementCategories.map((c) => ({ value: c, label: categoryLabel(ctx, c) }))}
          />
          <FilterSelect
            ctx={ctx}
            name="state"
            label={ctx.t('状態', 'State')}
            value={input.state}
            error={errorOf('state')}
            options={agreementStates.map((s) => ({ value: s, label: stateLabel(ctx, s) }))}
          />
        </div>
        <FilterPageError ctx={ctx} message={errorOf('page')} />
        <FilterActions ctx={ctx} clearHref="/agreements" />
      </form>
      {result ? <AgreementResults ctx={ctx} result={result} prefectureNames={choices.prefectureNames} /> : ''}
    </Layout>
  );
}

function AgreementResults({
  ctx,
  result,
  prefectureNames,
}: {
  ctx: PageContext;
  result: NonNullable<AgreementListPageProps['result']>;
  prefectureNames: ReadonlyMap<string, string>;
}): JSX.Element {
  const { filter, page, pageSize, total, rows, today } = result;
  const status = resultRangeText(ctx, total, page, pageSize, ctx.t('条件に合う協定はありません。', 'No agreement matches.'));
  return (
    <section class="rk-section" aria-labelledby="results-title">
      <h2 id="results-title" class="rk-heading-2">
        {ctx.t('検索結果', 'Results')}
      </h2>
      <p class="rk-result-count" role="status" safe>
        {status}
      </p>
      {total > 0 ? <ExportLinks ctx={ctx} base="/agreements" query={agreementFilterQuery(filter)} total={total} /> : ''}
      {rows.length > 0 ? (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('協定の一覧', 'List of agreements')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('締結日', 'Signed')}</th>
                <th scope="col">{ctx.t('協定名', 'Agreement')}</th>
                <th scope="col">{ctx.t('種別', 'Type')}</th>
                <th scope="col">{ctx.t('特別区', 'Wards')}</th>
                <th scope="col">{ctx.t('連携先', 'Partners')}</th>
                <th scope="col">{ctx.t('状態', 'State')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr>
                  <td safe>{formatDateOf(ctx, a.signed)}</td>
                  <td>
                    <a href={`/agreements/${encodeURIComponent(a.id)}`} safe>
                      {a.title}
                    </a>
                    <ProvenanceBadge ctx={ctx} provenance={a.provenance} />
                  </td>
                  <td safe>{typeName(ctx, a.type)}</td>
                  <td safe>{joinNames(ctx, a.wards.map((w) => w.name))}</td>
                  <td safe>{joinNames(ctx, a.partners.map((x) => partyLabelWithFormerName(ctx, x, prefectureNames)))}</td>
                  <td>
                    <AgreementState ctx={ctx} agreement={a} today={today} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={page} pages={pageCount(total, pageSize)} hrefFor={(n) => withQuery('/agreements', agreementFilterQuery(filter, n))} />
    </section>
  );
}

function AgreementState({ ctx, agreement: a, today }: { ctx: PageContext; agreement: Agreement; today: string }): JSX.Element {
  if (!isEndedOn(a, today)) return <span safe>{stateLabel(ctx, 'live')}</span>;
  return (
    <>
      <strong class="rk-badge" safe>
        {stateLabel(ctx, 'ended')}
      </strong>
      {a.endedOn ? <span safe>{ctx.tFormat(`（${formatPartialDate(ctx, a.endedOn)}）`, ` (${formatPartialDate(ctx, a.endedOn)})`)}</span> : ''}
    </>
  );
}

export function AgreementPage({ ctx, agreement: a, prefectureNames, today }: { ctx: PageContext; agreement: Agreement; prefectureNames: ReadonlyMap<string, string>; today: string }): JSX.Element {
  const listTitle = ctx.t('協定一覧', 'Agreements');
  const ended = isEndedOn(a, today);
  return (
    <Layout
      ctx={ctx}
      title={a.title}
      section="collaboration"
      breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { href: '/agreements', label: listTitle }, { label: a.title }]}
    >
      <h1 class="rk-heading-1">
        <span safe>{a.title}</span>
        <ProvenanceBadge ctx={ctx} provenance={a.provenance} />
      </h1>
      <Facts
        rows={[
          [ctx.t('種別', 'Type'), <span safe>{ctx.tFormat(`${typeName(ctx, a.type)}（${categoryLabel(ctx, a.type.category)}）`, `${typeName(ctx, a.type)} (${categoryLabel(ctx, a.type.category)})`)}</span>],
          [ctx.t('特別区', 'Special wards'), <span safe>{joinNames(ctx, a.wards.map((w) => w.name))}</span>],
          [
            ctx.t('連携先', 'Partners'),
            a.partners.length > 0 && (
              <ul>
                {a.partners.map((x) => (
                  <li>
                    {x.kind !== 'group' ? (
                      <a href={`/municipalities/${x.key}`} safe>
                        {partyLabel(ctx, x, prefectureNames)}
                      </a>
                    ) : (
                      <span safe>{x.name}</span>
                    )}
                    {x.kind === 'group' ? <span class="rk-badge">{ctx.t('広域連携の団体', 'Wide-area group')}</span> : ''}
                    {x.formerName ? <span safe>{ctx.tFormat(`（締結時の名称：${x.formerName}）`, ` (name when signed: ${x.formerName})`)}</span> : ''}
                  </li>
                ))}
              </ul>
            ),
          ],
          [ctx.t('締結日', 'Signed'), <span safe>{formatDateOf(ctx, a.signed)}</span>],
          [ctx.t('再締結日', 'Re-signed'), a.resignedDates.length > 0 && <span safe>{joinNames(ctx, a.resignedDates.map((d) => formatPartialDate(ctx, d)))}</span>],
          [ctx.t('状態', 'State'), <AgreementState ctx={ctx} agreement={a} today={today} />],
          [ctx.t('終了予定日', 'Ends on'), !ended && a.endedOn !== null && <span safe>{formatPartialDate(ctx, a.endedOn)}</span>],
          [ctx.t('きっかけ', 'How it began'), a.background !== '' && <Paragraphs text={a.background} />],
          [
            ctx.t('出典', 'Sources'),
            a.sources.length > 0 ? <SourceCitations ctx={ctx} sources={a.sources} /> : a.sourceUrl !== null && a.sourceUrl !== '' && <WebLink url={a.sourceUrl} />,
          ],
          [ctx.t('備考', 'Notes'), a.notes !== '' && <Paragraphs text={a.notes} />],
          [ctx.t('最終更新', 'Last updated'), <span safe>{formatDateTime(ctx, a.updatedAt)}</span>],
        ]}
      />
      <p>
        <a class="rk-link-arrow" href="/agreements">
          {ctx.t('協定一覧へ戻る', 'Back to the list of agreements')}
        </a>
      </p>
    </Layout>
  );
}
