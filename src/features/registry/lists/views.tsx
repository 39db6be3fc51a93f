// 連携事業一覧 and 協定一覧: the lists with their GET filter forms, and one page per record.
import type { AgreementRecord, AgreementTypeChoice, PrefectureChoice, ProjectRecord, RegistryWard } from './listing.ts';
import type { Provenance } from '../../../db/schema.ts';
import { projectFields } from '../shared/project-fields.ts';
import {
  agreementCategories,
  agreementFilterQuery,
  agreementStates,
  organiserKinds,
  projectFilterQuery,
  type AgreementFilter,
  type AgreementFilterKey,
  type ProjectFilter,
  type ProjectFilterKey,
} from './filters.ts';
import { projectStatuses } from '../shared/records.ts';
import { regions } from '../../../domain/regions.ts';
import type { PageContext } from '../../../views/context.ts';
import { ErrorSummary, FieldErrorMessage, type FieldError } from '../../../views/components/error-summary.tsx';
import { pageCount, Pagination, resultRangeText } from '../../../views/components/pagination.tsx';
import { formatCount, formatDateTime } from '../../../views/format.ts';
import { Layout } from '../../../views/layout.tsx';
import {
  categoryLabel,
  dateLabel,
  fieldLabel,
  fiscalYearLabel,
  formatLabel,
  isInterrupted,
  isWebAddress,
  organiserKindLabel,
  partnerLabel,
  periodLabel,
  prefectureName,
  provenanceLabel,
  stateLabel,
  statusLabel,
} from './labels.ts';

// ─── Shared pieces ────────────────────────────────────────────────────────────────────────────

export interface FilterChoices {
  wards: RegistryWard[];
  prefectures: PrefectureChoice[];
}

interface Option {
  value: string;
  label: string;
}
interface OptionGroup {
  group: string;
  options: Option[];
}

function SelectField(p: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string;
  error?: string;
  options: Array<Option | OptionGroup>;
}): JSX.Element {
  const id = `filter-${p.name}`;
  const option = (o: Option) => (
    <option value={o.value} selected={o.value === p.value} safe>
      {o.label}
    </option>
  );
  return (
    <div class="rk-field">
      <label class="rk-label" for={id} safe>
        {p.label}
      </label>
      <FieldErrorMessage ctx={p.ctx} id={id} message={p.error} />
      <select id={id} class="rk-select" name={p.name} aria-describedby={p.error ? `${id}-error` : undefined} aria-invalid={p.error ? 'true' : undefined}>
        <option value="">{p.ctx.t('すべて', 'All')}</option>
        {p.options.map((o) =>
          'group' in o ? (
            <optgroup label={o.group}>{o.options.map(option)}</optgroup>
          ) : (
            option(o)
          ),
        )}
      </select>
    </div>
  );
}

