// The 企業との連携 ledger page. Pages are pure functions of the data the routes load.
import type { PageContext } from '../../../views/context.ts';
import { formatDateOf, linesOf, ProvenanceBadge, SourceLink } from '../shared/labels.tsx';
import { LedgerLayout, Empty, SampleNote, Notes } from '../shared/ledger-layout.tsx';
import type { CompanyAgreement } from './record.ts';

// ─── 企業との連携 ─────────────────────────────────────────────────────────────────────────────

export function CompaniesPage({ ctx, companies }: { ctx: PageContext; companies: readonly CompanyAgreement[] }): JSX.Element {
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
                      <ProvenanceBadge ctx={ctx} provenance={c.provenance} />
                      {c.formerName ? (
                        <span class="rk-kana" safe>
                          {ctx.tFormat(`（旧：${c.formerName}）`, ` (formerly ${c.formerName})`)}
                        </span>
                      ) : (
                        ''
                      )}
                    </th>
                    <td safe>{formatDateOf(ctx, c.signed)}</td>
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
                      <SourceLink ctx={ctx} url={c.sourceUrl} />
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
