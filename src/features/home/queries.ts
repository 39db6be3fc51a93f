import type { Kysely } from 'kysely';
import { cachedPerDatabase } from '../../db/cache.ts';
import { computeFigures, loadFiguresInput, loadPublishedFigures } from '../registry/figures/load.ts';
import type { Database, DatePrecision } from '../../db/schema.ts';

export interface MasterDataSummary {
  prefectures: number;
  municipalities: number;
  byKind: Record<'市' | '町' | '村' | '特別区', number>;
}

/** Counts of the local governments Renkei knows, as live figures for the top page. */
export const masterDataSummary = cachedPerDatabase(60_000, loadMasterDataSummary);

async function loadMasterDataSummary(db: Kysely<Database>): Promise<MasterDataSummary> {
  const rows = await db
    .selectFrom('local_governments')
    .select(['level', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('is_counted', '=', 1)
    .where('valid_to', 'is', null)
    .groupBy(['level', 'kind'])
    .execute();
  const summary: MasterDataSummary = { prefectures: 0, municipalities: 0, byKind: { 市: 0, 町: 0, 村: 0, 特別区: 0 } };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.level === 'prefecture') summary.prefectures += n;
    else {
      summary.municipalities += n;
      if (r.kind in summary.byKind) summary.byKind[r.kind as keyof MasterDataSummary['byKind']] += n;
    }
  }
  return summary;
}

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
export async function headline(db: Kysely<Database>, asOf: string): Promise<Headline> {
  const [input, published] = await Promise.all([loadFiguresInput(db), loadPublishedFigures(db)]);
  const computed = computeFigures(input, asOf);
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
