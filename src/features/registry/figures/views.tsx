// 連携の状況: the headline figures computed from the registry for a date, beside the published ones
// with the difference explained; the trend per 年度; projects per 年度 and per field; the map of
// Japan; links to the detail pages and the export.
import { formatFiscalYear, formatFiscalYearEnglish } from '../../../domain/fiscal-year.ts';
import { prefectureTile } from '../../../domain/prefecture-tiles.ts';
import { projectFields } from '../projects/fields.ts';
import { prefectureNamesEn } from '../../../domain/regions.ts';
import type { PublishedFigureRecord } from './load.ts';
import type { BoundaryMap } from '../../../views/boundary-map.ts';
import { HorizontalBarChart, LineChart, StackedBarChart } from '../../../views/components/charts.tsx';
import { ErrorSummary, FieldErrorMessage, type FieldError } from '../../../views/components/error-summary.tsx';
import { JapanMap } from '../../../views/components/japan-map.tsx';
import { formatPartialDate, TitleLink } from '../shared/labels.tsx';
import type { PageContext } from '../../../views/context.ts';
import { formatCount, formatDate } from '../../../views/format.ts';
import { Layout } from '../../../views/layout.tsx';
import { fieldIds, FIRST_FISCAL_YEAR, type AsOfInput, type AsOfSelection } from './form.ts';
import { headlineMetrics, type CollaborationData, type HeadlineMetric, type PublishedComparison } from './queries.ts';

export interface CollaborationPageProps {
  ctx: PageContext;
  data: CollaborationData;
  selection: AsOfSelection;
  input: AsOfInput;
  errors: FieldError[];
  boundary?: BoundaryMap;
  /** DateIndependentSections, already rendered (rendered here when absent). */
  dateIndependentSections?: JSX.Element;
  /** PrefectureMap for these figures, already rendered (rendered here when absent). */
  prefectureMap?: JSX.Element;
}

/** The page's stylesheet (served by routes.ts); versioned so that a change is fetched at once. */

/** Where a prefecture's municipalities are listed (the municipalities list filters by ?pref=NN). */
export const prefectureListHref = (prefectureCode: string): string => `/municipalities?pref=${prefectureCode}`;

const metricLabels: Record<HeadlineMetric, { ja: string; en: string }> = {
  ward_partners: { ja: '各区の交流自治体数', en: 'Exchange partners of the wards' },
  registered_members: { ja: '会員登録自治体数', en: 'Registered member municipalities' },
  wide_area_members: { ja: '広域連携協定締結自治体数', en: 'Municipalities under the wide-area agreements' },
  union: { ja: '東京23区と連携・交流している総自治体数', en: 'Municipalities collaborating with the 23 wards (deduplicated)' },
};

const metricNotes: Record<HeadlineMetric, { ja: string; en: string }> = {
  ward_partners: {
    ja: '区と協定・交流が続いている市町村（地域間交流の構成町村を含む）。都道府県は数えません。',
    en: 'Municipalities with a live agreement or exchange with a ward (including regional exchanges). Prefectures are not counted.',
  },
  registered_members: {
    ja: 'このサイトの会員として登録された自治体（登録日から数えます）。',
    en: 'Municipalities registered as members of this site, from the day they joined.',
  },
  wide_area_members: {
    ja: '特別区長会と広域連携協定を結んだ市長会・町村会の構成市町村。自治体マスタから規則（市長会＝その道府県の市、町村会＝町村）で導いています。',
    en: 'Member municipalities of the mayors’ and town-and-village associations with a wide-area agreement, derived from the master data (cities for a 市長会, towns and villages for a 町村会).',
  },
  union: {
    ja: '上の3区分のいずれかに当たる自治体を、重複を除いて数えた数です。',
    en: 'Municipalities in at least one of the three categories above, each counted once.',
  },
};

