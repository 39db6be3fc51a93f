import { prefectureLocalGovCode } from '../../domain/local-gov-code.ts';
import { prefectureNamesEn, regions } from '../../domain/regions.ts';
import type { PageContext } from '../../views/context.ts';
import { ErrorSummary, FieldErrorMessage, type FieldError } from '../../views/components/error-summary.tsx';
import { pageCount, Pagination, resultRangeText } from '../../views/components/pagination.tsx';
import { formatCount } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { filterHref, kindFilters, type FilterInput, type MunicipalityFilter } from './form.ts';
import { pageSize, type LocalGovernment, type PrefectureOption } from './queries.ts';
import { TiesSection, projectFields, type MunicipalityTies } from '../registry/index.ts';
import { MunicipalityEventsSection, type Event } from '../events/index.ts';
import { PrBadge, PrSection, type PrPage } from '../pr/index.ts';

const kindNamesEn: Record<string, string> = {
  市: 'City',
  町: 'Town',
  村: 'Village',
  特別区: 'Special ward',
  政令指定都市: 'Designated city',
  都: 'Metropolis',
  道: 'Circuit',
  府: 'Urban prefecture',
  県: 'Prefecture',
};

export function kindLabel(ctx: PageContext, kind: string): string {
  return ctx.tFormat(kind, kindNamesEn[kind] ?? kind);
}

export function prefectureLabel(ctx: PageContext, prefectureCode: string, name: string): string {
  return ctx.lang === 'en' ? `${prefectureNamesEn[prefectureCode] ?? name} (${name})` : name;
}

function regionLabel(ctx: PageContext, regionId: string): string {
  const region = regions.find((r) => r.id === regionId);
  return region ? ctx.tFormat(region.nameJa, region.nameEn) : regionId;
}

export interface ListPageProps {
  ctx: PageContext;
  prefectures: PrefectureOption[];
  input: FilterInput;
  errors: FieldError[];
  result?: { filter: MunicipalityFilter; total: number; items: LocalGovernment[] };
  uncounted: Array<{ code: string; name: string }>;
}