function KeywordField(p: { ctx: PageContext; value: string; error?: string; hint: string }): JSX.Element {
  const describedBy = ['filter-q-hint', p.error ? 'filter-q-error' : ''].filter(Boolean).join(' ');
  return (
    <div class="rk-field">
      <label class="rk-label" for="filter-q">
        {p.ctx.t('キーワード', 'Keywords')}
      </label>
      <p id="filter-q-hint" class="rk-hint" safe>
        {p.hint}
      </p>
      <FieldErrorMessage ctx={p.ctx} id="filter-q" message={p.error} />
      <input
        id="filter-q"
        class="rk-input"
        type="search"
        name="q"
        value={p.value}
        maxlength="200"
        aria-describedby={describedBy}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}

function PageError({ ctx, message }: { ctx: PageContext; message?: string }): JSX.Element {
  if (!message) return '';
  return (
    <div id="filter-page" tabindex="-1">
      <FieldErrorMessage ctx={ctx} id="filter-page" message={message} />
    </div>
  );
}

function FormActions({ ctx, clearHref }: { ctx: PageContext; clearHref: string }): JSX.Element {
  return (
    <div class="rk-filter__actions">
      <button class="rk-button" type="submit">
        {ctx.t('この条件で表示', 'Apply')}
      </button>
      <a class="rk-button rk-button--secondary" href={clearHref}>
        {ctx.t('条件をクリア', 'Clear')}
      </a>
    </div>
  );
}

function wardOptions(wards: RegistryWard[]): Option[] {
  return wards.map((w) => ({ value: w.code, label: w.name }));
}

function prefectureOptions(ctx: PageContext, prefectures: PrefectureChoice[]): OptionGroup[] {
  return regions.map((region) => ({
    group: ctx.tFormat(region.nameJa, region.nameEn),
    options: prefectures.filter((p) => p.region === region.id).map((p) => ({ value: p.prefectureCode, label: prefectureName(ctx, p) })),
  }));
}

function ProvenanceBadge({ ctx, provenance }: { ctx: PageContext; provenance: Provenance }): JSX.Element {
  const label = provenanceLabel(ctx, provenance);
  return label ? (
    <span class="rk-badge" safe>
      {label}
    </span>
  ) : (
    ''
  );
}

function ExportLinks({ ctx, base, query, total }: { ctx: PageContext; base: string; query: string; total: number }): JSX.Element {
  const suffix = query ? `?${query}` : '';
  return (
    <p class="rk-actions">
      <span safe>{ctx.tFormat(`この条件の${formatCount(total)}件をダウンロード：`, `Download these ${formatCount(total)} records:`)}</span>
      <a class="rk-button rk-button--secondary" href={`${base}.csv${suffix}`}>
        CSV
      </a>
      <a class="rk-button rk-button--secondary" href={`${base}.xlsx${suffix}`}>
        {ctx.t('Excel(XLSX)', 'Excel (XLSX)')}
      </a>
    </p>
  );
}

function prefectureMap(prefectures: PrefectureChoice[]): Map<string, string> {
  return new Map(prefectures.map((p) => [p.prefectureCode, p.name]));
}

/** Label and value rows; a row whose value is `false` (nothing recorded) is left out. */
function Facts({ rows }: { rows: Array<[label: string, value: JSX.Element | false]> }): JSX.Element {
  const shown = rows.filter((row): row is [string, JSX.Element] => row[1] !== false);
  return (
    <dl class="rk-facts">
      {shown.map(([label, value]) => (
        <div class="rk-facts__row">
          <dt safe>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function WebLink({ url }: { url: string | null }): JSX.Element {
  if (url === null || url === '') return '';
  return isWebAddress(url) ? (
    <a href={url} rel="noopener" safe>
      {url}
    </a>
  ) : (
    <span safe>{url}</span>
  );
}

/** Text typed on several lines, as paragraphs. */
function Paragraphs({ text }: { text: string }): JSX.Element {
  return (
    <>
      {text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) => (
          <p safe>{line}</p>
        ))}
    </>
  );
}

// ─── 連携事業一覧 ─────────────────────────────────────────────────────────────────────────────

export interface ProjectListPageProps {
  ctx: PageContext;
  choices: FilterChoices & { fiscalYears: number[] };
  /** The form's values: canonical when the filter was valid, as typed otherwise. */
  input: Record<ProjectFilterKey, string>;
  errors: FieldError[];
  result?: { filter: ProjectFilter; page: number; pageSize: number; total: number; rows: ProjectRecord[] };
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
        <KeywordField
          ctx={ctx}
          value={input.q}
          error={errorOf('q')}
          hint={ctx.t('事業名・概要から探します。複数の語はスペースで区切ります。', 'Searches titles and summaries. Separate several words with spaces.')}
        />
        <div class="rk-filter__row">
          <SelectField
            ctx={ctx}
            name="fy"
            label={ctx.t('年度', 'Fiscal year')}
            value={input.fy}
            error={errorOf('fy')}
            options={years.map((fy) => ({ value: String(fy), label: fiscalYearLabel(ctx, fy) }))}
          />
          <SelectField ctx={ctx} name="ward" label={ctx.t('特別区', 'Special ward')} value={input.ward} error={errorOf('ward')} options={wardOptions(choices.wards)} />
          <SelectField
            ctx={ctx}
            name="pref"
            label={ctx.t('連携先の都道府県', 'Partner prefecture')}
            value={input.pref}
            error={errorOf('pref')}
            options={prefectureOptions(ctx, choices.prefectures)}
          />
        </div>
        <div class="rk-filter__row">
          <SelectField
            ctx={ctx}
            name="field"
            label={ctx.t('分野', 'Field')}
            value={input.field}
            error={errorOf('field')}
            options={projectFields.map((f) => ({ value: String(f.number), label: fieldLabel(ctx, f.number) }))}
          />
          <SelectField
            ctx={ctx}
            name="status"
            label={ctx.t('状況', 'Status')}
            value={input.status}
            error={errorOf('status')}
            options={projectStatuses.map((s) => ({ value: s, label: statusLabel(ctx, s) }))}
          />
          <SelectField
            ctx={ctx}
            name="organiser"
            label={ctx.t('主催区分', 'Organiser')}
            value={input.organiser}
            error={errorOf('organiser')}
            options={organiserKinds.map((k) => ({ value: k, label: organiserKindLabel(ctx, k) }))}
          />
        </div>
        <PageError ctx={ctx} message={errorOf('page')} />
        <FormActions ctx={ctx} clearHref="/projects" />
      </form>
      {result ? <ProjectResults ctx={ctx} result={result} prefectures={prefectureMap(choices.prefectures)} /> : ''}
    </Layout>
  );
}

function ProjectResults({
  ctx,
  result,
  prefectures,
}: {
  ctx: PageContext;
  result: NonNullable<ProjectListPageProps['result']>;
  prefectures: Map<string, string>;
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
                  <td safe>{p.partners.map((x) => partnerLabel(ctx, x, prefectures)).join(ctx.t('、', ', '))}</td>
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

function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}

function organiserText(ctx: PageContext, p: ProjectRecord): string {
  if (p.organiserKind === 'joint') return organiserKindLabel(ctx, 'joint');
  return p.wards.map((w) => w.name).join(ctx.t('、', ', '));
}

function StatusText({ ctx, status }: { ctx: PageContext; status: ProjectRecord['status'] }): JSX.Element {
  // 中止 and 延期 stand out as a badge; the word itself carries the meaning, not the colour.
  return isInterrupted(status) ? (
    <strong class="rk-badge" safe>
      {statusLabel(ctx, status)}
    </strong>
  ) : (
    <span safe>{statusLabel(ctx, status)}</span>
  );
}

export function ProjectPage({ ctx, project: p, prefectures }: { ctx: PageContext; project: ProjectRecord; prefectures: PrefectureChoice[] }): JSX.Element {
  const listTitle = ctx.t('連携事業一覧', 'Collaboration projects');
  const prefs = prefectureMap(prefectures);
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
          [ctx.t('主催区', 'Organising wards'), p.wards.length > 0 && <span safe>{p.wards.map((w) => w.name).join(ctx.t('、', ', '))}</span>],
          [
            ctx.t('連携先', 'Partners'),
            p.partners.length > 0 && (
              <ul>
                {p.partners.map((x) => (
                  <li>
                    <a href={`/municipalities/${x.code}`} safe>
                      {partnerLabel(ctx, x, prefs)}
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

// ─── 協定一覧 ─────────────────────────────────────────────────────────────────────────────────

export interface AgreementListPageProps {
  ctx: PageContext;
  choices: FilterChoices & { types: AgreementTypeChoice[] };
  input: Record<AgreementFilterKey, string>;
  errors: FieldError[];
  result?: { filter: AgreementFilter; page: number; pageSize: number; total: number; rows: AgreementRecord[] };
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
        <KeywordField
          ctx={ctx}
          value={input.q}
          error={errorOf('q')}
          hint={ctx.t('協定名・きっかけ・連携先の名称（締結時の名称を含む）から探します。', 'Searches titles, backgrounds and partner names (including former names).')}
        />
        <div class="rk-filter__row">
          <SelectField ctx={ctx} name="ward" label={ctx.t('特別区', 'Special ward')} value={input.ward} error={errorOf('ward')} options={wardOptions(choices.wards)} />
          <SelectField
            ctx={ctx}
            name="pref"
            label={ctx.t('連携先の都道府県', 'Partner prefecture')}
            value={input.pref}
            error={errorOf('pref')}
            options={prefectureOptions(ctx, choices.prefectures)}
          />
        </div>
        <div class="rk-filter__row">
          <SelectField
            ctx={ctx}
            name="type"
            label={ctx.t('種別', 'Type')}
            value={input.type}
            error={errorOf('type')}
            options={agreementCategories.map((c) => ({
              group: categoryLabel(ctx, c),
              options: choices.types.filter((t) => t.category === c).map((t) => ({ value: t.id, label: ctx.tFormat(t.name, t.nameEn || t.name) })),
            }))}
          />
          <SelectField
            ctx={ctx}
            name="category"
            label={ctx.t('分類', 'Category')}
            value={input.category}
            error={errorOf('category')}
            options={agreementCategories.map((c) => ({ value: c, label: categoryLabel(ctx, c) }))}
          />
          <SelectField
            ctx={ctx}
            name="state"
            label={ctx.t('状態', 'State')}
            value={input.state}
            error={errorOf('state')}
            options={agreementStates.map((s) => ({ value: s, label: stateLabel(ctx, s) }))}
          />
        </div>
        <PageError ctx={ctx} message={errorOf('page')} />
        <FormActions ctx={ctx} clearHref="/agreements" />
      </form>
      {result ? <AgreementResults ctx={ctx} result={result} prefectures={prefectureMap(choices.prefectures)} /> : ''}
    </Layout>
  );
}

function AgreementResults({
  ctx,
  result,
  prefectures,
}: {
  ctx: PageContext;
  result: NonNullable<AgreementListPageProps['result']>;
  prefectures: Map<string, string>;
}): JSX.Element {
  const { filter, page, pageSize, total, rows } = result;
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
                  <td safe>{signedLabel(ctx, a)}</td>
                  <td>
                    <a href={`/agreements/${encodeURIComponent(a.id)}`} safe>
                      {a.title}
                    </a>
                    <ProvenanceBadge ctx={ctx} provenance={a.provenance} />
                  </td>
                  <td safe>{ctx.tFormat(a.typeName, a.typeNameEn || a.typeName)}</td>
                  <td safe>{a.wards.map((w) => w.name).join(ctx.t('、', ', '))}</td>
                  <td safe>{a.partners.map((x) => agreementPartnerText(ctx, x, prefectures)).join(ctx.t('、', ', '))}</td>
                  <td>
                    <AgreementState ctx={ctx} agreement={a} />
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

function signedLabel(ctx: PageContext, a: AgreementRecord): string {
  if (!a.signedOn) return ctx.t('不明', 'Unknown');
  return dateLabel(ctx, a.signedOn, a.signedOnPrecision);
}

function agreementPartnerText(ctx: PageContext, p: AgreementRecord['partners'][number], prefectures: Map<string, string>): string {
  const name = partnerLabel(ctx, p, prefectures);
  return p.formerName ? ctx.tFormat(`${name}（締結時：${p.formerName}）`, `${name} (signed as ${p.formerName})`) : name;
}

function AgreementState({ ctx, agreement: a }: { ctx: PageContext; agreement: AgreementRecord }): JSX.Element {
  if (!a.ended) return <span safe>{stateLabel(ctx, 'live')}</span>;
  return (
    <>
      <strong class="rk-badge" safe>
        {stateLabel(ctx, 'ended')}
      </strong>
      {a.endedOn ? <span safe>{ctx.tFormat(`（${dateLabel(ctx, a.endedOn)}）`, ` (${dateLabel(ctx, a.endedOn)})`)}</span> : ''}
    </>
  );
}

export function AgreementPage({ ctx, agreement: a, prefectures }: { ctx: PageContext; agreement: AgreementRecord; prefectures: PrefectureChoice[] }): JSX.Element {
  const listTitle = ctx.t('協定一覧', 'Agreements');
  const prefs = prefectureMap(prefectures);
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
          [ctx.t('種別', 'Type'), <span safe>{ctx.tFormat(`${a.typeName}（${categoryLabel(ctx, a.category)}）`, `${a.typeNameEn || a.typeName} (${categoryLabel(ctx, a.category)})`)}</span>],
          [ctx.t('特別区', 'Special wards'), <span safe>{a.wards.map((w) => w.name).join(ctx.t('、', ', '))}</span>],
          [
            ctx.t('連携先', 'Partners'),
            a.partners.length > 0 && (
              <ul>
                {a.partners.map((x) => (
                  <li>
                    {x.kind === 'government' && x.code ? (
                      <a href={`/municipalities/${x.code}`} safe>
                        {partnerLabel(ctx, x, prefs)}
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
          [ctx.t('締結日', 'Signed'), <span safe>{signedLabel(ctx, a)}</span>],
          [
            ctx.t('再締結日', 'Re-signed'),
            a.resignedDates.length > 0 && <span safe>{a.resignedDates.map((d) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? dateLabel(ctx, d) : d)).join(ctx.t('、', ', '))}</span>,
          ],
          [ctx.t('状態', 'State'), <AgreementState ctx={ctx} agreement={a} />],
          [ctx.t('終了予定日', 'Ends on'), !a.ended && a.endedOn !== null && <span safe>{dateLabel(ctx, a.endedOn)}</span>],
          [ctx.t('きっかけ', 'How it began'), a.background !== '' && <Paragraphs text={a.background} />],
          [ctx.t('出典', 'Source'), a.sourceUrl !== null && a.sourceUrl !== '' && <WebLink url={a.sourceUrl} />],
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
