// The 地域別の交流 ledger page. Pages are pure functions of the data the routes load.
import type { PageContext } from '../../../views/context.ts';
import { formatCount } from '../../../views/format.ts';
import { fiscalYearLabel, formatPartialDate, linesOf, ProvenanceBadge, SourceLink } from '../shared/labels.tsx';
import { LedgerLayout, Empty, SampleNote, Notes, MunicipalityName, prefectureLabel } from '../shared/ledger-layout.tsx';
import type { RegionalExchange } from './record.ts';

// ─── 地域別の交流 ─────────────────────────────────────────────────────────────────────────────

export function RegionsPage({ ctx, exchanges, prefectureNames }: { ctx: PageContext; exchanges: readonly RegionalExchange[]; prefectureNames: ReadonlyMap<string, string> }): JSX.Element {
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
                {`${x.regionName} ↔ ${x.ward.name}`}
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
              <span safe>{`${x.regionName} ↔ ${x.ward.name}`}</span>
              <ProvenanceBadge ctx={ctx} provenance={x.provenance} />
            </h2>
            <dl class="rk-facts">
              <div class="rk-facts__row">
                <dt>{ctx.t('地域', 'Region')}</dt>
                <dd safe>{`${x.regionName}（${prefectureLabel(ctx, x.prefectureCode, prefectureNames.get(x.prefectureCode) ?? x.prefectureCode)}）`}</dd>
              </div>
              <div class="rk-facts__row">
                <dt>{ctx.t('特別区', 'Special ward')}</dt>
                <dd>
                  <a href={`/wards/${x.ward.code}`} safe>
                    {x.ward.name}
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
                  <dd safe>{formatPartialDate(ctx, x.endedOn)}</dd>
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
                    <SourceLink ctx={ctx} url={x.sourceUrl} showHost />
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
