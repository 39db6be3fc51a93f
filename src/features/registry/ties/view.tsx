// The section 「特別区との連携」 of a local government's page: every tie it has with the wards.
// Exported through the module's face (../index.ts) for the municipality pages.
import { prefectureNamesEn } from '../../../domain/regions.ts';
import type { PageContext } from '../../../views/context.ts';
import { formatCount } from '../../../views/format.ts';
import { isEndedOn, type Agreement } from '../agreements/record.ts';
import type { WardRef } from '../model/shapes.ts';
import { fieldLabel, fiscalYearLabel, formatDateOf, formatPartialDate, ProvenanceBadge, SourceLink, statusLabel } from '../shared/labels.tsx';
import type { MunicipalityTies } from './queries.ts';

/** What the section needs to know of the local government whose page it is on. */
export interface TiesSubject {
  code: string;
  name: string;
  level: 'prefecture' | 'municipality';
  kind: string;
  prefectureCode: string;
  prefectureName: string;
}

function WardLinks({ ctx, wards }: { ctx: PageContext; wards: readonly WardRef[] }): JSX.Element {
  if (wards.length === 0) return '—';
  if (wards.length === 23) return <span>{ctx.t('23区', 'All 23 wards')}</span>;
  return (
    <>
      {wards.map((w, i) => (
        <>
          {i > 0 ? ctx.t('、', ', ') : ''}
          <a href={`/wards/${w.code}`} safe>
            {w.name}
          </a>
        </>
      ))}
    </>
  );
}