/** Short field names for chart labels; the table and exports use the full names. */
const fieldShortNames: Record<number, { ja: string; en: string }> = {
  1: { ja: '産業振興', en: 'Industry' },
  2: { ja: '観光振興', en: 'Tourism' },
  3: { ja: '文化芸術振興', en: 'Culture and arts' },
  4: { ja: 'スポーツ・東京2020', en: 'Sport, Tokyo 2020' },
  5: { ja: '相互の地域課題', en: 'Shared challenges' },
  6: { ja: '新しい住民交流', en: 'Residents meeting' },
};

function metricValue(data: CollaborationData, metric: HeadlineMetric): number {
  const f = data.figures;
  return metric === 'ward_partners' ? f.wardPartners : metric === 'registered_members' ? f.registeredMembers : metric === 'wide_area_members' ? f.wideAreaMembers : f.union;
}

function asOfText(ctx: PageContext, selection: AsOfSelection): string {
  const date = formatDate(ctx, selection.asOf);
  if (selection.kind === 'fy') {
    return ctx.tFormat(`${formatFiscalYear(selection.fy)}末（${date}）現在`, `At the end of ${formatFiscalYearEnglish(selection.fy)} (${date})`);
  }
  return ctx.tFormat(`${date}現在`, `As of ${date}`);
}

function publishedValueText(ctx: PageContext, p: PublishedFigureRecord, unit: { ja: string; en: string }): string {
  return ctx.tFormat(`${formatCount(p.value)}${unit.ja}${p.isLowerBound ? '以上' : ''}`, `${p.isLowerBound ? 'at least ' : ''}${formatCount(p.value)}${unit.en}`);
}

/** Why the registry's count differs from (or matches) a published one, in words. */
export function explainDifference(ctx: PageContext, c: PublishedComparison): string {
  const p = c.published;
  const when = formatPartialDate(ctx, p.asOf, p.asOfPrecision);
  const source = p.sourceTitle || ctx.t('出典不明', 'unknown source');
  if (c.computedThen === null) return '';
  const computed = formatCount(c.computedThen);
  const diff = c.computedThen - p.value;
  if (p.isLowerBound) {
    return diff >= 0
      ? ctx.tFormat(
          `公表値は「${formatCount(p.value)}以上」という概数です。登録簿から数えた${when}現在の数（${computed}）はこれを満たしています。`,
          `The published figure is a lower bound (at least ${formatCount(p.value)}); the registry's count for ${when} (${computed}) meets it.`,
        )
      : ctx.tFormat(
          `公表値は「${formatCount(p.value)}以上」という概数（${source}）です。登録簿から数えた${when}現在の数は${computed}で、出典を確認できた記録だけを登録しているため、まだ下回っています。`,
          `The published figure is a lower bound (at least ${formatCount(p.value)}, ${source}). The registry counts ${computed} for ${when}: it holds only sourced records so far.`,
        );
  }
  if (diff === 0) {
    return ctx.tFormat(
      `登録簿から数えた${when}現在の数（${computed}）は、公表値と同じです。`,
      `The registry's count for ${when} (${computed}) is the same as the published figure.`,
    );
  }
  if (diff < 0 && p.metric === 'ward_partners') {
    const pairs = formatCount(c.pairsThen ?? c.computedThen);
    return ctx.tFormat(
      `登録簿は、区や相手自治体のページ、報道発表などの出典で確かめた協定と地域交流だけを数えています。${when}現在、重複を除いて${computed}、区ごとに数えて足し合わせると${pairs}で、公表値（${source}）を下回っています。` +
        '区の出典には、名前までは分からない協定先の数が書かれているものがあります（品川区の災害時相互援助協定「53市区町村」（2019年）、港区の国産材の活用促進に関する協定「約80自治体」、世田谷区の「全国15の交流自治体」など）。' +
        '公表値（特別区長会調べ）は、こうした協定先に加えて、協定のない交流（区のまつりや物産展に参加する自治体など）も各区が数えたものとみられます。名前の分かる出典が見つかるまで、登録簿の数は公表値を下回ります。',
      `The registry counts only the agreements and regional exchanges confirmed in a source (ward and partner pages, press releases): for ${when}, ${computed} distinct municipalities, or ${pairs} when each ward's count is added up, below the published figure (${source}). ` +
        'Some ward sources give the number of partners without naming them (Shinagawa’s disaster mutual-aid agreements with “53 municipalities” in 2019, Minato’s domestic-timber agreements with “about 80”, Setagaya’s “15 partner municipalities nationwide”). ' +
        'The published figure, a survey of the wards, seems to count such partners as well as exchanges without an agreement (municipalities taking part in ward festivals and product fairs). Until sources naming them are found, the registry stays below it.',
    );
  }
  if (diff < 0) {
    const byMetric =
      p.metric === 'registered_members'
        ? ctx.t(
            '会員登録は、このサイトで承認された会員と、手で記録した登録の履歴から数えています。以前のサイトの会員名簿はまだ移されていません。',
            'Memberships are counted from members approved on this site and registrations recorded by hand; the old site’s member list has not been moved yet.',
          )
        : p.metric === 'union'
          ? ctx.t('総自治体数は3区分の重複を除いた数なので、各区分の不足がそのまま表れます。', 'The total is the union of the three categories, so any shortfall in a category shows here too.')
          : ctx.t('登録簿には、出典を確認できた協定・交流だけを登録しています。', 'The registry holds only agreements and exchanges whose source could be checked.');
    return ctx.tFormat(
      `登録簿から数えた${when}現在の数は${computed}で、公表値より${formatCount(-diff)}少なくなっています。公表値は${source}による集計です。${byMetric}`,
      `The registry counts ${computed} for ${when}, ${formatCount(-diff)} fewer than published (counted by ${source}). ${byMetric}`,
    );
  }
  return ctx.tFormat(
    `登録簿から数えた${when}現在の数は${computed}で、公表値より${formatCount(diff)}多くなっています。公表後に判明した協定・交流の記録や、数え方の違い（合併後の自治体の扱いなど）によるものです。公表値は${source}による集計です。`,
    `The registry counts ${computed} for ${when}, ${formatCount(diff)} more than published (${source}): records found after publication, or a different way of counting (e.g. merged municipalities).`,
  );
}

