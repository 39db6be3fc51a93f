// The public ledger pages of 連携の状況: 広域連携 (and each group's members), 地域別の交流, 企業との連携,
// 被災地支援 and 事業計画と進捗. Pages are pure functions of the data the routes load.
import type { Children } from '@kitajs/html';
import type { Provenance } from '../../db/schema.ts';
import { summariseSupport, formatYen, formatYenEnglish, supportKindLabels, type SupportSummary } from '../../domain/disaster-support.ts';
import { fiscalYearOf } from '../../domain/fiscal-year.ts';
import { prefectureLocalGovCode } from '../../domain/local-gov-code.ts';
import { prefectureNamesEn } from '../../domain/regions.ts';
import { PUBLISHED_AS_OF } from '../../domain/wide-area-groups.ts';
import type { PageContext } from '../../views/context.ts';
import { formatCount, formatDate } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import {
  eraFiscalYearLabel,
  fiscalYearLabel,
  formatDateWithPrecision,
  groupKindLabel,
  groupRuleLabel,
  linesOf,
  linkableUrl,
  municipalityKindLabel,
  namesOf,
  planStatuses,
  planStatusLabel,
} from './format.ts';
import type {
  CompanyAgreementView,
  DisasterView,
  GroupExceptionView,
  Municipality,
  PlanItemView,
  RegionalExchangeView,
  SupportLineView,
  WideAreaGroupView,
} from './queries.ts';

// ─── shared pieces ─────────────────────────────────────────────────────────────────────────────

type LedgerPageId = 'wide-area' | 'regions' | 'companies' | 'disaster-support' | 'plan';

function ledgerPages(ctx: PageContext): Array<{ id: LedgerPageId; href: string; label: string }> {
  return [
    { id: 'wide-area', href: '/collaboration/wide-area', label: ctx.t('広域連携', 'Wide-area agreements') },
    { id: 'regions', href: '/collaboration/regions', label: ctx.t('地域別の交流', 'Regional exchanges') },
    { id: 'companies', href: '/collaboration/companies', label: ctx.t('企業との連携', 'Company agreements') },
    { id: 'disaster-support', href: '/collaboration/disaster-support', label: ctx.t('被災地支援', 'Disaster support') },
    { id: 'plan', href: '/collaboration/plan', label: ctx.t('事業計画と進捗', 'Plan and progress') },
  ];
}

interface LedgerLayoutProps {
  ctx: PageContext;
  page: LedgerPageId;
  title: string;
  /** Crumbs between 連携の状況 and the page itself (the group page adds 広域連携). */
  middle?: Array<{ href: string; label: string }>;
  children?: Children;
}

