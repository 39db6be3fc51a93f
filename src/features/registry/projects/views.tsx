// 連携事業一覧 (/projects) with its GET filter form, and one page per project (/projects/:id).
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
import {
  fieldLabel,
  fiscalYearLabel,
  formatLabel,
  isInterrupted,
  joinNames,
  organiserKindLabel,
  Paragraphs,
  partyLabel,
  periodLabel,
  ProvenanceBadge,
  statusLabel,
  WebLink,
} from '../shared/labels.tsx';
import { projectFields } from './fields.ts';
import { projectFilterQuery, type ProjectFilter, type ProjectFilterKey } from './filter.ts';
import { organiserKinds, projectStatuses, type Project } from './record.ts';

export interface ProjectChoices {
  wards: FilterOption[];
  prefectures: FilterOptionGroup[];
  fiscalYears: number[];
  /** Prefecture names by 2-digit code, for 「名寄市（北海道）」. */
  prefectureNames: ReadonlyMap<string, string>;
}

export interface ProjectListPageProps {
  ctx: PageContext;
  choices: ProjectChoices;
  /** The form's values: canonical when the filter was valid, as typed otherwise. */
  input: Record<ProjectFilterKey, string>;
  errors: FieldError[];
  result?: { filter: ProjectFilter; page: number; pageSize: number; total: number; rows: readonly Project[] };
}

export function ProjectListPage({ ctx, choices, input, errors, result }: ProjectListPageProps): JSX.Element {
  const title = ctx.t('連携事業一覧', 'Collaboration projects');
  const errorOf = (param: string) => errors.find((e) => e.field === `filter-${param}`)?.message;
  const years = [...choices.fiscalYears];
  if (result?.filter.fy && !years.includes(result.filter.fy)) years.push(result.filter.fy);
  years.sort((a, b) => b - a);
  return (
    <Layout
      ctx={ctx}
      title={errors.length > 0 ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title}
      section="projects"
      breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { label: title }]}
    >
      <h1 class="rk-heading-1">{title}</h1>
      <p class="rk-lead">
        {ctx.t(
          '特別区と全国の自治体が連携して行った事業・行う予定の事業です。年度・特別区・連携先の都道府県・分野などで絞り込み、CSVやExcelでダウンロードできます。',
          'Projects the special wards run with municipalities all over Japan. Filter them by fiscal year, ward, partner prefecture or field, and download them as CSV or Excel.',
        )}
      </p>
      <p>
        <a class="rk-link-arrow" href="/agreements">
          {ctx.t('協定一覧（特別区と全国の自治体との協定）', 'Agreements between the wards and municipalities')}
        </a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form class="rk-filter" action="/projects" method="get" role="search" aria-label={ctx.t('連携事業の絞り込み', 'Filter projects')}>
        <FilterKeyword
          ctx={ctx}
          value={input.q}
          error={errorOf('q')}
          hint={ctx.t('事業名・概要から探します。複数の語はスペースで区切ります。', 'Searches titles and summaries. Separate several words with spaces.')}
        />
        <div class="rk-filter__row">
          <FilterSelect
            ctx={ctx}
            name="fy"
            label={ctx.t('年度', 'Fiscal year')}
            value={input.fy}
            error={errorOf('fy')}
            options={years.map((fy) => ({ value: String(fy), label: fiscalYearLabel(ctx, fy) }))}
          />
          <FilterSelect ctx={ctx} name="ward" label={ctx.t('特別区', 'Special ward')} value={input.ward} error={errorOf('ward')} options={choices.wards} />
          <FilterSelect ctx={ctx} name="pref" label={ctx.t('連携先の都道府県', 'Partner prefecture')} value={input.pref} error={errorOf('pref')} options={choices.prefectures} />
        </div>
        <div class="rk-filter__row">
          <FilterSelect
            ctx={ctx}
            name="field"
            label={ctx.t('分野', 'Field')}
            value={input.field}
            error={errorOf('field')}
            options={projectFields.map((f) => ({ value: String(f.number), label: fieldLabel(ctx, f.number) }))}
          />
          <FilterSelect
            ctx={ctx}
            name="status"
            label={ctx.t('状況', 'Status')}
            value={input.status}
            error={errorOf('status')}
            options={projectStatuses.map((s) => ({ value: s, label: statusLabel(ctx, s) }))}
          />
          <FilterSelect
            ctx={ctx}
            name="organiser"
            label={ctx.t('主催区分', 'Organiser')}
            value={input.organiser}
            error={errorOf('organiser')}
            options={organiserKinds.map((k) => ({ value: k, label: organiserKindLabel(ctx, k) }))}
          />
        </div>
        <FilterPageError ctx={ctx} message={errorOf('page')} />
        <FilterActions ctx={ctx} clearHref="/projects" />
      </form>
      {result ? <ProjectResults ctx={ctx} result={result} prefectureNames={choices.prefectureNames} /> : ''}
    </Layout>
  );
}