const units = {
  municipalities: { ja: '自治体', en: '' },
  groups: { ja: '団体', en: ' associations' },
} as const;

/**
 * The sections that are the same whatever date is asked (the comparisons with the published
 * figures, the trend and the projects): the route renders them once per model, language and day.
 */
export function DateIndependentSections({ ctx, data }: { ctx: PageContext; data: CollaborationData }): JSX.Element {
  return (
    <>
      <Comparisons ctx={ctx} data={data} />
      <Trend ctx={ctx} data={data} />
      <Projects ctx={ctx} data={data} />
    </>
  );
}

export function CollaborationPage({ ctx, data, selection, input, errors, boundary, dateIndependentSections, prefectureMap }: CollaborationPageProps): JSX.Element {
  const title = ctx.t('連携の状況', 'Collaboration at a glance');
  const asOf = asOfText(ctx, selection);
  const sections: JSX.Element = dateIndependentSections ?? <DateIndependentSections ctx={ctx} data={data} />;
  const map: JSX.Element = prefectureMap ?? <PrefectureMap ctx={ctx} counts={data.figures.unionByPrefecture} boundary={boundary} />;
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
          '東京23区と全国の自治体との連携を、登録簿の記録から集計した数で示します。パンフレットなどで公表された数も、その時点と出典とともに並べて示します。',
          'How the 23 special wards of Tokyo collaborate with municipalities all over Japan, counted from the registry’s records, shown beside the figures published earlier with their dates and sources.',
        )}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <AsOfForms ctx={ctx} input={input} errors={errors} data={data} />

      <section class="rk-section" aria-labelledby="figures-title">
        <h2 id="figures-title" class="rk-heading-2" safe>
          {ctx.tFormat(`主な数（${asOf}）`, `Headline figures (${asOf})`)}
        </h2>
        <ul class="rk-figures">
          {headlineMetrics.map((metric) => (
            <HeadlineFigure ctx={ctx} data={data} metric={metric} />
          ))}
        </ul>
      </section>

      {sections}

      <section class="rk-section" aria-labelledby="map-title">
        <h2 id="map-title" class="rk-heading-2">
          {ctx.t('都道府県別の連携自治体数', 'Collaborating municipalities by prefecture')}
        </h2>
        <p safe>
          {ctx.tFormat(
            `${asOf}、東京23区と連携・交流している自治体（重複を除く）の数を都道府県ごとに色の濃さで示します。都道府県を選ぶと、その都道府県の自治体の一覧を表示します。`,
            `${asOf}: municipalities collaborating with the 23 wards (each counted once), per prefecture; darker means more. Choose a prefecture to list its municipalities.`,
          )}
        </p>
        {map}
        {boundary ? (
          <p class="rk-note">
            {ctx.t(
              '※ 沖縄県は左上の枠内に移して表示しています。小笠原諸島などの遠隔の島は表示していません。',
              '* Okinawa is drawn in the frame at the top left. Remote islands such as the Ogasawara Islands are not drawn.',
            )}
          </p>
        ) : (
          ''
        )}
      </section>

      <Links ctx={ctx} />
      <Downloads ctx={ctx} />
    </Layout>
  );
}

