// Reads for /wards: the 23 wards with their mayor and their counts. The profile of one ward is in
// src/db/registry-ties.ts (wardProfile), shared with the rest of the registry.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';

export interface WardListItem {
  code: string;
  name: string;
  kana: string;
  block: number;
  mayorName: string;
  mayorAsOf: string | null;
  sourceUrl: string | null;
  isSample: boolean;
  /** Distinct municipalities tied to the ward by an agreement in force or a live regional exchange. */
  livePartners: number;
  /** Agreements in force. */
  agreements: number;
  endedAgreements: number;
  /** Projects of every 年度, whatever their status. */
  projects: number;
}

/** The wards in block order (1–5), by code within a block, with their counts on asOf. */
export async function listWards(db: Kysely<Database>, asOf: string = formatIsoDate(new Date())): Promise<WardListItem[]> {
  const [wards, agreementPairs, exchangePairs, agreementCounts, projectCounts] = await Promise.all([
    db
      .selectFrom('wards as w')
      .innerJoin('local_governments as lg', 'lg.code', 'w.code')
      .select(['w.code', 'lg.name', 'lg.kana', 'w.block', 'w.mayor_name', 'w.mayor_as_of', 'w.source_url', 'w.provenance'])
      .where('w.deleted_at', 'is', null)
      .orderBy('w.block')
      .orderBy('w.code')
      .execute(),
    db
      .selectFrom('agreement_wards as aw')
      .innerJoin('agreements as a', 'a.id', 'aw.agreement_id')
      .innerJoin('agreement_partners as p', 'p.agreement_id', 'aw.agreement_id')
      .innerJoin('local_governments as lg', 'lg.code', 'p.local_government_code')
      .select(['aw.ward_code', 'p.local_government_code as code'])
      .distinct()
      .where('a.deleted_at', 'is', null)
      .where((eb) => eb.or([eb('a.ended_on', 'is', null), eb('a.ended_on', '>', asOf)]))
      .where('lg.level', '=', 'municipality')
      .execute(),
    db
      .selectFrom('regional_exchanges as re')
      .innerJoin('regional_exchange_members as m', 'm.exchange_id', 're.id')
      .innerJoin('local_governments as lg', 'lg.code', 'm.local_government_code')
      .select(['re.ward_code', 'm.local_government_code as code'])
      .distinct()
      .where('re.deleted_at', 'is', null)
      .where((eb) => eb.or([eb('re.ended_on', 'is', null), eb('re.ended_on', '>', asOf)]))
      .where('lg.level', '=', 'municipality')
      .execute(),
    db
      .selectFrom('agreement_wards as aw')
      .innerJoin('agreements as a', 'a.id', 'aw.agreement_id')
      .select([
        'aw.ward_code',
        (eb) => eb.fn.countAll<number>().as('total'),
        sql<number>`sum(case when ${sql.ref('a.ended_on')} is not null and ${sql.ref('a.ended_on')} <= ${asOf} then 1 else 0 end)`.as('ended'),
      ])
      .where('a.deleted_at', 'is', null)
      .groupBy('aw.ward_code')
      .execute(),
    db
      .selectFrom('project_wards as pw')
      .innerJoin('projects as pr', 'pr.id', 'pw.project_id')
      .select(['pw.ward_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('pr.deleted_at', 'is', null)
      .groupBy('pw.ward_code')
      .execute(),
  ]);
  const partners = new Map<string, Set<string>>();
  for (const pair of [...agreementPairs, ...exchangePairs]) {
    const set = partners.get(pair.ward_code) ?? new Set<string>();
    set.add(pair.code as string);
    partners.set(pair.ward_code, set);
  }
  const agreements = new Map(agreementCounts.map((r) => [r.ward_code, { total: Number(r.total), ended: Number(r.ended ?? 0) }]));
  const projects = new Map(projectCounts.map((r) => [r.ward_code, Number(r.n)]));
  return wards.map((w) => {
    const a = agreements.get(w.code) ?? { total: 0, ended: 0 };
    return {
      code: w.code,
      name: w.name,
      kana: w.kana,
      block: w.block,
      mayorName: w.mayor_name,
      mayorAsOf: w.mayor_as_of,
      sourceUrl: w.source_url,
      isSample: w.provenance === 'sample',
      livePartners: partners.get(w.code)?.size ?? 0,
      agreements: a.total - a.ended,
      endedAgreements: a.ended,
      projects: projects.get(w.code) ?? 0,
    };
  });
}