function LedgerLayout({ ctx, page, title, middle = [], children }: LedgerLayoutProps): JSX.Element {
  const pages = ledgerPages(ctx);
  return (
    <Layout
      ctx={ctx}
      title={title}
      section="collaboration"
      breadcrumbs={[
        { href: '/', label: ctx.t('トップ', 'Home') },
        { href: '/collaboration', label: ctx.t('連携の状況', 'Collaboration') },
        ...middle,
        { label: title },
      ]}
    >
      {children}
      <nav class="rk-section" aria-labelledby="ledger-nav-title">
        <h2 id="ledger-nav-title" class="rk-heading-2">
          {ctx.t('連携の状況のページ', 'More about the collaboration')}
        </h2>
        <ul>
          <li>
            <a href="/collaboration">{ctx.t('連携の状況（数値と地図）', 'Collaboration: figures and map')}</a>
          </li>
          {pages.map((p) => (
            <li>
              <a href={p.href} aria-current={p.id === page && middle.length === 0 ? 'page' : undefined} safe>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </Layout>
  );
}

function Empty({ ctx }: { ctx: PageContext }): JSX.Element {
  return <p class="rk-note">{ctx.t('登録されている記録はありません。', 'No records have been registered.')}</p>;
}

function SampleBadge({ ctx, provenance }: { ctx: PageContext; provenance: Provenance }): JSX.Element {
  return provenance === 'sample' ? <span class="rk-badge">{ctx.t('サンプル', 'Sample')}</span> : '';
}

/**
 * 「出典（www.example.jp）」, for http(s) addresses only; anything else is shown as text. In a table
 * row the short 「出典」 is enough: the row's header says whose source it is.
 */
function SourceLink({ ctx, url, short = false }: { ctx: PageContext; url: string | null; short?: boolean }): JSX.Element {
  if (!url) return '';
  const parsed = linkableUrl(url);
  if (!parsed) {
    return (
      <span>
        {ctx.t('出典：', 'Source: ')}
        <span safe>{url}</span>
      </span>
    );
  }
  if (short) return <a href={parsed.href}>{ctx.t('出典', 'Source')}</a>;
  return (
    <a href={parsed.href} safe>
      {ctx.tFormat(`出典（${parsed.hostname}）`, `Source (${parsed.hostname})`)}
    </a>
  );
}

function SampleNote({ ctx, shown }: { ctx: PageContext; shown: boolean }): JSX.Element {
  if (!shown) return '';
  return (
    <p class="rk-note">
      {ctx.t(
        '「サンプル」の印がある記録は、画面の確認用に作成した見本で、実際の記録ではありません。',
        'Records marked “Sample” are examples made to try out the pages; they are not real records.',
      )}
    </p>
  );
}

/** A record's notes, folded (they are often long source citations); works without JavaScript. */
function Notes({ ctx, text }: { ctx: PageContext; text: string }): JSX.Element {
  const lines = linesOf(text);
  if (lines.length === 0) return '';
  return (
    <details>
      <summary>{ctx.t('備考', 'Notes')}</summary>
      <ul>
        {lines.map((line) => (
          <li safe>{line}</li>
        ))}
      </ul>
    </details>
  );
}

function MunicipalityName({ m }: { m: Pick<Municipality, 'code' | 'name' | 'kana'> }): JSX.Element {
  return (
    <>
      <a href={`/municipalities/${m.code}`} safe>
        {m.name}
      </a>
      {m.kana ? (
        <span class="rk-kana" safe>
          （{m.kana}）
        </span>
      ) : (
        ''
      )}
    </>
  );
}

function Downloads({ ctx, base, label }: { ctx: PageContext; base: string; label: string }): JSX.Element {
  return (
    <section class="rk-section" aria-labelledby="downloads-title">
      <h2 id="downloads-title" class="rk-heading-2">
        {ctx.t('データのダウンロード', 'Download the data')}
      </h2>
      <p safe>{label}</p>
      <ul>
        <li>
          <a href={`${base}.csv`}>
            {ctx.t('CSV形式（UTF-8、BOM付き）', 'CSV (UTF-8 with BOM)')}
          </a>
        </li>
        <li>
          <a href={`${base}.xlsx`}>
            {ctx.t('Excel形式（XLSX）', 'Excel (XLSX)')}
          </a>
        </li>
      </ul>
    </section>
  );
}

function prefectureLabel(ctx: PageContext, code: string, name: string): string {
  return ctx.lang === 'en' ? `${prefectureNamesEn[code] ?? name} (${name})` : name;
}

function countText(ctx: PageContext, n: number, unitJa: string, unitEn: string): string {
  return ctx.tFormat(`${formatCount(n)}${unitJa}`, `${formatCount(n)} ${unitEn}`);
}

// ─── 広域連携 ───────────────────────────────────────────────────────────────────────────────────

export interface WideAreaPageProps {
  ctx: PageContext;
  groups: WideAreaGroupView[];
}

export function WideAreaPage({ ctx, groups }: WideAreaPageProps): JSX.Element {
  const title = ctx.t('広域連携', 'Wide-area agreements');
  const prefectureCount = new Set(groups.map((g) => g.prefectureCode)).size;
  const derivedTotal = new Set(groups.flatMap((g) => g.memberCodes)).size;
  const published = groups.map((g) => g.publishedMemberCount);
  const publishedTotal = published.every((n) => n !== null) ? published.reduce<number>((s, n) => s + (n ?? 0), 0) : null;
  const publishedAsOf = formatDate(ctx, PUBLISHED_AS_OF);
  const groupsText = ctx.tFormat(`${formatCount(groups.length)}団体・${formatCount(prefectureCount)}道府県`, `${groups.length} associations in ${prefectureCount} prefectures`);
  return (
    <LedgerLayout ctx={ctx} page="wide-area" title={title}>
      <h1 class="rk-heading-1">{title}</h1>
      <p class="rk-lead">
        {ctx.t(
          '特別区長会は、道府県の市長会・町村会と「広域連携協定」を結び、その構成市町村と連携しています。協定は締結から1年間有効で、どちらからも申し出がなければ1年ごとに自動更新されます。',
          'The Special Ward Mayors’ Association has signed wide-area agreements with prefectural associations of mayors, and works with their member municipalities. Each agreement runs for one year and is renewed automatically every year unless either side objects.',
        )}
      </p>
      {groups.length === 0 ? (
        <Empty ctx={ctx} />
      ) : (
        <>
          <ul class="rk-figures">
            <li class="rk-figures__item">
              <span class="rk-figures__label">{ctx.t('協定締結団体', 'Associations with an agreement')}</span>
              <span>
                <span class="rk-figures__value" safe>
                  {formatCount(groups.length)}
                </span>
                <span class="rk-figures__unit" safe>
                  {ctx.tFormat(`団体（${formatCount(prefectureCount)}道府県）`, `in ${prefectureCount} prefectures`)}
                </span>
              </span>
            </li>
            <li class="rk-figures__item">
              <span class="rk-figures__label">{ctx.t('構成自治体数（自治体マスタから導出）', 'Member municipalities (derived from the master data)')}</span>
              <span>
                <span class="rk-figures__value" safe>
                  {formatCount(derivedTotal)}
                </span>
                <span class="rk-figures__unit">{ctx.t('自治体', 'municipalities')}</span>
              </span>
            </li>
            {publishedTotal !== null ? (
              <li class="rk-figures__item">
                <span class="rk-figures__label" safe>
                  {ctx.tFormat(`公表値（パンフレット、${publishedAsOf}現在）`, `Published (pamphlet, as of ${publishedAsOf})`)}
                </span>
                <span>
                  <span class="rk-figures__value" safe>
                    {formatCount(publishedTotal)}
                  </span>
                  <span class="rk-figures__unit">{ctx.t('自治体', 'municipalities')}</span>
                </span>
              </li>
            ) : (
              ''
            )}
          </ul>
          <p safe>
            {ctx.tFormat(
              `特別区長会と広域連携協定を結んでいるのは、${groupsText}の市長会・町村会で、構成自治体は合わせて${formatCount(derivedTotal)}自治体です。`,
              `Agreements are in force with ${groupsText}, whose members number ${formatCount(derivedTotal)} municipalities in all.`,
            )}
          </p>
          <section class="rk-section" aria-labelledby="region-word-title">
            <h2 id="region-word-title" class="rk-heading-2">
              {ctx.t('「13地域」という言い方について', 'About the phrase “13 regions”')}
            </h2>
            <p>
              {ctx.t(
                'プロジェクトの資料では「13地域372自治体」のように「地域」と書くことがありますが、この「地域」は協定を結んだ団体（市長会・町村会）のことです。たとえば京都府には京都府市長会と京都府町村会の2団体があります。このため、このサイトでは団体の数と道府県の数を分けて「13団体・9道府県」と表します。',
                'The project’s publications speak of “13 regions”, meaning the 13 associations (of city mayors, or of town and village mayors) that signed an agreement; Kyoto, for example, has two. This site therefore counts associations and prefectures separately: 13 associations in 9 prefectures.',
              )}
            </p>
          </section>
          <section class="rk-section" aria-labelledby="groups-title">
            <h2 id="groups-title" class="rk-heading-2">
              {ctx.t('協定締結団体の一覧', 'The associations')}
            </h2>
            <p safe>
              {ctx.tFormat(
                `「構成自治体数」は自治体マスタから導いた現在の数、「公表値」はパンフレット（${publishedAsOf}現在）の数です。`,
                `“Members” is derived from the master data as it is now; “Published” is the pamphlet’s figure as of ${publishedAsOf}.`,
              )}
            </p>
            <div class="rk-table-wrap" role="region" aria-labelledby="groups-title" tabindex="0">
              <table class="rk-table">
                <caption class="rk-visually-hidden">{ctx.t('広域連携協定の締結団体', 'Associations with a wide-area agreement')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{ctx.t('団体名', 'Association')}</th>
                    <th scope="col">{ctx.t('都道府県', 'Prefecture')}</th>
                    <th scope="col">{ctx.t('区分', 'Kind')}</th>
                    <th scope="col">{ctx.t('協定締結日', 'Signed on')}</th>
                    <th scope="col">{ctx.t('協定期間', 'Term')}</th>
                    <th scope="col">{ctx.t('構成自治体数', 'Members')}</th>
                    <th scope="col">{ctx.t('公表値', 'Published')}</th>
                    <th scope="col">{ctx.t('出典', 'Source')}</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((g) => (
                    <tr>
                      <th scope="row">
                        <a href={`/collaboration/wide-area/${encodeURIComponent(g.id)}`} safe>
                          {g.name}
                        </a>
                        <SampleBadge ctx={ctx} provenance={g.provenance} />
                      </th>
                      <td safe>{prefectureLabel(ctx, g.prefectureCode, g.prefectureName)}</td>
                      <td safe>{groupKindLabel(ctx, g.kind)}</td>
                      <td safe>{formatDateWithPrecision(ctx, g.signedOn, g.signedOnPrecision)}</td>
                      <td>{g.autoRenewal ? ctx.t('1年ごとの自動更新', 'Renewed every year') : ctx.t('自動更新なし', 'Not renewed automatically')}</td>
                      <td>
                        <span safe>{formatCount(g.memberCodes.length)}</span>
                        {g.publishedMemberCount !== null && g.publishedMemberCount !== g.memberCodes.length ? (
                          <span class="rk-badge">{ctx.t('公表値と異なる', 'Differs from published')}</span>
                        ) : (
                          ''
                        )}
                      </td>
                      <td safe>{g.publishedMemberCount === null ? '—' : formatCount(g.publishedMemberCount)}</td>
                      <td>
                        <SourceLink ctx={ctx} url={g.sourceUrl} short />
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colspan="5">
                      {ctx.t('合計（重複を除く）', 'Total (without duplicates)')}
                    </th>
                    <td safe>{formatCount(derivedTotal)}</td>
                    <td safe>{publishedTotal === null ? '—' : formatCount(publishedTotal)}</td>
                    <td></td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
          <section class="rk-section" aria-labelledby="derivation-title">
            <h2 id="derivation-title" class="rk-heading-2">
              {ctx.t('構成自治体数の出し方', 'How the member counts are obtained')}
            </h2>
            <p>
              {ctx.t(
                '構成自治体は、全国地方公共団体コードの自治体マスタから規則で導いています。市長会はその道府県の市（政令指定都市を含む）、町村会はその道府県の町と村です。規則に当てはまらない加入・脱退があれば「例外」として理由とともに記録します。市町村合併が自治体マスタに反映されると、構成自治体数も自動的に変わります。',
                'Members are derived from the master data of local government codes by rule: an association of city mayors has the prefecture’s cities (designated cities included); an association of town and village mayors has its towns and villages. Departures from the rule are recorded as exceptions, with their reason. When a merger reaches the master data, the counts follow.',
              )}
            </p>
            <p class="rk-note">
              {ctx.t(
                'パンフレット（2022年3月1日現在）の「特別区長会との広域連携協定締結団体」の表では、構成自治体数の列がセルの結合によって行とずれています。たとえば京都府市長会の行には「26」とありますが、京都府市長会の構成市は15市です。26は京都府の15市と11町村を合わせた数です。そのため、このページでは表の数を写さず、団体ごとの市町村数を自治体マスタから導いています。合計はパンフレットの372と一致します。',
                'In the pamphlet (as of 1 March 2022), the member-count column of the table of associations is shifted against the rows by merged cells: the row of the Kyoto association of city mayors reads 26, but it has 15 cities; 26 is Kyoto’s 15 cities and 11 towns and villages together. This page therefore derives each association’s count instead of copying the table. The total matches the pamphlet’s 372.',
              )}
            </p>
          </section>
          <SampleNote ctx={ctx} shown={groups.some((g) => g.provenance === 'sample')} />
          <Downloads
            ctx={ctx}
            base="/collaboration/wide-area"
            label={ctx.t('協定締結団体の一覧（1団体1行、構成自治体数は導出値と公表値）。', 'The associations, one per row, with derived and published member counts.')}
          />
        </>
      )}
    </LedgerLayout>
  );
}

export interface WideAreaGroupPageProps {
  ctx: PageContext;
  group: WideAreaGroupView;
  members: Municipality[];
  exceptions: GroupExceptionView[];
}

export function WideAreaGroupPage({ ctx, group: g, members, exceptions }: WideAreaGroupPageProps): JSX.Element {
  const wideArea = ctx.t('広域連携', 'Wide-area agreements');
  const prefectureNameEn = prefectureNamesEn[g.prefectureCode] ?? g.prefectureName;
  const base = `/collaboration/wide-area/${encodeURIComponent(g.id)}`;
  return (
    <LedgerLayout ctx={ctx} page="wide-area" title={g.name} middle={[{ href: '/collaboration/wide-area', label: wideArea }]}>
      <h1 class="rk-heading-1">
        <span safe>{g.name}</span>
        <SampleBadge ctx={ctx} provenance={g.provenance} />
      </h1>
      <dl class="rk-facts">
        <div class="rk-facts__row">
          <dt>{ctx.t('都道府県', 'Prefecture')}</dt>
          <dd>
            <a href={`/municipalities/${prefectureLocalGovCode(g.prefectureCode)}`} safe>
              {prefectureLabel(ctx, g.prefectureCode, g.prefectureName)}
            </a>
          </dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('区分', 'Kind')}</dt>
          <dd safe>{groupKindLabel(ctx, g.kind)}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('協定締結日', 'Signed on')}</dt>
          <dd safe>{formatDateWithPrecision(ctx, g.signedOn, g.signedOnPrecision)}</dd>
        </div>
        {g.signedOn ? (
          <div class="rk-facts__row">
            <dt>{ctx.t('締結年度', 'Fiscal year signed')}</dt>
            <dd safe>{fiscalYearLabel(ctx, fiscalYearOf(g.signedOn))}</dd>
          </div>
        ) : (
          ''
        )}
        <div class="rk-facts__row">
          <dt>{ctx.t('協定期間', 'Term')}</dt>
          <dd>{g.autoRenewal ? ctx.t('1年ごとの自動更新', 'One year, renewed automatically every year') : ctx.t('自動更新なし', 'Not renewed automatically')}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('構成自治体', 'Members')}</dt>
          <dd>
            <span safe>
              {ctx.tFormat(
                `${groupRuleLabel(ctx, g.kind, g.prefectureName, prefectureNameEn)}（自治体マスタから導出）：${formatCount(members.length)}自治体`,
                `${groupRuleLabel(ctx, g.kind, g.prefectureName, prefectureNameEn)} (derived from the master data): ${formatCount(members.length)}`,
              )}
            </span>
            {g.publishedMemberCount !== null ? (
              <span class="rk-muted" safe>
                {ctx.tFormat(
                  `（公表値 ${formatCount(g.publishedMemberCount)}、${formatDate(ctx, PUBLISHED_AS_OF)}現在）`,
                  ` (published: ${formatCount(g.publishedMemberCount)}, as of ${formatDate(ctx, PUBLISHED_AS_OF)})`,
                )}
              </span>
            ) : (
              ''
            )}
          </dd>
        </div>
        {g.sourceUrl ? (
          <div class="rk-facts__row">
            <dt>{ctx.t('出典', 'Source')}</dt>
            <dd>
              <SourceLink ctx={ctx} url={g.sourceUrl} />
            </dd>
          </div>
        ) : (
          ''
        )}
        {linesOf(g.notes).length > 0 ? (
          <div class="rk-facts__row">
            <dt>{ctx.t('備考', 'Notes')}</dt>
            <dd>
              <ul>
                {linesOf(g.notes).map((line) => (
                  <li safe>{line}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : (
          ''
        )}
      </dl>
      <section class="rk-section" aria-labelledby="members-title">
        <h2 id="members-title" class="rk-heading-2">
          {ctx.t('構成自治体', 'Member municipalities')}
        </h2>
        {members.length === 0 ? (
          <Empty ctx={ctx} />
        ) : (
          <div class="rk-table-wrap" role="region" aria-labelledby="members-title" tabindex="0">
            <table class="rk-table">
              <caption class="rk-visually-hidden" safe>
                {ctx.tFormat(`${g.name}の構成自治体（五十音順）`, `Members of ${g.name}, in Japanese reading order`)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{ctx.t('団体コード', 'Code')}</th>
                  <th scope="col">{ctx.t('名称（よみがな）', 'Name (reading)')}</th>
                  <th scope="col">{ctx.t('区分', 'Kind')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr>
                    <td class="rk-table__code" safe>
                      {m.code}
                    </td>
                    <td>
                      <MunicipalityName m={m} />
                    </td>
                    <td safe>{municipalityKindLabel(ctx, m.kind)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="rk-section" aria-labelledby="exceptions-title">
        <h2 id="exceptions-title" class="rk-heading-2">
          {ctx.t('規則の例外', 'Exceptions to the rule')}
        </h2>
        {exceptions.length === 0 ? (
          <p class="rk-muted">{ctx.t('例外の記録はありません。', 'No exception is recorded.')}</p>
        ) : (
          <ul>
            {exceptions.map((e) => (
              <li>
                <MunicipalityName m={e} />
                <span class="rk-badge">{e.change === 'add' ? ctx.t('規則外で加入', 'Added') : ctx.t('規則に当てはまるが不参加', 'Removed')}</span>
                {e.note ? <span safe>{ctx.tFormat(`：${e.note}`, `: ${e.note}`)}</span> : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Downloads
        ctx={ctx}
        base={base}
        label={ctx.tFormat(`${g.name}の構成自治体の一覧（1自治体1行）。`, `The members of ${g.name}, one per row.`)}
      />
      <p>
        <a class="rk-link-arrow" href="/collaboration/wide-area">
          {ctx.t('広域連携の一覧へ戻る', 'Back to the wide-area agreements')}
        </a>
      </p>
    </LedgerLayout>
  );
}

// ─── 地域別の交流 ─────────────────────────────────────────────────────────────────────────────

export function RegionsPage({ ctx, exchanges }: { ctx: PageContext; exchanges: RegionalExchangeView[] }): JSX.Element {
  const title = ctx.t('地域別の交流', 'Regional exchanges');
  return (
    <LedgerLayout ctx={ctx} page="regions" title={title}>
      <h1 class="rk-heading-1">{title}</h1>
      <p class="rk-lead">
        {ctx.t(
          '北海道の振興局の地域など、いくつかの市町村がまとまった地域と特別区が、地域単位で交流しています。',
          'Some special wards have an exchange with a whole region, such as a subprefecture of Hokkaido, made up of several municipalities.',
        )}
      </p>
      {exchanges.length === 0 ? <Empty ctx={ctx} /> : ''}
      {exchanges.length > 0 ? (
        <ul>
          {exchanges.map((x) => (
            <li>
              <a href={`#exchange-${x.id}`} safe>
                {`${x.regionName} ↔ ${x.wardName}`}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {exchanges.map((x) => {
        const activities = linesOf(x.activities);
        return (
          <section class="rk-section" aria-labelledby={`exchange-${x.id}`}>
            <h2 id={`exchange-${x.id}`} class="rk-heading-2">
              <span safe>{`${x.regionName} ↔ ${x.wardName}`}</span>
              <SampleBadge ctx={ctx} provenance={x.provenance} />
            </h2>
            <dl class="rk-facts">
              <div class="rk-facts__row">
                <dt>{ctx.t('地域', 'Region')}</dt>
                <dd safe>{`${x.regionName}（${prefectureLabel(ctx, x.prefectureCode, x.prefectureName)}）`}</dd>
              </div>
              <div class="rk-facts__row">
                <dt>{ctx.t('特別区', 'Special ward')}</dt>
                <dd>
                  <a href={`/wards/${x.wardCode}`} safe>
                    {x.wardName}
                  </a>
                </dd>
              </div>
              <div class="rk-facts__row">
                <dt>{ctx.t('交流の開始', 'Since')}</dt>
                <dd safe>{x.startedFiscalYear === null ? ctx.t('不明', 'Unknown') : fiscalYearLabel(ctx, x.startedFiscalYear)}</dd>
              </div>
              {x.endedOn ? (
                <div class="rk-facts__row">
                  <dt>{ctx.t('交流の終了', 'Ended on')}</dt>
                  <dd safe>{formatDate(ctx, x.endedOn)}</dd>
                </div>
              ) : (
                ''
              )}
              {x.councilName ? (
                <div class="rk-facts__row">
                  <dt>{ctx.t('推進組織', 'Council')}</dt>
                  <dd safe>{x.councilName}</dd>
                </div>
              ) : (
                ''
              )}
              {activities.length > 0 ? (
                <div class="rk-facts__row">
                  <dt>{ctx.t('主な活動', 'Main activities')}</dt>
                  <dd>
                    <ul>
                      {activities.map((a) => (
                        <li safe>{a}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : (
                ''
              )}
              <div class="rk-facts__row">
                <dt safe>{ctx.tFormat(`構成市町村（${formatCount(x.members.length)}）`, `Municipalities (${formatCount(x.members.length)})`)}</dt>
                <dd>
                  {x.members.length === 0 ? (
                    <span class="rk-muted">{ctx.t('記録されていません', 'Not recorded')}</span>
                  ) : (
                    <ul>
                      {x.members.map((m) => (
                        <li>
                          <MunicipalityName m={m} />
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
              {x.sourceUrl ? (
                <div class="rk-facts__row">
                  <dt>{ctx.t('出典', 'Source')}</dt>
                  <dd>
                    <SourceLink ctx={ctx} url={x.sourceUrl} />
                  </dd>
                </div>
              ) : (
                ''
              )}
            </dl>
            <Notes ctx={ctx} text={x.notes} />
          </section>
        );
      })}
      <SampleNote ctx={ctx} shown={exchanges.some((x) => x.provenance === 'sample')} />
    </LedgerLayout>
  );
}

// ─── 企業との連携 ─────────────────────────────────────────────────────────────────────────────

export function CompaniesPage({ ctx, companies }: { ctx: PageContext; companies: CompanyAgreementView[] }): JSX.Element {
  const title = ctx.t('企業との連携', 'Company agreements');
  return (
    <LedgerLayout ctx={ctx} page="companies" title={title}>
      <h1 class="rk-heading-1">{title}</h1>
      <p class="rk-lead">
        {ctx.t(
          '特別区長会は、プロジェクトの趣旨に賛同し、ともに取り組みたいと申し出のあった企業と包括連携協定を結んでいます。',
          'The Special Ward Mayors’ Association signs comprehensive partnership agreements with companies that support the project and offer to work with it.',
        )}
      </p>
      {companies.length === 0 ? (
        <Empty ctx={ctx} />
      ) : (
        <div class="rk-table-wrap" role="region" aria-labelledby="companies-caption" tabindex="0">
          <table class="rk-table">
            <caption id="companies-caption" class="rk-visually-hidden">
              {ctx.t('協定締結企業の一覧（締結日順）', 'Companies with an agreement, by date signed')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('締結企業名', 'Company')}</th>
                <th scope="col">{ctx.t('締結年月日', 'Signed on')}</th>
                <th scope="col">{ctx.t('主な取組み', 'Main activities')}</th>
                <th scope="col">{ctx.t('出典', 'Source')}</th>
              </tr>
            </thead>
            <tbody>
              {companies.map((c) => {
                const activities = linesOf(c.activities);
                return (
                  <tr>
                    <th scope="row">
                      <span safe>{c.companyName}</span>
                      <SampleBadge ctx={ctx} provenance={c.provenance} />
                      {c.formerName ? (
                        <span class="rk-kana" safe>
                          {ctx.tFormat(`（旧：${c.formerName}）`, ` (formerly ${c.formerName})`)}
                        </span>
                      ) : (
                        ''
                      )}
                    </th>
                    <td safe>{formatDateWithPrecision(ctx, c.signedOn, c.signedOnPrecision)}</td>
                    <td>
                      {activities.length === 0 ? (
                        '—'
                      ) : (
                        <ul>
                          {activities.map((a) => (
                            <li safe>{a}</li>
                          ))}
                        </ul>
                      )}
                      <Notes ctx={ctx} text={c.notes} />
                    </td>
                    <td>
                      <SourceLink ctx={ctx} url={c.sourceUrl} short />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <SampleNote ctx={ctx} shown={companies.some((c) => c.provenance === 'sample')} />
    </LedgerLayout>
  );
}

// ─── 被災地支援 ───────────────────────────────────────────────────────────────────────────────

function yenText(ctx: PageContext, yen: number): string {
  return ctx.lang === 'en' ? formatYenEnglish(yen) : formatYen(yen);
}

function asOfText(ctx: PageContext, asOf: string | null): string {
  if (!asOf) return ctx.t('時点の記録なし', 'date not recorded');
  return ctx.tFormat(`${formatDate(ctx, asOf)}現在`, `as of ${formatDate(ctx, asOf)}`);
}

function SupportLineItem({ ctx, line }: { ctx: PageContext; line: SupportLineView }): JSX.Element {
  const label = supportKindLabels[line.kind];
  const recipients = namesOf(line.recipients);
  let detail: string;
  if (line.kind === 'staff') {
    detail =
      line.staffCount === null
        ? ctx.t('人数の記録なし', 'number not recorded')
        : ctx.tFormat(`${formatCount(line.staffCount)}人（${asOfText(ctx, line.asOf)}）`, `${formatCount(line.staffCount)} (${asOfText(ctx, line.asOf)})`);
  } else if (line.kind === 'goods') {
    detail = linesOf(line.goods).join(ctx.t('、', ', '));
  } else {
    detail = line.amountYen === null ? ctx.t('金額の記録なし', 'amount not recorded') : yenText(ctx, line.amountYen);
  }
  return (
    <li>
      <strong safe>{ctx.tFormat(label.ja, label.en)}</strong>
      {detail ? <span safe>{ctx.tFormat(`：${detail}`, `: ${detail}`)}</span> : ''}
      {recipients.length > 0 ? <span safe>{ctx.tFormat(`（${recipients.join('／')}）`, ` (${recipients.join(' / ')})`)}</span> : ''}
      {line.isJoint ? <span class="rk-badge">{ctx.t('23区共同', 'All 23 wards')}</span> : ''}
      <SampleBadge ctx={ctx} provenance={line.provenance} />
      {line.kind === 'staff' ? <Notes ctx={ctx} text={line.notes} /> : ''}
      {line.sourceUrl ? (
        <>
          {' '}
          <SourceLink ctx={ctx} url={line.sourceUrl} short />
        </>
      ) : (
        ''
      )}
    </li>
  );
}

function asOfDate(ctx: PageContext, asOf: string | null): string {
  return asOf ? formatDate(ctx, asOf) : ctx.t('不明', 'Unknown');
}

function occurredText(ctx: PageContext, d: DisasterView): string {
  return formatDateWithPrecision(ctx, d.occurredOn, d.occurredOnPrecision);
}

export function DisasterSupportPage({ ctx, disasters }: { ctx: PageContext; disasters: DisasterView[] }): JSX.Element {
  const title = ctx.t('被災地支援', 'Disaster support');
  const summary: SupportSummary = summariseSupport(
    disasters.flatMap((d) => d.lines.map((l) => ({ disasterId: d.id, kind: l.kind, amountYen: l.amountYen, staffCount: l.staffCount, asOf: l.asOf }))),
  );
  const staffRows = disasters.flatMap((d) => {
    const figure = summary.staffByDisaster.get(d.id);
    return figure ? [{ disaster: d, figure }] : [];
  });
  const anySample = disasters.some((d) => d.provenance === 'sample' || d.lines.some((l) => l.provenance === 'sample'));
  return (
    <LedgerLayout ctx={ctx} page="disaster-support" title={title}>
      <h1 class="rk-heading-1">{title}</h1>
      <p class="rk-lead">
        {ctx.t(
          '大規模な災害で被災した自治体を、東京23区は一体となって支援しています（復興支援金・見舞金の拠出、職員派遣、救援物資の提供など）。',
          'The 23 special wards support municipalities hit by major disasters together: recovery funds and sympathy money, staff dispatched, relief goods.',
        )}
      </p>
      {disasters.length === 0 ? (
        <Empty ctx={ctx} />
      ) : (
        <>
          <section class="rk-section" aria-labelledby="totals-title">
            <h2 id="totals-title" class="rk-heading-2">
              {ctx.t('支援の合計', 'Totals')}
            </h2>
            <ul class="rk-figures">
              <li class="rk-figures__item">
                <span class="rk-figures__label">{ctx.t('復興支援金の合計', 'Recovery support funds')}</span>
                <span class="rk-figures__value" safe>
                  {yenText(ctx, summary.recoveryFundYen)}
                </span>
              </li>
              <li class="rk-figures__item">
                <span class="rk-figures__label">{ctx.t('見舞金の合計', 'Sympathy money')}</span>
                <span class="rk-figures__value" safe>
                  {yenText(ctx, summary.sympathyMoneyYen)}
                </span>
              </li>
              {summary.donationYen > 0 ? (
                <li class="rk-figures__item">
                  <span class="rk-figures__label">{ctx.t('義援金の合計', 'Donations')}</span>
                  <span class="rk-figures__value" safe>
                    {yenText(ctx, summary.donationYen)}
                  </span>
                </li>
              ) : (
                ''
              )}
              <li class="rk-figures__item">
                <span class="rk-figures__label">{ctx.t('派遣した職員（災害ごとの最新の累計の合計）', 'Staff dispatched (sum of each disaster’s latest total)')}</span>
                <span>
                  <span class="rk-figures__value" safe>
                    {formatCount(summary.staffTotal)}
                  </span>
                  <span class="rk-figures__unit">{ctx.t('人', 'people')}</span>
                </span>
                {summary.staffAsOfRange ? (
                  <span class="rk-muted" safe>
                    {summary.staffAsOfRange.from === summary.staffAsOfRange.to
                      ? asOfText(ctx, summary.staffAsOfRange.to)
                      : ctx.tFormat(
                          `${formatDate(ctx, summary.staffAsOfRange.from)}～${formatDate(ctx, summary.staffAsOfRange.to)}の各時点`,
                          `as of dates from ${formatDate(ctx, summary.staffAsOfRange.from)} to ${formatDate(ctx, summary.staffAsOfRange.to)}`,
                        )}
                  </span>
                ) : (
                  ''
                )}
              </li>
            </ul>
            <p class="rk-note">
              {ctx.t(
                '金額は、記録されている支援を種類ごとに足し合わせたものです（金額の記録がない支援は含みません）。職員派遣の人数は「ある日付の時点での累計」なので、同じ災害に複数の時点の人数があるときは最新の累計だけを使い、足し合わせません。',
                'Amounts are the recorded support added up by kind (support without a recorded amount is not included). Staff figures are running totals as of a date, so for each disaster only the latest total is used; figures of different dates are never added together.',
              )}
            </p>
          </section>
          {staffRows.length > 0 ? (
            <section class="rk-section" aria-labelledby="staff-title">
              <h2 id="staff-title" class="rk-heading-2">
                {ctx.t('職員派遣（災害ごとの最新の累計）', 'Staff dispatched: latest total per disaster')}
              </h2>
              <div class="rk-table-wrap" role="region" aria-labelledby="staff-title" tabindex="0">
                <table class="rk-table">
                  <caption class="rk-visually-hidden">{ctx.t('災害ごとの職員派遣の累計と時点', 'Staff dispatched per disaster, with dates')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{ctx.t('災害名', 'Disaster')}</th>
                      <th scope="col">{ctx.t('累計人数', 'Total dispatched')}</th>
                      <th scope="col">{ctx.t('時点', 'As of')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {staffRows.map(({ disaster, figure }) => (
                      <tr>
                        <th scope="row" safe>
                          {disaster.name}
                        </th>
                        <td safe>{countText(ctx, figure.count, '人', 'people')}</td>
                        <td>
                          <span safe>{asOfDate(ctx, figure.asOf)}</span>
                          {figure.setAside > 0 ? (
                            <p class="rk-muted">
                              {ctx.t(
                                'これより後の日付に、これより小さい人数の記録があります。累計は減らないため、その人数（ある年度の派遣人数など）は累計として使っていません。',
                                'A later record gives a smaller number. A running total never falls, so that number (e.g. the staff dispatched in one year) is not used as the total.',
                              )}
                            </p>
                          ) : (
                            ''
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : (
            ''
          )}
          <section class="rk-section" aria-labelledby="ledger-title">
            <h2 id="ledger-title" class="rk-heading-2">
              {ctx.t('特別区が連携して対応した災害支援', 'Disasters the wards responded to together')}
            </h2>
            <div class="rk-table-wrap" role="region" aria-labelledby="ledger-title" tabindex="0">
              <table class="rk-table">
                <caption class="rk-visually-hidden">{ctx.t('災害ごとの支援（発生順）', 'Support per disaster, in order of occurrence')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{ctx.t('発生時期', 'When')}</th>
                    <th scope="col">{ctx.t('災害名', 'Disaster')}</th>
                    <th scope="col">{ctx.t('主な支援内容', 'Main support')}</th>
                    <th scope="col">{ctx.t('支援の内訳', 'Support given')}</th>
                  </tr>
                </thead>
                <tbody>
                  {disasters.map((d) => (
                    <tr>
                      <td>
                        <span safe>{occurredText(ctx, d)}</span>
                        {d.occurredLabel ? (
                          <span class="rk-kana" safe>
                            {ctx.tFormat(`（資料の表記：${d.occurredLabel}）`, ` (as printed: ${d.occurredLabel})`)}
                          </span>
                        ) : (
                          ''
                        )}
                      </td>
                      <th scope="row">
                        <span safe>{d.name}</span>
                        <SampleBadge ctx={ctx} provenance={d.provenance} />
                      </th>
                      <td>
                        <span safe>{d.supportSummary || '—'}</span>
                        <Notes ctx={ctx} text={d.notes} />
                        {d.sourceUrl ? (
                          <p>
                            <SourceLink ctx={ctx} url={d.sourceUrl} short />
                          </p>
                        ) : (
                          ''
                        )}
                      </td>
                      <td>
                        {d.lines.length === 0 ? (
                          '—'
                        ) : (
                          <ul>
                            {d.lines.map((l) => (
                              <SupportLineItem ctx={ctx} line={l} />
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <SampleNote ctx={ctx} shown={anySample} />
        </>
      )}
    </LedgerLayout>
  );
}

// ─── 事業計画と進捗 ───────────────────────────────────────────────────────────────────────────

export function PlanPage({ ctx, items }: { ctx: PageContext; items: PlanItemView[] }): JSX.Element {
  const title = ctx.t('事業計画と進捗', 'Plan and progress');
  const from = items.length > 0 ? Math.min(...items.map((i) => i.periodFromFy)) : null;
  const to = items.length > 0 ? Math.max(...items.map((i) => i.periodToFy)) : null;
  const years: number[] = [];
  if (from !== null && to !== null) for (let fy = from; fy <= to && years.length < 20; fy++) years.push(fy);
  return (
    <LedgerLayout ctx={ctx} page="plan" title={title}>
      <h1 class="rk-heading-1">{title}</h1>
      <p class="rk-lead">
        {ctx.t(
          '特別区全国連携プロジェクトの今後の展開として定めた主な事業計画と、年度ごとの進捗です。',
          'The main items of the project’s plan and their progress in each fiscal year.',
        )}
      </p>
      {from !== null && to !== null ? (
        <p>
          <strong>{ctx.t('計画期間：', 'Plan period: ')}</strong>
          <span safe>
            {ctx.tFormat(`${eraFiscalYearLabel(from)}～${eraFiscalYearLabel(to)}（${from}年度～${to}年度）`, `FY${from} to FY${to}`)}
          </span>
        </p>
      ) : (
        ''
      )}
      {items.length === 0 ? (
        <Empty ctx={ctx} />
      ) : (
        <>
          <section class="rk-section" aria-labelledby="status-legend-title">
            <h2 id="status-legend-title" class="rk-heading-2">
              {ctx.t('進捗の表し方', 'Status words')}
            </h2>
            <ul>
              {planStatuses.map((s) => (
                <li>
                  <span class="rk-badge" safe>
                    {planStatusLabel(ctx, s)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section class="rk-section" aria-labelledby="plan-title">
            <h2 id="plan-title" class="rk-heading-2">
              {ctx.t('主な事業計画と進捗状況', 'Plan items and progress')}
            </h2>
            <div class="rk-table-wrap" role="region" aria-labelledby="plan-title" tabindex="0">
              <table class="rk-table">
                <caption class="rk-visually-hidden">{ctx.t('事業計画の項目（行）と年度（列）ごとの進捗', 'Progress of each plan item (rows) by fiscal year (columns)')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{ctx.t('項目', 'Item')}</th>
                    {years.map((fy) => (
                      <th scope="col" safe>
                        {fiscalYearLabel(ctx, fy)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr>
                      <th scope="row">
                        <span safe>{`${item.number} ${item.title}`}</span>
                        <SampleBadge ctx={ctx} provenance={item.provenance} />
                        {item.sourceUrl ? (
                          <>
                            {' '}
                            <SourceLink ctx={ctx} url={item.sourceUrl} short />
                          </>
                        ) : (
                          ''
                        )}
                      </th>
                      {years.map((fy) => {
                        const cell = item.progress.get(fy);
                        if (!cell) {
                          const outside = fy < item.periodFromFy || fy > item.periodToFy;
                          return (
                            // Visible words rather than a visually hidden text: an absolutely positioned
                            // span would escape the table's scrolling box and widen the page.
                            <td class="rk-muted">{outside ? ctx.t('計画期間外', 'Outside the plan period') : ctx.t('記録なし', 'Not recorded')}</td>
                          );
                        }
                        return (
                          <td>
                            <span class="rk-badge" safe>
                              {planStatusLabel(ctx, cell.status)}
                            </span>
                            {linesOf(cell.description).length > 0 ? (
                              <ul>
                                {linesOf(cell.description).map((line) => (
                                  <li safe>{line}</li>
                                ))}
                              </ul>
                            ) : (
                              ''
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <SampleNote ctx={ctx} shown={items.some((i) => i.provenance === 'sample')} />
        </>
      )}
    </LedgerLayout>
  );
}