/**
 * The map of counts per prefecture, with its table. A function of the counts alone (the date is
 * in the paragraph above it), so that the route can keep it for every date with the same counts:
 * the figures change on few days, and most dates share their map with many others.
 */
export function PrefectureMap({ ctx, counts, boundary }: { ctx: PageContext; counts: Readonly<Record<string, number>>; boundary?: BoundaryMap | undefined }): JSX.Element {
  return (
    <JapanMap
      ctx={ctx}
      id="prefecture-map"
      title={ctx.t('都道府県別の連携自治体数の地図', 'Map of collaborating municipalities by prefecture')}
      description={ctx.tFormat(`都道府県別の数。最も多いのは${topPrefectureText(ctx, counts)}。`, `Counts per prefecture. Highest: ${topPrefectureText(ctx, counts)}.`)}
      counts={counts}
      unit={ctx.t('自治体', '')}
      hrefOf={prefectureListHref}
      boundary={boundary}
    />
  );
}

function topPrefectureText(ctx: PageContext, counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = entries[0];
  if (!top) return '—';
  const tile = prefectureTile(top[0]);
  const name = ctx.lang === 'en' ? (prefectureNamesEn[top[0]] ?? top[0]) : (tile?.name ?? top[0]);
  return ctx.tFormat(`${name}（${formatCount(top[1])}自治体）`, `${name} (${formatCount(top[1])})`);
}

