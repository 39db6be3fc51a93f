// The 被災地支援 ledger page. Pages are pure functions of the data the routes load.
import {
  summariseSupport,
  formatYen,
  formatYenEnglish,
  supportKindLabels,
  type SupportSummary,
} from '../../../domain/disaster-support.ts';
import type { PageContext } from '../../../views/context.ts';
import { formatCount, formatDate } from '../../../views/format.ts';
import { formatDateOf, linesOf, namesOf, ProvenanceBadge, SourceLink } from '../shared/labels.tsx';
import { LedgerLayout, Empty, SampleNote, Notes, countText } from '../shared/ledger-layout.tsx';
import type { Disaster, SupportLine } from './record.ts';

// ─── 被災地支援 ───────────────────────────────────────────────────────────────────────────────

function yenText(ctx: PageContext, yen: number): string {
  return ctx.lang === 'en' ? formatYenEnglish(yen) : formatYen(yen);
}

function asOfText(ctx: PageContext, asOf: string | null): string {
  if (!asOf) return ctx.t('時点の記録なし', 'date not recorded');
  return ctx.tFormat(`${formatDate(ctx, asOf)}現在`, `as of ${formatDate(ctx, asOf)}`);
}

function SupportLineItem({ ctx, line }: { ctx: PageContext; line: SupportLine }): JSX.Element {
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
      <ProvenanceBadge ctx={ctx} provenance={line.provenance} />
      {line.kind === 'staff' ? <Notes ctx={ctx} text={line.notes} /> : ''}
      {line.sourceUrl ? (
        <>
          {' '}
          <SourceLink ctx={ctx} url={line.sourceUrl} />
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

function occurredText(ctx: PageContext, d: Disaster): string {
  return formatDateOf(ctx, d.occurred);
}

export function DisasterSupportPage({ ctx, disasters }: { ctx: PageContext; disasters: readonly Disaster[] }): JSX.Element {
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
                        <ProvenanceBadge ctx={ctx} provenance={d.provenance} />
                      </th>
                      <td>
                        <span safe>{d.supportSummary || '—'}</span>
                        <Notes ctx={ctx} text={d.notes} />
                        {d.sourceUrl ? (
                          <p>
                            <SourceLink ctx={ctx} url={d.sourceUrl} />
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