export function MunicipalityListPage({ ctx, prefectures, input, errors, result, uncounted }: ListPageProps): JSX.Element {
  const title = ctx.t('全国の自治体', 'Local governments of Japan');
  const errorOf = (field: string) => errors.find((e) => e.field === `filter-${field}`)?.message;
  const describedBy = (field: string, hint?: boolean) =>
    [hint ? `filter-${field}-hint` : '', errorOf(field) ? `filter-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Layout
      ctx={ctx}
      title={errors.length > 0 ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title}
      section="municipalities"
      breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { label: title }]}
    >
      <h1 class="rk-heading-1">
        {title}
      </h1>
      <p class="rk-lead">
        {ctx.t(
          '全国の市区町村を、都道府県・区分で絞り込んだり、名称・よみがな・団体コードで検索したりできます。',
          'Filter municipalities by prefecture and kind, or search by name, reading or local government code.',
        )}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form class="rk-filter" action="/municipalities" method="get" role="search" aria-label={ctx.t('自治体の検索', 'Search municipalities')}>
        <div class="rk-field">
          <label class="rk-label" for="filter-q">
            {ctx.t('名称・よみがな・団体コード', 'Name, reading or code')}
          </label>
          <p id="filter-q-hint" class="rk-hint">
            {ctx.t('例：ちよだ、千代田区、131016。複数の語はスペースで区切ります。', 'e.g. ちよだ, 千代田区, 131016. Separate several words with spaces.')}
          </p>
          <FieldErrorMessage ctx={ctx} id="filter-q" message={errorOf('q')} />
          <input
            id="filter-q"
            class="rk-input"
            type="search"
            name="q"
            value={input.q}
            maxlength="200"
            aria-describedby={describedBy('q', true)}
            aria-invalid={errorOf('q') ? 'true' : undefined}
          />
        </div>
        <div class="rk-filter__row">
          <div class="rk-field">
            <label class="rk-label" for="filter-pref">
              {ctx.t('都道府県', 'Prefecture')}
            </label>
            <FieldErrorMessage ctx={ctx} id="filter-pref" message={errorOf('pref')} />
            <select id="filter-pref" class="rk-select" name="pref" aria-describedby={describedBy('pref')} aria-invalid={errorOf('pref') ? 'true' : undefined}>
              <option value="">{ctx.t('すべて', 'All')}</option>
              {regions.map((region) => (
                <optgroup label={ctx.tFormat(region.nameJa, region.nameEn)}>
                  {prefectures
                    .filter((p) => p.region === region.id)
                    .map((p) => (
                      <option value={p.prefectureCode} selected={p.prefectureCode === input.pref} safe>
                        {prefectureLabel(ctx, p.prefectureCode, p.name)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div class="rk-field">
            <label class="rk-label" for="filter-region">
              {ctx.t('地方', 'Region')}
            </label>
            <FieldErrorMessage ctx={ctx} id="filter-region" message={errorOf('region')} />
            <select id="filter-region" class="rk-select" name="region" aria-describedby={describedBy('region')} aria-invalid={errorOf('region') ? 'true' : undefined}>
              <option value="">{ctx.t('すべて', 'All')}</option>
              {regions.map((region) => (
                <option value={region.id} selected={region.id === input.region} safe>
                  {ctx.tFormat(region.nameJa, region.nameEn)}
                </option>
              ))}
            </select>
          </div>
          <div class="rk-field">
            <label class="rk-label" for="filter-kind">
              {ctx.t('区分', 'Kind')}
            </label>
            <FieldErrorMessage ctx={ctx} id="filter-kind" message={errorOf('kind')} />
            <select id="filter-kind" class="rk-select" name="kind" aria-describedby={describedBy('kind')} aria-invalid={errorOf('kind') ? 'true' : undefined}>
              <option value="">{ctx.t('すべて', 'All')}</option>
              {kindFilters.map((k) => (
                <option value={k} selected={k === input.kind} safe>
                  {kindLabel(ctx, k)}
                </option>
              ))}
            </select>
          </div>
          <div class="rk-field">
            <label class="rk-label" for="filter-field">
              {ctx.t('連携したい分野（PRページ）', 'Field for collaboration (PR page)')}
            </label>
            <FieldErrorMessage ctx={ctx} id="filter-field" message={errorOf('field')} />
            <select id="filter-field" class="rk-select" name="field" aria-describedby={describedBy('field')} aria-invalid={errorOf('field') ? 'true' : undefined}>
              <option value="">{ctx.t('すべて', 'All')}</option>
              {projectFields.map((f) => (
                <option value={String(f.number)} selected={String(f.number) === input.field} safe>
                  {ctx.tFormat(f.nameJa, f.nameEn)}
                </option>
              ))}
            </select>
          </div>
          <div class="rk-field">
            <label class="rk-label" for="filter-sort">
              {ctx.t('並び順', 'Order')}
            </label>
            <FieldErrorMessage ctx={ctx} id="filter-sort" message={errorOf('sort')} />
            <select id="filter-sort" class="rk-select" name="sort" aria-describedby={describedBy('sort')} aria-invalid={errorOf('sort') ? 'true' : undefined}>
              <option value="kana" selected={input.sort !== 'code'}>
                {ctx.t('五十音順', 'Japanese reading')}
              </option>
              <option value="code" selected={input.sort === 'code'}>
                {ctx.t('団体コード順', 'Code')}
              </option>
            </select>
          </div>
        </div>
        <div class="rk-choice">
          <input class="rk-choice__input" type="checkbox" id="filter-pr" name="pr" value="1" checked={input.pr === '1'} aria-describedby={errorOf('pr') ? 'filter-pr-error' : undefined} />
          <label class="rk-choice__label" for="filter-pr">
            {ctx.t('PRページあり', 'PR page')}
          </label>
          <FieldErrorMessage ctx={ctx} id="filter-pr" message={errorOf('pr')} />
        </div>
        {errorOf('page') ? (
          <div id="filter-page" tabindex="-1">
            <FieldErrorMessage ctx={ctx} id="filter-page" message={errorOf('page')} />
          </div>
        ) : (
          ''
        )}
        <div class="rk-filter__actions">
          <button class="rk-button" type="submit">
            {ctx.t('この条件で表示', 'Apply')}
          </button>
          <a class="rk-button rk-button--secondary" href="/municipalities">
            {ctx.t('条件をクリア', 'Clear')}
          </a>
        </div>
      </form>
      {result ? <Results ctx={ctx} result={result} /> : ''}
      {uncounted.length > 0 ? (
        <p class="rk-note">
          {ctx.t(
            '※ 北方領土の6村（',
            '* The six villages of the Northern Territories (',
          )}
          {uncounted.map((u, i) => (
            <>
              {i > 0 ? ctx.t('、', ', ') : ''}
              <a href={`/municipalities/${u.code}`} safe>
                {u.name}
              </a>
            </>
          ))}
          {ctx.t(
            '）は、団体コードが設定されていますが行政権が及んでいないため、一覧と件数に含めていません。',
            ') have codes but are outside Japan’s administration, so they are not listed or counted.',
          )}
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

function Results({ ctx, result }: { ctx: PageContext; result: NonNullable<ListPageProps['result']> }): JSX.Element {
  const { filter, total, items } = result;
  const pages = pageCount(total, pageSize);
  const status = resultRangeText(ctx, total, filter.page, pageSize, ctx.t('条件に合う自治体はありません。', 'No municipality matches.'));
  return (
    <section class="rk-section" aria-labelledby="results-title">
      <h2 id="results-title" class="rk-heading-2">
        {ctx.t('検索結果', 'Results')}
      </h2>
      <p class="rk-result-count" role="status" safe>
        {status}
      </p>
      {items.length > 0 ? (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('自治体の一覧', 'List of municipalities')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('団体コード', 'Code')}</th>
                <th scope="col">{ctx.t('名称（よみがな）', 'Name (reading)')}</th>
                <th scope="col">{ctx.t('都道府県', 'Prefecture')}</th>
                <th scope="col">{ctx.t('区分', 'Kind')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr>
                  <td class="rk-table__code" safe>
                    {m.code}
                  </td>
                  <td>
                    <a href={`/municipalities/${m.code}`} safe>
                      {m.name}
                    </a>
                    <span class="rk-kana" safe>
                      （{m.kana}）
                    </span>
                    {m.hasPr ? <PrBadge ctx={ctx} /> : ''}
                  </td>
                  <td safe>{prefectureLabel(ctx, m.prefectureCode, m.prefectureName)}</td>
                  <td>
                    <span safe>{kindLabel(ctx, m.kind)}</span>
                    {m.isDesignatedCity ? (
                      <span class="rk-badge">{ctx.t('政令指定都市', 'Designated city')}</span>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={filter.page} pages={pages} hrefFor={(p) => filterHref({ ...filter, page: p })} />
    </section>
  );
}

export interface DetailPageProps {
  ctx: PageContext;
  government: LocalGovernment;
  /** For a prefecture: its municipalities by kind. */
  counts?: Record<string, number>;
  /** Every tie with the wards (from the registry module). */
  ties?: MunicipalityTies;
  prefectureNames?: ReadonlyMap<string, string>;
  /** The municipality's own PR page, when the public may see it. */
  pr?: PrPage;
  /** Its upcoming events (municipalities only). */
  events?: readonly Event[];
}

export function LocalGovernmentPage({ ctx, government: g, counts, ties, prefectureNames, pr, events }: DetailPageProps): JSX.Element {
  const listTitle = ctx.t('全国の自治体', 'Local governments of Japan');
  const isPrefecture = g.level === 'prefecture';
  const crumbs: Array<{ href: string; label: string }> = [
    { href: '/', label: ctx.t('トップ', 'Home') },
    { href: '/municipalities', label: listTitle },
  ];
  if (!isPrefecture) crumbs.push({ href: prefectureHref(g.prefectureCode), label: prefectureLabel(ctx, g.prefectureCode, g.prefectureName) });
  return (
    <Layout ctx={ctx} title={g.name} section="municipalities" breadcrumbs={[...crumbs, { label: g.name }]}>
      <h1 class="rk-heading-1">
        <ruby>
          <span safe>{g.name}</span>
          <rp>（</rp>
          <rt safe>{g.kana}</rt>
          <rp>）</rp>
        </ruby>
      </h1>
      {g.note ? (
        <p class="rk-note" safe>
          {g.note}
        </p>
      ) : (
        ''
      )}
      <dl class="rk-facts">
        <div class="rk-facts__row">
          <dt>{ctx.t('よみがな', 'Reading')}</dt>
          <dd safe>{g.kana}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('全国地方公共団体コード', 'Local government code')}</dt>
          <dd class="rk-table__code" safe>
            {g.code}
          </dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('区分', 'Kind')}</dt>
          <dd>
            <span safe>{isPrefecture ? ctx.t('都道府県', 'Prefecture') : kindLabel(ctx, g.kind)}</span>
            {g.isDesignatedCity ? <span class="rk-badge">{ctx.t('政令指定都市', 'Designated city')}</span> : ''}
          </dd>
        </div>
        {isPrefecture ? (
          ''
        ) : (
          <div class="rk-facts__row">
            <dt>{ctx.t('都道府県', 'Prefecture')}</dt>
            <dd>
              <a href={prefectureHref(g.prefectureCode)} safe>
                {prefectureLabel(ctx, g.prefectureCode, g.prefectureName)}
              </a>
            </dd>
          </div>
        )}
        <div class="rk-facts__row">
          <dt>{ctx.t('地方', 'Region')}</dt>
          <dd safe>{regionLabel(ctx, g.region)}</dd>
        </div>
      </dl>
      {isPrefecture && counts ? (
        <section class="rk-section" aria-labelledby="pref-municipalities">
          <h2 id="pref-municipalities" class="rk-heading-2">
            {ctx.t('管内の市区町村', 'Municipalities in this prefecture')}
          </h2>
          <p safe>
            {Object.entries(counts)
              .map(([kind, n]) => `${kindLabel(ctx, kind)} ${formatCount(n)}`)
              .join(ctx.t('・', ', '))}
          </p>
          <p>
            <a class="rk-link-arrow" href={filterHref({ q: '', pref: g.prefectureCode, kind: '', region: '', field: null, pr: false, sort: 'kana' })} safe>
              {ctx.tFormat(`${g.name}の市区町村の一覧`, `List of municipalities in ${prefectureNamesEn[g.prefectureCode] ?? g.name}`)}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
      {pr ? <PrSection ctx={ctx} page={pr} name={g.name} /> : ''}
      {events ? <MunicipalityEventsSection ctx={ctx} events={events} code={g.code} name={g.name} /> : ''}
      {ties ? <TiesSection ctx={ctx} government={g} ties={ties} prefectureNames={prefectureNames ?? new Map()} /> : ''}
    </Layout>
  );
}

/** A prefecture's own page, e.g. /municipalities/130001 for 東京都. */
function prefectureHref(prefectureCode: string): string {
  return `/municipalities/${prefectureLocalGovCode(prefectureCode)}`;
}