function AsOfForms({ ctx, input, errors, data }: { ctx: PageContext; input: AsOfInput; errors: FieldError[]; data: CollaborationData }): JSX.Element {
  const errorOf = (id: string) => errors.find((e) => e.field === id)?.message;
  const years: number[] = [];
  for (let fy = data.toFy; fy >= FIRST_FISCAL_YEAR; fy--) years.push(fy);
  return (
    <section class="rk-section" aria-labelledby="asof-title">
      <h2 id="asof-title" class="rk-heading-2">
        {ctx.t('集計する時点', 'Counted as of')}
      </h2>
      <p>
        {ctx.t(
          '日付または年度末を指定すると、その時点の数を表示します。指定しないときは今日現在の数です。',
          'Choose a date or the end of a fiscal year to see the figures then; without a choice they are as of today.',
        )}
      </p>
      <div class="rk-asof">
        <form class="rk-filter" action="/collaboration" method="get" aria-labelledby="asof-date-label">
          <div class="rk-field">
            <label class="rk-label" id="asof-date-label" for={fieldIds.asOf}>
              {ctx.t('日付', 'Date')}
            </label>
            <p id={`${fieldIds.asOf}-hint`} class="rk-hint">
              {ctx.t('例：2022-03-01（年-月-日）', 'e.g. 2022-03-01 (year-month-day)')}
            </p>
            <FieldErrorMessage ctx={ctx} id={fieldIds.asOf} message={errorOf(fieldIds.asOf)} />
            <input
              id={fieldIds.asOf}
              class="rk-input rk-input--short"
              type="text"
              inputmode="numeric"
              name="asOf"
              value={input.asOf}
              maxlength="10"
              autocomplete="off"
              aria-describedby={[`${fieldIds.asOf}-hint`, errorOf(fieldIds.asOf) ? `${fieldIds.asOf}-error` : ''].filter(Boolean).join(' ')}
              aria-invalid={errorOf(fieldIds.asOf) ? 'true' : undefined}
            />
          </div>
          <div class="rk-filter__actions">
            <button class="rk-button" type="submit">
              {ctx.t('この日付で表示', 'Show for this date')}
            </button>
          </div>
        </form>
        <form class="rk-filter" action="/collaboration" method="get" aria-labelledby="asof-fy-label">
          <div class="rk-field">
            <label class="rk-label" id="asof-fy-label" for={fieldIds.fy}>
              {ctx.t('年度末', 'End of fiscal year')}
            </label>
            <p id={`${fieldIds.fy}-hint`} class="rk-hint">
              {ctx.t('年度末（3月31日）現在の数。今年度は今日現在。', 'As of 31 March; for the current year, as of today.')}
            </p>
            <FieldErrorMessage ctx={ctx} id={fieldIds.fy} message={errorOf(fieldIds.fy)} />
            <select
              id={fieldIds.fy}
              class="rk-select"
              name="fy"
              aria-describedby={[`${fieldIds.fy}-hint`, errorOf(fieldIds.fy) ? `${fieldIds.fy}-error` : ''].filter(Boolean).join(' ')}
              aria-invalid={errorOf(fieldIds.fy) ? 'true' : undefined}
            >
              <option value="">{ctx.t('選んでください', 'Choose')}</option>
              {years.map((fy) => (
                <option value={String(fy)} selected={input.fy === String(fy)} safe>
                  {ctx.lang === 'en' ? formatFiscalYearEnglish(fy) : formatFiscalYear(fy)}
                </option>
              ))}
            </select>
          </div>
          <div class="rk-filter__actions">
            <button class="rk-button" type="submit">
              {ctx.t('この年度末で表示', 'Show for this year')}
            </button>
            <a class="rk-button rk-button--secondary" href="/collaboration">
              {ctx.t('今日現在に戻す', 'Back to today')}
            </a>
          </div>
        </form>
      </div>
    </section>
  );
}

function latestPublished(data: CollaborationData, metric: HeadlineMetric | 'wide_area_groups'): PublishedComparison | undefined {
  // Newest first (loadPublishedFigures); an exact figure is preferred over a lower bound.
  const all = data.comparisons.filter((c) => c.published.metric === metric);
  return all.find((c) => !c.published.isLowerBound) ?? all[0];
}

function HeadlineFigure({ ctx, data, metric }: { ctx: PageContext; data: CollaborationData; metric: HeadlineMetric }): JSX.Element {
  const label = metricLabels[metric];
  const published = latestPublished(data, metric);
  const groups = metric === 'wide_area_members' ? latestPublished(data, 'wide_area_groups') : undefined;
  return (
    <li class="rk-figures__item" id={`figure-${metric}`}>
      <span class="rk-figures__label" safe>
        {ctx.tFormat(label.ja, label.en)}
      </span>
      <span>
        <span class="rk-figures__value" safe>
          {formatCount(metricValue(data, metric))}
        </span>
        <span class="rk-figures__unit">{ctx.t('自治体', 'municipalities')}</span>
        {metric === 'wide_area_members' ? (
          <span class="rk-figures__unit" safe>
            {ctx.tFormat(`（${formatCount(data.figures.wideAreaGroups)}団体）`, `(${formatCount(data.figures.wideAreaGroups)} associations)`)}
          </span>
        ) : (
          ''
        )}
      </span>
      <span class="rk-muted" safe>
        {ctx.tFormat(metricNotes[metric].ja, metricNotes[metric].en)}
      </span>
      {published ? (
        <span class="rk-figures__published" safe>
          {ctx.tFormat(
            `公表値：${publishedValueText(ctx, published.published, units.municipalities)}${groups ? `（${formatCount(groups.published.value)}団体）` : ''}（${formatPartialDate(ctx, published.published.asOf, published.published.asOfPrecision)}現在）`,
            `Published: ${publishedValueText(ctx, published.published, units.municipalities)}${groups ? ` (${formatCount(groups.published.value)} associations)` : ''} (${formatPartialDate(ctx, published.published.asOf, published.published.asOfPrecision)})`,
          )}
        </span>
      ) : (
        <span class="rk-figures__published">{ctx.t('公表値は登録されていません。', 'No published figure recorded.')}</span>
      )}
    </li>
  );
}

