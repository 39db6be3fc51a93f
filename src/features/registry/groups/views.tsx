// The 広域連携 ledger page and each group's member page. Pages are pure functions of the data the
// routes load.
import { fiscalYearOf } from '../../../domain/fiscal-year.ts';
import { prefectureLocalGovCode } from '../../../domain/local-gov-code.ts';
import { prefectureNamesEn } from '../../../domain/regions.ts';
import { PUBLISHED_AS_OF } from '../../../domain/wide-area-groups.ts';
import type { PageContext } from '../../../views/context.ts';
import { formatCount, formatDate } from '../../../views/format.ts';
import type { Government } from '../model/shapes.ts';
import { fiscalYearLabel, formatDateOf, groupKindLabel, groupRuleLabel, linesOf, municipalityKindLabel, ProvenanceBadge, SourceLink } from '../shared/labels.tsx';
import { LedgerLayout, Empty, SampleNote, MunicipalityName, Downloads, prefectureLabel } from '../shared/ledger-layout.tsx';
import type { GroupExceptionRecord, WideAreaGroupRecord } from './record.ts';

// ─── 広域連携 ───────────────────────────────────────────────────────────────────────────────────

export interface WideAreaPageProps {
  ctx: PageContext;
  groups: readonly WideAreaGroupRecord[];
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
                        <ProvenanceBadge ctx={ctx} provenance={g.provenance} />
                      </th>
                      <td safe>{prefectureLabel(ctx, g.prefectureCode, g.prefectureName)}</td>
                      <td safe>{groupKindLabel(ctx, g.kind)}</td>
                      <td safe>{formatDateOf(ctx, g.signed)}</td>
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
                        <SourceLink ctx={ctx} url={g.sourceUrl} />
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
  group: WideAreaGroupRecord;
  members: readonly Government[];
  exceptions: readonly GroupExceptionRecord[];
}

export function WideAreaGroupPage({ ctx, group: g, members, exceptions }: WideAreaGroupPageProps): JSX.Element {
  const wideArea = ctx.t('広域連携', 'Wide-area agreements');
  const prefectureNameEn = prefectureNamesEn[g.prefectureCode] ?? g.prefectureName;
  const base = `/collaboration/wide-area/${encodeURIComponent(g.id)}`;
  return (
    <LedgerLayout ctx={ctx} page="wide-area" title={g.name} middle={[{ href: '/collaboration/wide-area', label: wideArea }]}>
      <h1 class="rk-heading-1">
        <span safe>{g.name}</span>
        <ProvenanceBadge ctx={ctx} provenance={g.provenance} />
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
          <dd safe>{formatDateOf(ctx, g.signed)}</dd>
        </div>
        {g.signed.date ? (
          <div class="rk-facts__row">
            <dt>{ctx.t('締結年度', 'Fiscal year signed')}</dt>
            <dd safe>{fiscalYearLabel(ctx, fiscalYearOf(g.signed.date))}</dd>
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
              <SourceLink ctx={ctx} url={g.sourceUrl} showHost />
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
