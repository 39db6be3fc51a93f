// /wards (the 23 wards by 特別区長会 block) and /wards/:code (one ward with its partners,
// agreements, regional exchanges, joint plans and latest projects).
import { prefectureNamesEn } from '../../../domain/regions.ts';
import type { PageContext } from '../../../views/context.ts';
import { formatCount } from '../../../views/format.ts';
import { Layout } from '../../../views/layout.tsx';
import type { Agreement } from '../agreements/record.ts';
import type { RegionalExchange } from '../exchanges/record.ts';
import type { Party } from '../model/shapes.ts';
import type { JointPlan } from '../plans/record.ts';
import type { Project } from '../projects/record.ts';
import { fieldLabel, fiscalYearLabel, formatDateOf, formatPartialDate, partyLabelWithFormerName, ProvenanceBadge, SourceLink, statusLabel } from '../shared/labels.tsx';
import type { WardListItem, WardPartner, WardProfile } from './queries.ts';

export const blocks = [1, 2, 3, 4, 5] as const;

function blockLabel(ctx: PageContext, block: number): string {
  return ctx.tFormat(`第${block}ブロック`, `Block ${block}`);
}

function mayorAsOfText(ctx: PageContext, asOf: string | null): string {
  return asOf ? ctx.tFormat(`${formatPartialDate(ctx, asOf)}現在`, `as of ${formatPartialDate(ctx, asOf)}`) : ctx.t('時点不明', 'date unknown');
}

function wardsTitle(ctx: PageContext) {
  return ctx.t('特別区（東京23区）', 'The special wards (Tokyo’s 23 wards)');
}

// ─── /wards ────────────────────────────────────────────────────────────────────────────────────