function AgreementTable({ ctx, agreements, caption, ended }: { ctx: PageContext; agreements: readonly Agreement[]; caption: string; ended: boolean }): JSX.Element {
  return (
    <div class="rk-table-wrap">
      <table class="rk-table">
        <caption class="rk-visually-hidden" safe>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('協定名', 'Title')}</th>
            <th scope="col">{ctx.t('特別区', 'Ward')}</th>
            <th scope="col">{ctx.t('協定の種別', 'Type')}</th>
            <th scope="col">{ctx.t('締結日', 'Signed')}</th>
            <th scope="col">{ended ? ctx.t('終了日', 'Ended') : ctx.t('再締結・改定', 'Re-signed')}</th>
            <th scope="col">{ctx.t('出典', 'Source')}</th>
          </tr>
        </thead>
        <tbody>
          {agreements.map((a) => (
            <tr>
              <th scope="row">
                <span safe>{a.title}</span>
                <ProvenanceBadge ctx={ctx} provenance={a.provenance} />
              </th>
              <td>
                <WardLinks ctx={ctx} wards={a.wards} />
              </td>
              <td safe>{ctx.tFormat(a.type.name, a.type.nameEn || a.type.name)}</td>
              <td safe>{formatDateOf(ctx, a.signed)}</td>
              <td safe>
                {ended
                  ? a.endedOn
                    ? formatPartialDate(ctx, a.endedOn)
                    : ctx.t('不明', 'Unknown')
                  : a.resignedDates.length
                    ? a.resignedDates.map((d) => formatPartialDate(ctx, d)).join(ctx.t('、', ', '))
                    : '—'}
              </td>
              <td>
                <SourceLink ctx={ctx} url={a.sourceUrl} of={a.title} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface TiesSectionProps {
  ctx: PageContext;
  government: TiesSubject;
  ties: MunicipalityTies;
  /** Prefecture names by 2-digit code, for the regional exchanges. */
  prefectureNames: ReadonlyMap<string, string>;
}

export function TiesSection({ ctx, government: g, ties, prefectureNames }: TiesSectionProps): JSX.Element {
  const isPrefecture = g.level === 'prefecture';
  const live = ties.agreements.filter((a) => !isEndedOn(a, ties.asOf));
  const ended = ties.agreements.filter((a) => isEndedOn(a, ties.asOf));
  const nothing =
    ties.agreements.length === 0 &&
    ties.groups.length === 0 &&
    ties.exchanges.length === 0 &&
    ties.jointPlans.length === 0 &&
    ties.projectTotal === 0 &&
    ties.registeredMember === null;
  const prefEn = prefectureNamesEn[g.prefectureCode] ?? g.prefectureName;
  return (
    <section class="rk-section" aria-labelledby="ties-title">
      <h2 id="ties-title" class="rk-heading-2">
        {ctx.t('特別区との連携', 'Ties with the special wards')}
      </h2>
      {g.kind === '特別区' ? (
        <p>
          <a class="rk-link-arrow" href={`/wards/${g.code}`} safe>
            {ctx.tFormat(`${g.name}の交流自治体・協定・連携事業`, `Partners, agreements and projects of ${g.name}`)}
          </a>
        </p>
      ) : (
        ''
      )}
      {nothing && !isPrefecture ? <p>{ctx.t('特別区との連携の記録は登録されていません。', 'No tie with the special wards is recorded.')}</p> : ''}

      {!isPrefecture && g.kind !== '特別区' ? (
        <>
          <h3 id="ties-member">{ctx.t('会員登録', 'Registered member')}</h3>
          {ties.registeredMember ? (
            <p safe>
              {ctx.tFormat(
                `特別区全国連携プロジェクトの会員登録自治体です（${formatPartialDate(ctx, ties.registeredMember.joinedOn)}登録）。`,
                `A registered member of the project (since ${formatPartialDate(ctx, ties.registeredMember.joinedOn)}).`,
              )}
            </p>
          ) : (
            <p>{ctx.t('会員登録はありません。', 'Not a registered member.')}</p>
          )}
        </>
      ) : (
        ''
      )}

      {ties.agreements.length > 0 ? (
        <>
          <h3 id="ties-agreements">{ctx.t('特別区との協定', 'Agreements with the wards')}</h3>
          {live.length > 0 ? (
            <AgreementTable ctx={ctx} agreements={live} ended={false} caption={ctx.tFormat(`${g.name}と特別区との協定（締結中）`, `Agreements of ${g.name} with the wards, in force`)} />
          ) : (
            <p>{ctx.t('締結中の協定はありません。', 'No agreement is in force.')}</p>
          )}
          {ended.length > 0 ? (
            <>
              <h4 id="ties-ended">{ctx.t('終了した協定', 'Ended agreements')}</h4>
              <AgreementTable ctx={ctx} agreements={ended} ended={true} caption={ctx.tFormat(`${g.name}と特別区との協定（終了）`, `Ended agreements of ${g.name} with the wards`)} />
            </>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}

      {ties.groups.length > 0 ? (
        <>
          <h3 id="ties-groups">{ctx.t('広域連携協定', 'Wide-area agreements')}</h3>
          <ul>
            {ties.groups.map(({ group, via, exceptionNote, agreements }) => (
              <li>
                <span safe>
                  {ctx.tFormat(
                    `${group.name}の構成団体として、特別区長会との広域連携協定（${formatDateOf(ctx, group.signed)}締結${group.autoRenewal ? '・1年ごとの自動更新' : ''}）の対象です。`,
                    `As a member of ${group.name}, covered by its wide-area agreement with 特別区長会 (signed ${formatDateOf(ctx, group.signed)}${group.autoRenewal ? ', renewed every year' : ''}).`,
                  )}
                </span>
                <ProvenanceBadge ctx={ctx} provenance={group.provenance} />
                {via === 'exception' && exceptionNote ? (
                  <span class="rk-muted" safe>
                    {ctx.tFormat(`（${exceptionNote}）`, ` (${exceptionNote})`)}
                  </span>
                ) : (
                  ''
                )}{' '}
                <SourceLink ctx={ctx} url={group.sourceUrl} of={group.name} />
                {agreements.length > 0 ? (
                  <AgreementTable
                    ctx={ctx}
                    agreements={agreements}
                    ended={false}
                    caption={ctx.tFormat(`${group.name}が結んだ協定`, `Agreements signed by ${group.name}`)}
                  />
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}

      {ties.exchanges.length > 0 ? (
        <>
          <h3 id="ties-exchanges">{ctx.t('地域間交流', 'Regional exchanges')}</h3>
          <ul>
            {ties.exchanges.map((e) => {
              const pref = prefectureNames.get(e.prefectureCode) ?? '';
              return (
                <li>
                  <span safe>
                    {ctx.tFormat(`${e.regionName}（${pref}）↔ `, `${e.regionName} (${prefectureNamesEn[e.prefectureCode] ?? pref}) ↔ `)}
                  </span>
                  <a href={`/wards/${e.ward.code}`} safe>
                    {e.ward.name}
                  </a>
                  {e.startedFiscalYear ? (
                    <span safe>{ctx.tFormat(`（${fiscalYearLabel(ctx, e.startedFiscalYear)}から）`, ` (since ${fiscalYearLabel(ctx, e.startedFiscalYear)})`)}</span>
                  ) : (
                    ''
                  )}
                  {e.endedOn !== null && e.endedOn <= ties.asOf ? (
                    <span class="rk-badge" safe>
                      {ctx.tFormat(`${formatPartialDate(ctx, e.endedOn)}終了`, `Ended ${formatPartialDate(ctx, e.endedOn)}`)}
                    </span>
                  ) : (
                    ''
                  )}
                  <ProvenanceBadge ctx={ctx} provenance={e.provenance} />
                  {e.councilName ? (
                    <span class="rk-muted" safe>
                      {ctx.tFormat(`　推進体制：${e.councilName}`, ` — run by ${e.councilName}`)}
                    </span>
                  ) : (
                    ''
                  )}{' '}
                  <SourceLink ctx={ctx} url={e.sourceUrl} of={e.regionName} />
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        ''
      )}

      {ties.jointPlans.length > 0 ? (
        <>
          <h3 id="ties-plans">{ctx.t('広域共同計画', 'Joint wide-area plans')}</h3>
          <ul>
            {ties.jointPlans.map((p) => (
              <li>
                <span safe>{p.title}</span>
                <ProvenanceBadge ctx={ctx} provenance={p.provenance} />
                {p.approved.date ? <span safe>{ctx.tFormat(`（${formatDateOf(ctx, p.approved)}認定）`, ` (approved ${formatDateOf(ctx, p.approved)})`)}</span> : ''}
                {ctx.t('　区：', ' — wards: ')}
                <WardLinks ctx={ctx} wards={p.wards} /> <SourceLink ctx={ctx} url={p.sourceUrl} of={p.title} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}

      {ties.projects.length > 0 ? (
        <>
          <h3 id="ties-projects">{ctx.t('連携事業', 'Projects')}</h3>
          <p class="rk-result-count" safe>
            {ties.projectTotal > ties.projects.length
              ? ctx.tFormat(
                  `${g.name}と連携した事業 全${formatCount(ties.projectTotal)}件のうち、新しい年度から${formatCount(ties.projects.length)}件を表示しています。`,
                  `The latest ${formatCount(ties.projects.length)} of ${formatCount(ties.projectTotal)} projects with ${g.name}.`,
                )
              : ctx.tFormat(`${g.name}と連携した事業 ${formatCount(ties.projectTotal)}件（新しい年度から）`, `${formatCount(ties.projectTotal)} projects with ${g.name}, latest first.`)}
          </p>
          <div class="rk-table-wrap">
            <table class="rk-table">
              <caption class="rk-visually-hidden" safe>
                {ctx.tFormat(`${g.name}と連携した事業`, `Projects with ${g.name}`)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{ctx.t('年度', 'Fiscal year')}</th>
                  <th scope="col">{ctx.t('事業名', 'Project')}</th>
                  <th scope="col">{ctx.t('特別区', 'Ward')}</th>
                  <th scope="col">{ctx.t('分野', 'Field')}</th>
                  <th scope="col">{ctx.t('状況', 'Status')}</th>
                </tr>
              </thead>
              <tbody>
                {ties.projects.map((p) => (
                  <tr>
                    <td safe>{fiscalYearLabel(ctx, p.fiscalYear)}</td>
                    <th scope="row">
                      <span safe>{p.title}</span>
                      <ProvenanceBadge ctx={ctx} provenance={p.provenance} />
                    </th>
                    <td>{p.organiserKind === 'joint' ? ctx.t('23区共同', 'All 23 wards jointly') : <WardLinks ctx={ctx} wards={p.wards} />}</td>
                    <td safe>{fieldLabel(ctx, p.field)}</td>
                    <td safe>{statusLabel(ctx, p.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ties.projectTotal > ties.projects.length ? (
            <p>
              <a class="rk-link-arrow" href={`/projects?pref=${g.prefectureCode}`} safe>
                {ctx.tFormat(`${g.prefectureName}の自治体との連携事業をすべて見る`, `All projects with municipalities of ${prefEn}`)}
              </a>
            </p>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}

      {ties.prefectureCounts ? (
        <>
          <h3 id="ties-prefecture">{ctx.t('管内の市町村と特別区との連携', 'Municipalities of this prefecture with ties')}</h3>
          <p safe>
            {ctx.tFormat(
              `${g.name}の市町村 ${formatCount(ties.prefectureCounts.municipalities)} のうち、特別区との連携の記録があるのは ${formatCount(ties.prefectureCounts.any)} 自治体です。`,
              `${formatCount(ties.prefectureCounts.any)} of the ${formatCount(ties.prefectureCounts.municipalities)} municipalities of ${prefEn} have a recorded tie with the wards.`,
            )}
          </p>
          <dl class="rk-facts">
            {(
              [
                [ctx.t('特別区との協定', 'Agreements with the wards'), ties.prefectureCounts.agreements],
                [ctx.t('広域連携協定（構成団体）', 'Wide-area agreements (members)'), ties.prefectureCounts.wideAreaGroups],
                [ctx.t('地域間交流', 'Regional exchanges'), ties.prefectureCounts.regionalExchanges],
                [ctx.t('広域共同計画', 'Joint wide-area plans'), ties.prefectureCounts.jointPlans],
                [ctx.t('連携事業', 'Projects'), ties.prefectureCounts.projects],
                [ctx.t('会員登録', 'Registered members'), ties.prefectureCounts.registeredMembers],
              ] as const
            ).map(([label, n]) => (
              <div class="rk-facts__row">
                <dt>{label}</dt>
                <dd safe>{ctx.tFormat(`${formatCount(n)} 自治体`, `${formatCount(n)}`)}</dd>
              </div>
            ))}
          </dl>
          {ties.prefectureCounts.groups.length > 0 ? (
            <p safe>
              {ctx.tFormat(
                `広域連携協定を結んだ団体：${ties.prefectureCounts.groups.map((gr) => `${gr.name}（${formatCount(gr.memberCount)}団体）`).join('、')}`,
                `Groups with a wide-area agreement: ${ties.prefectureCounts.groups.map((gr) => `${gr.name} (${formatCount(gr.memberCount)} members)`).join(', ')}`,
              )}
            </p>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
      <p class="rk-muted">
        {ctx.t('※ 「サンプル」と表示した記録は、画面の確認用の架空のデータです。', '* Records marked “Sample” are made up for demonstration.')}
      </p>
    </section>
  );
}
