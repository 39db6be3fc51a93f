// The 事業計画と進捗 ledger page. Pages are pure functions of the data the routes load.
import type { PageContext } from '../../../views/context.ts';
import { eraFiscalYearLabel, fiscalYearLabel, linesOf, planStatuses, planStatusLabel, ProvenanceBadge, SourceLink } from '../shared/labels.tsx';
import { LedgerLayout, Empty, SampleNote } from '../shared/ledger-layout.tsx';
import type { PlanItem } from './record.ts';

// ─── 事業計画と進捗 ───────────────────────────────────────────────────────────────────────────

export function PlanPage({ ctx, items }: { ctx: PageContext; items: readonly PlanItem[] }): JSX.Element {
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
                        <ProvenanceBadge ctx={ctx} provenance={item.provenance} />
                        {item.sourceUrl ? (
                          <>
                            {' '}
                            <SourceLink ctx={ctx} url={item.sourceUrl} />
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
