// The registry's headline figures for the top page: computed from the records today, each with
// the newest published value of the same metric, its date and source. Exported through the
// module's face (../index.ts): the home feature places the section, the registry words it.
import type { Kysely } from 'kysely';
import type { Database, DatePrecision } from '../../../db/schema.ts';
import type { PageContext } from '../../../views/context.ts';
import { formatCount, formatDate } from '../../../views/format.ts';
import { registryModel } from '../model/index.ts';
import { formatPartialDate } from '../shared/labels.tsx';
import { computeFigures } from './load.ts';

export interface HeadlineFigure {
  metric: 'union' | 'ward_partners' | 'registered_members' | 'wide_area_members';
  labelJa: string;
  labelEn: string;
  /** Computed from the registry's records, as of `asOf`. */
  value: number;
  /** The newest published figure of the same metric, if any, to show beside it. */
  published: { value: number; isLowerBound: boolean; asOf: string; asOfPrecision: DatePrecision; sourceTitle: string } | null;
}

export interface Headline {
  asOf: string;
  wideAreaGroups: number;
  figures: HeadlineFigure[];
}

const headlineMetrics: ReadonlyArray<Pick<HeadlineFigure, 'metric' | 'labelJa' | 'labelEn'>> = [
  { metric: 'union', labelJa: '東京23区と連携・交流している総自治体数', labelEn: 'Municipalities collaborating with the 23 wards (deduplicated)' },
  { metric: 'ward_partners', labelJa: '各区の交流自治体数', labelEn: 'Exchange partners of the individual wards' },
  { metric: 'registered_members', labelJa: '会員登録自治体数', labelEn: 'Municipalities registered on the members’ site' },
  { metric: 'wide_area_members', labelJa: '広域連携協定締結自治体数', labelEn: 'Municipalities covered by the wide-area agreements' },
];

/** The top page's figures: computed from the records today, each with the newest published value. */
export async function headlineFigures(db: Kysely<Database>, asOf: string): Promise<Headline> {
  const model = await registryModel(db);
  const published = model.publishedFigures;
  const computed = computeFigures(model, asOf);
  const values = { union: computed.union, ward_partners: computed.wardPartners, registered_members: computed.registeredMembers, wide_area_members: computed.wideAreaMembers };
  return {
    asOf,
    wideAreaGroups: computed.wideAreaGroups,
    figures: headlineMetrics.map((m) => {
      // Newest first (loadPublishedFigures' order); a lower bound only when nothing exact exists.
      const same = published.filter((p) => p.metric === m.metric && p.asOf <= asOf);
      const newest = same.find((p) => !p.isLowerBound) ?? same[0];
      return {
        ...m,
        value: values[m.metric],
        published: newest
          ? { value: newest.value, isLowerBound: newest.isLowerBound, asOf: newest.asOf, asOfPrecision: newest.asOfPrecision, sourceTitle: newest.sourceTitle }
          : null,
      };
    }),
  };
}

export function HeadlineFiguresSection({ ctx, figures }: { ctx: PageContext; figures: Headline }): JSX.Element {
  return (
  <section class="rk-section" aria-labelledby="figures-title">
    <h2 id="figures-title" class="rk-heading-2">
      {ctx.t('連携の広がり', 'How far the collaboration reaches')}
    </h2>
    <p class="rk-muted">
      <span safe>{ctx.tFormat(`${formatDate(ctx, figures.asOf)}現在、登録簿の記録から集計した数です。`, `Counted from the registry's records as of ${formatDate(ctx, figures.asOf)}.`)}</span>
      {ctx.t('公表値は、その時点と出典とともに並べて示します。', ' Published figures are shown beside them with their date and source.')}
    </p>
    <ul class="rk-figures">
      {figures.figures.map((f) => (
        <li class="rk-figures__item">
          <span class="rk-figures__label" safe>
            {ctx.tFormat(f.labelJa, f.labelEn)}
          </span>
          <span class="rk-figures__value">
            <span safe>{formatCount(f.value)}</span>
            {f.metric === 'wide_area_members' ? (
              <span class="rk-figures__unit" safe>
                {ctx.tFormat(`自治体（${formatCount(figures.wideAreaGroups)}団体）`, ` (${formatCount(figures.wideAreaGroups)} associations)`)}
              </span>
            ) : (
              <span class="rk-figures__unit">{ctx.t('自治体', '')}</span>
            )}
          </span>
          {f.published ? (
            <span class="rk-figures__published" safe>
              {ctx.tFormat(
                `公表値 ${formatCount(f.published.value)}${f.published.isLowerBound ? '以上' : ''}（${formatPartialDate(ctx, f.published.asOf, f.published.asOfPrecision)}現在・${f.published.sourceTitle}）`,
                `Published: ${f.published.isLowerBound ? 'over ' : ''}${formatCount(f.published.value)} (${formatPartialDate(ctx, f.published.asOf, f.published.asOfPrecision)}; ${f.published.sourceTitle})`,
              )}
            </span>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
    <p>
      <a class="rk-link-arrow" href="/collaboration">
        {ctx.t('連携の状況（推移・地図・公表値との違い）を見る', 'Collaboration in figures: trends, map and differences from the published figures')}
      </a>
    </p>
  </section>
  );
}