function ProjectResults({
  ctx,
  result,
  prefectureNames,
}: {
  ctx: PageContext;
  result: NonNullable<ProjectListPageProps['result']>;
  prefectureNames: ReadonlyMap<string, string>;
}): JSX.Element {
  const { filter, page, pageSize, total, rows } = result;
  const status = resultRangeText(ctx, total, page, pageSize, ctx.t('条件に合う連携事業はありません。', 'No project matches.'));
  const query = projectFilterQuery(filter);
  return (
    <section class="rk-section" aria-labelledby="results-title">
      <h2 id="results-title" class="rk-heading-2">
        {ctx.t('検索結果', 'Results')}
      </h2>
      <p class="rk-result-count" role="status" safe>
        {status}
      </p>
      {total > 0 ? <ExportLinks ctx={ctx} base="/projects" query={query} total={total} /> : ''}
      {rows.length > 0 ? (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('連携事業の一覧', 'List of projects')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('年度', 'Fiscal year')}</th>
                <th scope="col">{ctx.t('事業名', 'Project')}</th>
                <th scope="col">{ctx.t('主催', 'Organiser')}</th>
                <th scope="col">{ctx.t('連携先', 'Partners')}</th>
                <th scope="col">{ctx.t('分野', 'Field')}</th>
                <th scope="col">{ctx.t('期間', 'Dates')}</th>
                <th scope="col">{ctx.t('形式', 'Format')}</th>
                <th scope="col">{ctx.t('状況', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr>
                  <td safe>{fiscalYearLabel(ctx, p.fiscalYear)}</td>
                  <td>
                    <a href={`/projects/${encodeURIComponent(p.id)}`} safe>
                      {p.title}
                    </a>
                    <ProvenanceBadge ctx={ctx} provenance={p.provenance} />
                  </td>
                  <td safe>{organiserText(ctx, p)}</td>
                  <td safe>{joinNames(ctx, p.partners.map((x) => partyLabel(ctx, x, prefectureNames)))}</td>
                  <td safe>{fieldLabel(ctx, p.field)}</td>
                  <td safe>{periodLabel(ctx, p.startsOn, p.endsOn) || ctx.t('未定', 'To be decided')}</td>
                  <td safe>{formatLabel(ctx, p.format)}</td>
                  <td>
                    <StatusText ctx={ctx} status={p.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={page} pages={pageCount(total, pageSize)} hrefFor={(n) => withQuery('/projects', projectFilterQuery(filter, n))} />
    </section>
  );
}

/** 「千代田区、中央区」, or 「23区共同」. */
export function organiserText(ctx: PageContext, p: Pick<Project, 'organiserKind' | 'wards'>): string {
  if (p.organiserKind === 'joint') return organiserKindLabel(ctx, 'joint');
  return joinNames(
    ctx,
    p.wards.map((w) => w.name),
  );
}

export function StatusText({ ctx, status }: { ctx: PageContext; status: Project['status'] }): JSX.Element {
  // 中止 and 延期 stand out as a badge; the word itself carries the meaning, not the colour.
  return isInterrupted(status) ? (
    <strong class="rk-badge" safe>
      {statusLabel(ctx, status)}
    </strong>
  ) : (
    <span safe>{statusLabel(ctx, status)}</span>
  );
}

export function ProjectPage({ ctx, project: p, prefectureNames }: { ctx: PageContext; project: Project; prefectureNames: ReadonlyMap<string, string> }): JSX.Element {
  const listTitle = ctx.t('連携事業一覧', 'Collaboration projects');
  return (
    <Layout
      ctx={ctx}
      title={p.title}
      section="projects"
      breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { href: '/projects', label: listTitle }, { label: p.title }]}
    >
      <h1 class="rk-heading-1">
        <span safe>{p.title}</span>
        <ProvenanceBadge ctx={ctx} provenance={p.provenance} />
      </h1>
      {isInterrupted(p.status) ? (
        <p class="rk-note">
          <strong safe>{ctx.tFormat(`この事業は${p.status}になりました。`, `This project was ${statusLabel(ctx, p.status).toLowerCase()}.`)}</strong>
        </p>
      ) : (
        ''
      )}
      {p.summary ? <Paragraphs text={p.summary} /> : ''}
      <Facts
        rows={[
          [ctx.t('年度', 'Fiscal year'), <span safe>{fiscalYearLabel(ctx, p.fiscalYear)}</span>],
          [ctx.t('分野', 'Field'), <span safe>{fieldLabel(ctx, p.field)}</span>],
          [ctx.t('主催区分', 'Organiser'), <span safe>{organiserKindLabel(ctx, p.organiserKind)}</span>],
          [ctx.t('主催区', 'Organising wards'), p.wards.length > 0 && <span safe>{joinNames(ctx, p.wards.map((w) => w.name))}</span>],
          [
            ctx.t('連携先', 'Partners'),
            p.partners.length > 0 && (
              <ul>
                {p.partners.map((x) => (
                  <li>
                    <a href={`/municipalities/${x.key}`} safe>
                      {partyLabel(ctx, x, prefectureNames)}
                    </a>
                  </li>
                ))}
              </ul>
            ),
          ],
          [ctx.t('期間', 'Dates'), <span safe>{periodLabel(ctx, p.startsOn, p.endsOn) || ctx.t('未定', 'To be decided')}</span>],
          [ctx.t('実施形態', 'Format'), <span safe>{formatLabel(ctx, p.format)}</span>],
          [ctx.t('状況', 'Status'), <StatusText ctx={ctx} status={p.status} />],
          [ctx.t('記事', 'Article'), p.newsUrl !== null && p.newsUrl !== '' && <WebLink url={p.newsUrl} />],
          [ctx.t('出典', 'Source'), p.sourceUrl !== null && p.sourceUrl !== '' && <WebLink url={p.sourceUrl} />],
          [ctx.t('備考', 'Notes'), p.notes !== '' && <Paragraphs text={p.notes} />],
          [ctx.t('最終更新', 'Last updated'), <span safe>{formatDateTime(ctx, p.updatedAt)}</span>],
        ]}
      />
      <p>
        <a class="rk-link-arrow" href="/projects">
          {ctx.t('連携事業一覧へ戻る', 'Back to the list of projects')}
        </a>
      </p>
    </Layout>
  );
}