function Comparisons({ ctx, data }: { ctx: PageContext; data: CollaborationData }): JSX.Element {
  const metrics = [...headlineMetrics.slice(0, 3), 'wide_area_groups', 'union'] as const;
  const labelOf = (m: (typeof metrics)[number]) =>
    m === 'wide_area_groups' ? ctx.t('広域連携協定締結団体数', 'Associations with a wide-area agreement') : ctx.tFormat(metricLabels[m].ja, metricLabels[m].en);
  const unitOf = (m: (typeof metrics)[number]) => (m === 'wide_area_groups' ? units.groups : units.municipalities);
  return (
    <section class="rk-section" aria-labelledby="published-title">
      <h2 id="published-title" class="rk-heading-2">
        {ctx.t('公表値との比較', 'Compared with the published figures')}
      </h2>
      <p>
        {ctx.t(
          '公表された数は、それぞれの時点と出典のまま示します。比べやすいように、登録簿から数えた「公表値と同じ日付現在」の数と、その差の理由を添えています。',
          'Published figures are shown with their own dates and sources. Beside each, the registry’s count for the same date, and why they differ.',
        )}
      </p>
      {metrics.map((m) => {
        const rows = data.comparisons.filter((c) => c.published.metric === m);
        return (
          <section class="rk-section" aria-labelledby={`published-${m}`}>
            <h3 id={`published-${m}`} class="rk-heading-3" safe>
              {labelOf(m)}
            </h3>
            {rows.length === 0 ? (
              <p>{ctx.t('公表値は登録されていません。', 'No published figure recorded.')}</p>
            ) : (
              <div class="rk-table-wrap" role="region" tabindex="0" aria-labelledby={`published-${m}-caption`}>
                <table class="rk-table">
                  <caption class="rk-visually-hidden" id={`published-${m}-caption`} safe>
                    {ctx.tFormat(`${labelOf(m)}：公表値と登録簿の数`, `${labelOf(m)}: published and registry counts`)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{ctx.t('公表値', 'Published')}</th>
                      <th scope="col">{ctx.t('時点', 'As of')}</th>
                      <th scope="col">{ctx.t('出典', 'Source')}</th>
                      <th scope="col">{ctx.t('同日現在の登録簿の数', 'Registry, same date')}</th>
                      <th scope="col">{ctx.t('違いの説明', 'Why they differ')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((c) => (
                      <tr data-metric={m}>
                        <td class="rk-number" safe>
                          {publishedValueText(ctx, c.published, unitOf(m))}
                        </td>
                        <td safe>{formatPartialDate(ctx, c.published.asOf, c.published.asOfPrecision)}</td>
                        <td>
                          <TitleLink url={c.published.sourceUrl} title={c.published.sourceTitle} />
                          {c.published.notes ? (
                            <span class="rk-comparison__notes" safe>
                              {c.published.notes}
                            </span>
                          ) : (
                            ''
                          )}
                        </td>
                        <td class="rk-number" safe>
                          {c.computedThen === null ? '—' : formatCount(c.computedThen)}
                        </td>
                        <td safe>{explainDifference(ctx, c)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </section>
  );
}

function fyLabels(ctx: PageContext, years: readonly number[]): { short: string[]; long: string[] } {
  return {
    short: years.map((fy) => String(fy)),
    long: years.map((fy) => (ctx.lang === 'en' ? formatFiscalYearEnglish(fy) : formatFiscalYear(fy))),
  };
}

function Trend({ ctx, data }: { ctx: PageContext; data: CollaborationData }): JSX.Element {
  const years = data.trend.map((t) => t.fiscalYear);
  const labels = fyLabels(ctx, years);
  const first = data.trend[0];
  const last = data.trend[data.trend.length - 1];
  return (
    <section class="rk-section" aria-labelledby="trend-title">
      <h2 id="trend-title" class="rk-heading-2">
        {ctx.t('年度ごとの推移', 'Trend per fiscal year')}
      </h2>
      <p>
        {ctx.t(
          '各年度末（3月31日）現在の数です。今年度は今日現在の数です。',
          'Counts at the end (31 March) of each fiscal year; the current year as of today.',
        )}
      </p>
      <LineChart
        ctx={ctx}
        id="chart-trend"
        title={ctx.t('連携している自治体数の推移', 'Collaborating municipalities per fiscal year')}
        description={ctx.tFormat(
          `${formatFiscalYear(data.fromFy)}から${formatFiscalYear(data.toFy)}までの年度末の数。総自治体数は${formatCount(first?.union ?? 0)}から${formatCount(last?.union ?? 0)}。`,
          `Counts at the end of each fiscal year from ${data.fromFy} to ${data.toFy}. The total went from ${formatCount(first?.union ?? 0)} to ${formatCount(last?.union ?? 0)}.`,
        )}
        categories={labels.short}
        categoryLabels={labels.long}
        categoryHeader={ctx.t('年度', 'Fiscal year')}
        unit={ctx.t('自治体', 'municipalities')}
        series={[
          { key: 'wardPartners', label: ctx.t('各区の交流自治体', 'Ward partners'), values: data.trend.map((t) => t.wardPartners) },
          { key: 'registeredMembers', label: ctx.t('会員登録自治体', 'Registered members'), values: data.trend.map((t) => t.registeredMembers) },
          { key: 'wideAreaMembers', label: ctx.t('広域連携協定締結自治体', 'Wide-area members'), values: data.trend.map((t) => t.wideAreaMembers) },
          { key: 'union', label: ctx.t('総自治体数（重複を除く）', 'Total (deduplicated)'), values: data.trend.map((t) => t.union) },
        ]}
      />
    </section>
  );
}

function Projects({ ctx, data }: { ctx: PageContext; data: CollaborationData }): JSX.Element {
  const years = data.projects.map((p) => p.fiscalYear);
  const labels = fyLabels(ctx, years);
  const total = data.projects.reduce((sum, p) => sum + p.total, 0);
  const fieldValues = projectFields.map((f) => data.projectsByField[String(f.number)] ?? 0);
  return (
    <section class="rk-section" aria-labelledby="projects-title">
      <h2 id="projects-title" class="rk-heading-2">
        {ctx.t('連携事業の数', 'Collaboration projects')}
      </h2>
      <p>
        {ctx.t(
          '実施した連携事業の数です（中止・延期・予定の事業は含みません）。各区の事業と、23区共同の事業に分けて示します。',
          'Projects carried out (cancelled, postponed and planned ones are not included), by a ward or wards, or by all 23 wards jointly.',
        )}{' '}
        <a href="/projects">{ctx.t('連携事業の一覧', 'List of projects')}</a>
      </p>
      <StackedBarChart
        ctx={ctx}
        id="chart-projects"
        title={ctx.t('年度ごとの連携事業数', 'Projects per fiscal year')}
        description={ctx.tFormat(
          `${formatFiscalYear(data.fromFy)}から${formatFiscalYear(data.toFy)}までに実施した事業は合計${formatCount(total)}件。各区の事業と23区共同の事業を積み上げて示します。`,
          `${formatCount(total)} projects carried out from FY${data.fromFy} to FY${data.toFy}, stacked: by wards, and by all 23 wards jointly.`,
        )}
        categories={labels.short}
        categoryLabels={labels.long}
        categoryHeader={ctx.t('年度', 'Fiscal year')}
        unit={ctx.t('件', 'projects')}
        totalLabel={ctx.t('合計', 'Total')}
        series={[
          { key: 'ward', label: ctx.t('各区', 'Wards'), values: data.projects.map((p) => p.byOrganiser.ward) },
          { key: 'joint', label: ctx.t('23区共同', 'All 23 wards jointly'), values: data.projects.map((p) => p.byOrganiser.joint) },
        ]}
      />
      <h3 class="rk-heading-3">{ctx.t('分野別', 'By field')}</h3>
      <HorizontalBarChart
        ctx={ctx}
        id="chart-fields"
        title={ctx.t('分野別の連携事業数', 'Projects by field')}
        description={ctx.tFormat(
          `${formatFiscalYear(data.fromFy)}から${formatFiscalYear(data.toFy)}までに実施した事業の分野別の件数（パンフレットの6分野）。`,
          `Projects carried out from FY${data.fromFy} to FY${data.toFy} per field (the pamphlet’s six fields).`,
        )}
        categories={projectFields.map((f) => ctx.tFormat(fieldShortNames[f.number]!.ja, fieldShortNames[f.number]!.en))}
        categoryLabels={projectFields.map((f) => ctx.tFormat(f.nameJa, f.nameEn))}
        categoryHeader={ctx.t('分野', 'Field')}
        unit={ctx.t('件', 'projects')}
        series={[{ key: 'projects', label: ctx.t('事業数', 'Projects'), values: fieldValues }]}
      />
    </section>
  );
}

function Links({ ctx }: { ctx: PageContext }): JSX.Element {
  const links = [
    { href: '/collaboration/wide-area', label: ctx.t('広域連携', 'Wide-area agreements') },
    { href: '/collaboration/regions', label: ctx.t('地域別の交流', 'Regional exchanges') },
    { href: '/collaboration/companies', label: ctx.t('企業との連携', 'Company agreements') },
    { href: '/collaboration/disaster-support', label: ctx.t('被災地支援', 'Disaster support') },
    { href: '/collaboration/plan', label: ctx.t('事業計画と進捗', 'Plan and progress') },
    { href: '/projects', label: ctx.t('連携事業一覧', 'Collaboration projects') },
    { href: '/agreements', label: ctx.t('協定一覧', 'Agreements') },
    { href: '/wards', label: ctx.t('特別区', 'Special wards') },
  ];
  return (
    <nav class="rk-section" aria-labelledby="links-title">
      <h2 id="links-title" class="rk-heading-2">
        {ctx.t('詳しく見る', 'More detail')}
      </h2>
      <ul class="rk-link-list">
        {links.map((l) => (
          <li>
            <a class="rk-link-arrow" href={l.href}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Downloads({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <section class="rk-section" aria-labelledby="downloads-title">
      <h2 id="downloads-title" class="rk-heading-2">
        {ctx.t('データのダウンロード', 'Download the figures')}
      </h2>
      <p>
        {ctx.t(
          '年度ごとの数（3区分、総自治体数、連携事業数）と、公表値（時点・出典つき）をまとめたファイルです。',
          'The figures per fiscal year (three categories, total, projects) and the published figures with their dates and sources.',
        )}
      </p>
      <ul class="rk-link-list">
        <li>
          <a href="/collaboration/figures.csv" download="">
            {ctx.t('CSV形式（UTF-8、BOM付き）', 'CSV (UTF-8 with BOM)')}
          </a>
        </li>
        <li>
          <a href="/collaboration/figures.xlsx" download="">
            {ctx.t('Excel形式（XLSX）', 'Excel (XLSX)')}
          </a>
        </li>
      </ul>
    </section>
  );
}