export function WardListPage({ ctx, wards }: { ctx: PageContext; wards: WardListItem[] }): JSX.Element {
  const title = wardsTitle(ctx);
  return (
    <Layout ctx={ctx} title={title} section="wards" breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <p class="rk-lead">
        {ctx.t(
          '特別区全国連携プロジェクトを進める東京23区を、特別区長会のブロックごとに掲載しています。区名を選ぶと、その区の交流自治体・協定・連携事業を見られます。',
          'The 23 wards of Tokyo behind the project, by 特別区長会 block. Choose a ward to see its partners, agreements and projects.',
        )}
      </p>
      <p class="rk-note">
        {ctx.t(
          '※ 区長は、記録した時点（「〜現在」の日付）のものです。交流自治体の数は、締結中の協定または地域間交流で結ばれている市町村（都道府県・団体を除く）の数です。協定の数は締結中のもの、連携事業の数はすべての年度の合計です。',
          '* Mayors are as recorded on the date shown. Partners are the municipalities (not prefectures or groups) tied to the ward by an agreement in force or a regional exchange. Agreements count those in force; projects count every fiscal year.',
        )}
      </p>
      {blocks.map((block) => {
        const inBlock = wards.filter((w) => w.block === block);
        const id = `block-${block}`;
        return (
          <section class="rk-section" aria-labelledby={id}>
            <h2 id={id} class="rk-heading-2" safe>
              {blockLabel(ctx, block)}
            </h2>
            <div class="rk-table-wrap">
              <table class="rk-table">
                <caption class="rk-visually-hidden" safe>
                  {ctx.tFormat(`${blockLabel(ctx, block)}の特別区`, `Wards of ${blockLabel(ctx, block)}`)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{ctx.t('区', 'Ward')}</th>
                    <th scope="col">{ctx.t('区長', 'Mayor')}</th>
                    <th scope="col">{ctx.t('交流自治体', 'Partners')}</th>
                    <th scope="col">{ctx.t('協定', 'Agreements')}</th>
                    <th scope="col">{ctx.t('連携事業', 'Projects')}</th>
                  </tr>
                </thead>
                <tbody>
                  {inBlock.map((w) => (
                    <tr>
                      <th scope="row">
                        <a href={`/wards/${w.code}`} safe>
                          {w.name}
                        </a>
                        <span class="rk-kana" safe>
                          （{w.kana}）
                        </span>
                        <ProvenanceBadge ctx={ctx} provenance={w.provenance} />
                      </th>
                      <td>
                        <span safe>{w.mayorName || ctx.t('未登録', 'Not recorded')}</span>
                        <br />
                        <span class="rk-muted">
                          （<span safe>{mayorAsOfText(ctx, w.mayorAsOf)}</span>
                          {w.sourceUrl ? '・' : ''}
                          <SourceLink ctx={ctx} url={w.sourceUrl} of={ctx.tFormat(`${w.name}の区長`, `mayor of ${w.name}`)} />）
                        </span>
                      </td>
                      <td safe>{formatCount(w.livePartners)}</td>
                      <td>
                        <a href={`/agreements?ward=${w.code}`}>
                          <span safe>{formatCount(w.agreements)}</span>
                          <span class="rk-visually-hidden" safe>
                            {ctx.tFormat(`件（${w.name}の協定）`, ` (agreements of ${w.name})`)}
                          </span>
                        </a>
                        {w.endedAgreements > 0 ? (
                          <span class="rk-muted" safe>
                            {ctx.tFormat(`（ほかに終了 ${formatCount(w.endedAgreements)}）`, ` (and ${formatCount(w.endedAgreements)} ended)`)}
                          </span>
                        ) : (
                          ''
                        )}
                      </td>
                      <td>
                        <a href={`/projects?ward=${w.code}`}>
                          <span safe>{formatCount(w.projects)}</span>
                          <span class="rk-visually-hidden" safe>
                            {ctx.tFormat(`件（${w.name}の連携事業）`, ` (projects of ${w.name})`)}
                          </span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </Layout>
  );
}

// ─── /wards/:code ──────────────────────────────────────────────────────────────────────────────

function PartyLink({ ctx, party, prefectureNames }: { ctx: PageContext; party: Party; prefectureNames: ReadonlyMap<string, string> }): JSX.Element {
  const label = partyLabelWithFormerName(ctx, party, prefectureNames);
  if (party.kind === 'group') return <span safe>{label}</span>;
  return (
    <a href={`/municipalities/${party.key}`} safe>
      {label}
    </a>
  );
}

function AgreementTitle({ ctx, a, wardCode }: { ctx: PageContext; a: Agreement; wardCode: string }): JSX.Element {
  const others = a.wards.filter((w) => w.code !== wardCode);
  return (
    <>
      <span safe>{a.title}</span>
      <ProvenanceBadge ctx={ctx} provenance={a.provenance} />
      {others.length > 0 ? (
        <>
          <br />
          <span class="rk-muted">
            {ctx.t('共同で締結した区：', 'Signed together with: ')}
            {others.map((w, i) => (
              <>
                {i > 0 ? ctx.t('・', ', ') : ''}
                <a href={`/wards/${w.code}`} safe>
                  {w.name}
                </a>
              </>
            ))}
          </span>
        </>
      ) : (
        ''
      )}
    </>
  );
}

function resignedText(ctx: PageContext, a: Agreement): string {
  return a.resignedDates.length ? a.resignedDates.map((d) => formatPartialDate(ctx, d)).join(ctx.t('、', ', ')) : '—';
}

function PartnersTable({ ctx, ward, partners, prefectureNames }: { ctx: PageContext; ward: WardProfile; partners: WardPartner[]; prefectureNames: ReadonlyMap<string, string> }): JSX.Element {
  return (
    <div class="rk-table-wrap">
      <table class="rk-table">
        <caption class="rk-visually-hidden" safe>
          {ctx.tFormat(`${ward.name}の交流自治体と協定`, `Partners and agreements of ${ward.name}`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('連携先', 'Partner')}</th>
            <th scope="col">{ctx.t('協定の種別', 'Type')}</th>
            <th scope="col">{ctx.t('協定名', 'Title')}</th>
            <th scope="col">{ctx.t('締結日', 'Signed')}</th>
            <th scope="col">{ctx.t('再締結・改定', 'Re-signed')}</th>
            <th scope="col">{ctx.t('出典', 'Source')}</th>
          </tr>
        </thead>
        {partners.map((p) => (
          <tbody>
            {p.agreements.map((a, i) => (
              <tr>
                {i === 0 ? (
                  <th scope="rowgroup" rowspan={String(p.agreements.length)}>
                    <PartyLink ctx={ctx} party={p.party} prefectureNames={prefectureNames} />
                  </th>
                ) : (
                  ''
                )}
                <td safe>{ctx.tFormat(a.type.name, a.type.nameEn || a.type.name)}</td>
                <td>
                  <AgreementTitle ctx={ctx} a={a} wardCode={ward.code} />
                </td>
                <td safe>{formatDateOf(ctx, a.signed)}</td>
                <td safe>{resignedText(ctx, a)}</td>
                <td>
                  <SourceLink ctx={ctx} url={a.sourceUrl} of={a.title} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function EndedTable({ ctx, ward, agreements, prefectureNames }: { ctx: PageContext; ward: WardProfile; agreements: readonly Agreement[]; prefectureNames: ReadonlyMap<string, string> }): JSX.Element {
  return (
    <div class="rk-table-wrap">
      <table class="rk-table">
        <caption class="rk-visually-hidden" safe>
          {ctx.tFormat(`${ward.name}の終了した協定`, `Ended agreements of ${ward.name}`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('協定名', 'Title')}</th>
            <th scope="col">{ctx.t('連携先', 'Partner')}</th>
            <th scope="col">{ctx.t('協定の種別', 'Type')}</th>
            <th scope="col">{ctx.t('締結日', 'Signed')}</th>
            <th scope="col">{ctx.t('終了日', 'Ended')}</th>
            <th scope="col">{ctx.t('出典', 'Source')}</th>
          </tr>
        </thead>
        <tbody>
          {agreements.map((a) => (
            <tr>
              <th scope="row">
                <AgreementTitle ctx={ctx} a={a} wardCode={ward.code} />
              </th>
              <td>
                {a.partners.map((p, i) => (
                  <>
                    {i > 0 ? ctx.t('、', ', ') : ''}
                    <PartyLink ctx={ctx} party={p} prefectureNames={prefectureNames} />
                  </>
                ))}
              </td>
              <td safe>{ctx.tFormat(a.type.name, a.type.nameEn || a.type.name)}</td>
              <td safe>{formatDateOf(ctx, a.signed)}</td>
              {a.endedOn ? <td safe>{formatPartialDate(ctx, a.endedOn)}</td> : <td>{ctx.t('不明', 'Unknown')}</td>}
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

function ExchangeList({ ctx, exchanges, prefectureNames, asOf }: { ctx: PageContext; exchanges: readonly RegionalExchange[]; prefectureNames: ReadonlyMap<string, string>; asOf: string }): JSX.Element {
  return (
    <ul class="rk-timeline">
      {exchanges.map((e) => {
        const pref = prefectureNames.get(e.prefectureCode) ?? '';
        return (
          <li class="rk-timeline__item">
            {e.startedFiscalYear ? (
              <span class="rk-timeline__date" safe>
                {ctx.tFormat(`${fiscalYearLabel(ctx, e.startedFiscalYear)}から`, `Since ${fiscalYearLabel(ctx, e.startedFiscalYear)}`)}
              </span>
            ) : (
              <span class="rk-timeline__date">{ctx.t('開始年度不明', 'Start unknown')}</span>
            )}
            <div>
              <strong safe>{ctx.tFormat(`${e.regionName}（${pref}）↔ ${e.ward.name}`, `${e.regionName} (${prefectureNamesEn[e.prefectureCode] ?? pref}) ↔ ${e.ward.name}`)}</strong>
              <ProvenanceBadge ctx={ctx} provenance={e.provenance} />
              {e.endedOn !== null && e.endedOn <= asOf ? (
                <span class="rk-badge" safe>
                  {ctx.tFormat(`${formatPartialDate(ctx, e.endedOn)}終了`, `Ended ${formatPartialDate(ctx, e.endedOn)}`)}
                </span>
              ) : (
                ''
              )}
              {e.councilName ? (
                <p class="rk-muted" safe>
                  {ctx.tFormat(`推進体制：${e.councilName}`, `Run by: ${e.councilName}`)}
                </p>
              ) : (
                ''
              )}
              {e.members.length > 0 ? (
                <p>
                  <span safe>{ctx.tFormat(`構成市町村（${formatCount(e.members.length)}）：`, `Members (${formatCount(e.members.length)}): `)}</span>
                  {e.members.map((m, i) => (
                    <>
                      {i > 0 ? ctx.t('、', ', ') : ''}
                      <a href={`/municipalities/${m.code}`} safe>
                        {m.name}
                      </a>
                    </>
                  ))}
                </p>
              ) : (
                ''
              )}
              {e.activities ? <p safe>{e.activities}</p> : ''}
              <SourceLink ctx={ctx} url={e.sourceUrl} of={e.regionName} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function JointPlanList({ ctx, plans, wardCode }: { ctx: PageContext; plans: readonly JointPlan[]; wardCode: string }): JSX.Element {
  return (
    <ul class="rk-timeline">
      {plans.map((p) => {
        const others = p.wards.filter((w) => w.code !== wardCode);
        return (
          <li class="rk-timeline__item">
            {p.approved.date ? (
              <span class="rk-timeline__date" safe>
                {ctx.tFormat(`${formatDateOf(ctx, p.approved)}認定`, `Approved ${formatDateOf(ctx, p.approved)}`)}
              </span>
            ) : (
              <span class="rk-timeline__date">{ctx.t('認定日不明', 'Approval date unknown')}</span>
            )}
            <div>
              <strong safe>{p.title}</strong>
              <ProvenanceBadge ctx={ctx} provenance={p.provenance} />
              {p.regionLabel ? (
                <span class="rk-muted" safe>
                  {ctx.tFormat(`（${p.regionLabel}）`, ` (${p.regionLabel})`)}
                </span>
              ) : (
                ''
              )}
              {p.partners.length > 0 ? (
                <p>
                  {ctx.t('連携先：', 'Partners: ')}
                  {p.partners.map((m, i) => (
                    <>
                      {i > 0 ? ctx.t('、', ', ') : ''}
                      <a href={`/municipalities/${m.key}`} safe>
                        {m.name}
                      </a>
                    </>
                  ))}
                </p>
              ) : (
                ''
              )}
              {others.length > 0 ? (
                <p>
                  {ctx.t('共同の区：', 'With the wards: ')}
                  {others.map((w, i) => (
                    <>
                      {i > 0 ? ctx.t('、', ', ') : ''}
                      <a href={`/wards/${w.code}`} safe>
                        {w.name}
                      </a>
                    </>
                  ))}
                </p>
              ) : (
                ''
              )}
              {p.grantName ? (
                <p class="rk-muted" safe>
                  {ctx.tFormat(`活用する制度：${p.grantName}`, `Funding: ${p.grantName}`)}
                </p>
              ) : (
                ''
              )}
              <SourceLink ctx={ctx} url={p.sourceUrl} of={p.title} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function ProjectTable({ ctx, ward, projects }: { ctx: PageContext; ward: WardProfile; projects: readonly Project[] }): JSX.Element {
  return (
    <div class="rk-table-wrap">
      <table class="rk-table">
        <caption class="rk-visually-hidden" safe>
          {ctx.tFormat(`${ward.name}の連携事業（新しい年度から）`, `Projects of ${ward.name}, latest first`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('年度', 'Fiscal year')}</th>
            <th scope="col">{ctx.t('事業名', 'Project')}</th>
            <th scope="col">{ctx.t('分野', 'Field')}</th>
            <th scope="col">{ctx.t('連携先', 'Partners')}</th>
            <th scope="col">{ctx.t('状況', 'Status')}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr>
              <td safe>{fiscalYearLabel(ctx, p.fiscalYear)}</td>
              <th scope="row">
                <span safe>{p.title}</span>
                <ProvenanceBadge ctx={ctx} provenance={p.provenance} />
                {p.sourceUrl || p.newsUrl ? (
                  <>
                    {' '}
                    <SourceLink ctx={ctx} url={p.sourceUrl ?? p.newsUrl} of={p.title} />
                  </>
                ) : (
                  ''
                )}
              </th>
              <td safe>{fieldLabel(ctx, p.field)}</td>
              <td>
                {p.partners.length === 0
                  ? '—'
                  : p.partners.map((m, i) => (
                      <>
                        {i > 0 ? ctx.t('、', ', ') : ''}
                        <a href={`/municipalities/${m.key}`} safe>
                          {m.name}
                        </a>
                      </>
                    ))}
              </td>
              <td safe>{statusLabel(ctx, p.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface WardPageProps {
  ctx: PageContext;
  ward: WardProfile;
  prefectureNames: ReadonlyMap<string, string>;
  /** WardPageContent, already rendered (rendered here when absent). */
  content?: JSX.Element;
}

/** The page of one ward: the layout around its content (see WardPageContent). */
export function WardPage({ ctx, ward, prefectureNames, content }: WardPageProps): JSX.Element {
  const listTitle = wardsTitle(ctx);
  const main: JSX.Element = content ?? <WardPageContent ctx={ctx} ward={ward} prefectureNames={prefectureNames} />;
  return (
    <Layout
      ctx={ctx}
      title={ward.name}
      section="wards"
      breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { href: '/wards', label: listTitle }, { label: ward.name }]}
    >
      {main}
    </Layout>
  );
}

/**
 * What the page of a ward shows under the header: the same for every visitor (it depends on the
 * registry, the language and the day only), so the route may keep it rendered per revision.
 */
export function WardPageContent({ ctx, ward, prefectureNames }: Omit<WardPageProps, 'content'>): JSX.Element {
  // Same definition as the list's count: municipalities tied by an agreement in force or a live exchange.
  const municipalityPartners = new Set([
    ...ward.partners.filter((p) => p.party.kind === 'municipality').map((p) => p.party.key),
    ...ward.exchanges.filter((e) => e.endedOn === null || e.endedOn > ward.asOf).flatMap((e) => e.members.map((m) => m.code)),
  ]).size;
  return (
    <>
      <h1 class="rk-heading-1">
        <ruby>
          <span safe>{ward.name}</span>
          <rp>（</rp>
          <rt safe>{ward.kana}</rt>
          <rp>）</rp>
        </ruby>
        <ProvenanceBadge ctx={ctx} provenance={ward.provenance} />
      </h1>
      <dl class="rk-facts">
        <div class="rk-facts__row">
          <dt>{ctx.t('よみがな', 'Reading')}</dt>
          <dd safe>{ward.kana}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('特別区長会のブロック', '特別区長会 block')}</dt>
          <dd>
            <a href={`/wards#block-${ward.block}`} safe>
              {blockLabel(ctx, ward.block)}
            </a>
          </dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('区長', 'Mayor')}</dt>
          <dd>
            <span safe>{ward.mayorName || ctx.t('未登録', 'Not recorded')}</span>
            <span class="rk-muted">
              （<span safe>{mayorAsOfText(ctx, ward.mayorAsOf)}</span>
              {ward.sourceUrl ? '・' : ''}
              <SourceLink ctx={ctx} url={ward.sourceUrl} of={ctx.tFormat(`${ward.name}の区長`, `mayor of ${ward.name}`)} />）
            </span>
          </dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('全国地方公共団体コード', 'Local government code')}</dt>
          <dd>
            <a class="rk-table__code" href={`/municipalities/${ward.code}`} safe>
              {ward.code}
            </a>
          </dd>
        </div>
        {ward.websiteUrl && /^https?:\/\//i.test(ward.websiteUrl) ? (
          <div class="rk-facts__row">
            <dt>{ctx.t('公式サイト', 'Official website')}</dt>
            <dd>
              <a href={ward.websiteUrl} rel="noopener noreferrer" safe>
                {ward.websiteUrl}
              </a>
            </dd>
          </div>
        ) : (
          ''
        )}
      </dl>

      <ul class="rk-figures">
        <li class="rk-figures__item">
          <span class="rk-figures__label">{ctx.t('交流自治体（市町村）', 'Partner municipalities')}</span>
          <span class="rk-figures__value">
            <span safe>{formatCount(municipalityPartners)}</span>
            <span class="rk-figures__unit">{ctx.t('自治体', '')}</span>
          </span>
        </li>
        <li class="rk-figures__item">
          <span class="rk-figures__label">{ctx.t('地域間交流', 'Regional exchanges')}</span>
          <span class="rk-figures__value">
            <span safe>{formatCount(ward.exchanges.length)}</span>
            <span class="rk-figures__unit">{ctx.t('件', '')}</span>
          </span>
        </li>
        <li class="rk-figures__item">
          <span class="rk-figures__label">{ctx.t('連携事業（全年度）', 'Projects (all years)')}</span>
          <span class="rk-figures__value">
            <span safe>{formatCount(ward.projectTotal)}</span>
            <span class="rk-figures__unit">{ctx.t('件', '')}</span>
          </span>
        </li>
      </ul>

      <section class="rk-section" aria-labelledby="partners-title">
        <h2 id="partners-title" class="rk-heading-2">
          {ctx.t('交流自治体と協定', 'Partners and agreements')}
        </h2>
        {ward.partners.length > 0 ? (
          <>
            <p class="rk-muted">
              {ctx.t(
                '締結中の協定を、連携先（市町村・都道府県・団体）ごとに掲載しています。日付が月までしか分からないものは月まで、分からないものは「不明」と表示しています。',
                'Agreements in force, by partner (municipality, prefecture or group). Dates known only to the month are shown so; unknown dates say “Unknown”.',
              )}
            </p>
            <PartnersTable ctx={ctx} ward={ward} partners={ward.partners} prefectureNames={prefectureNames} />
          </>
        ) : (
          <p>{ctx.t('締結中の協定は登録されていません。', 'No agreement in force is recorded.')}</p>
        )}
        <p>
          <a class="rk-link-arrow" href={`/agreements?ward=${ward.code}`} safe>
            {ctx.tFormat(`${ward.name}の協定を一覧で見る`, `See the agreements of ${ward.name} as a list`)}
          </a>
        </p>
      </section>

      {ward.endedAgreements.length > 0 ? (
        <section class="rk-section" aria-labelledby="ended-title">
          <h2 id="ended-title" class="rk-heading-2">
            {ctx.t('終了した協定', 'Ended agreements')}
          </h2>
          <EndedTable ctx={ctx} ward={ward} agreements={ward.endedAgreements} prefectureNames={prefectureNames} />
        </section>
      ) : (
        ''
      )}

      <section class="rk-section" aria-labelledby="exchanges-title">
        <h2 id="exchanges-title" class="rk-heading-2">
          {ctx.t('地域間交流', 'Regional exchanges')}
        </h2>
        {ward.exchanges.length > 0 ? (
          <ExchangeList ctx={ctx} exchanges={ward.exchanges} prefectureNames={prefectureNames} asOf={ward.asOf} />
        ) : (
          <p>{ctx.t('地域間交流は登録されていません。', 'No regional exchange is recorded.')}</p>
        )}
      </section>

      {ward.jointPlans.length > 0 ? (
        <section class="rk-section" aria-labelledby="plans-title">
          <h2 id="plans-title" class="rk-heading-2">
            {ctx.t('広域共同計画', 'Joint wide-area plans')}
          </h2>
          <JointPlanList ctx={ctx} plans={ward.jointPlans} wardCode={ward.code} />
        </section>
      ) : (
        ''
      )}

      <section class="rk-section" aria-labelledby="projects-title">
        <h2 id="projects-title" class="rk-heading-2">
          {ctx.t('連携事業', 'Projects')}
        </h2>
        {ward.projects.length > 0 ? (
          <>
            <p class="rk-result-count" safe>
              {ward.projectTotal > ward.projects.length
                ? ctx.tFormat(
                    `全${formatCount(ward.projectTotal)}件のうち、新しい年度から${formatCount(ward.projects.length)}件を表示しています。`,
                    `The latest ${formatCount(ward.projects.length)} of ${formatCount(ward.projectTotal)} projects.`,
                  )
                : ctx.tFormat(`${formatCount(ward.projectTotal)}件（新しい年度から）`, `${formatCount(ward.projectTotal)} projects, latest first.`)}
            </p>
            <ProjectTable ctx={ctx} ward={ward} projects={ward.projects} />
          </>
        ) : (
          <p>{ctx.t('連携事業は登録されていません。', 'No project is recorded.')}</p>
        )}
        <p>
          <a class="rk-link-arrow" href={`/projects?ward=${ward.code}`} safe>
            {ctx.tFormat(`${ward.name}の連携事業をすべて見る（${formatCount(ward.projectTotal)}件）`, `All projects of ${ward.name} (${formatCount(ward.projectTotal)})`)}
          </a>
        </p>
      </section>

      <p class="rk-note">
        {ctx.t(
          '※ 「サンプル」と表示した記録は、画面の確認用の架空のデータです。出典のある記録は、それぞれの「出典」から元の資料を確認できます。',
          '* Records marked “Sample” are made up for demonstration. Records with a source link to the original document.',
        )}
      </p>
    </>
  );
}
