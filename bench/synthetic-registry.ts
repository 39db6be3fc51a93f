// Synthetic benchmark volume for the registry: agreements and projects generated at random (with a
// fixed seed, so every run measures the same data), each marked provenance 'synthetic' and titled
// 「【合成データ】…」. For `npm run bench` only: never loaded by `npm start`, never real facts.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Insertable } from 'kysely';
import type { Database, ProjectFormat, ProjectStatus } from '../src/db/schema.ts';
import { prng } from './prng.ts';

export interface SyntheticVolume {
  agreements: number;
  projects: number;
  /** Projects are spread over this many 年度, ending with `lastFiscalYear`. */
  fiscalYears: number;
  lastFiscalYear: number;
}

export const defaultVolume: SyntheticVolume = { agreements: 5_000, projects: 20_000, fiscalYears: 10, lastFiscalYear: 2026 };

function syntheticId(key: string): string {
  const h = createHash('sha1').update(`synthetic:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const STATUSES: ProjectStatus[] = ['実施', '実施', '実施', '実施', '予定', '中止', '延期'];
const FORMATS: ProjectFormat[] = ['offline', 'offline', 'online', 'hybrid'];
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function seedSyntheticRegistry(db: Kysely<Database>, volume: SyntheticVolume = defaultVolume): Promise<{ agreements: number; projects: number }> {
  const random = prng(20261130);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const now = new Date().toISOString();
  const wards = (await db.selectFrom('wards').select('code').execute()).map((w) => w.code);
  const municipalities = await db
    .selectFrom('local_governments')
    .select(['code', 'prefecture_code'])
    .where('level', '=', 'municipality')
    .where('kind', '!=', '特別区')
    .where('is_counted', '=', 1)
    .execute();
  const types = (await db.selectFrom('agreement_types').select('id').execute()).map((t) => t.id);

  const agreements: Array<Insertable<Database['agreements']>> = [];
  const agreementWards: Array<Insertable<Database['agreement_wards']>> = [];
  const agreementPartners: Array<Insertable<Database['agreement_partners']>> = [];
  for (let i = 0; i < volume.agreements; i++) {
    const id = syntheticId(`agreement:${i}`);
    const year = 1980 + Math.floor(random() * 46);
    const signedOn = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    agreements.push({
      id,
      type_id: pick(types),
      title: `【合成データ】協定 ${i + 1}`,
      signed_on: signedOn,
      ended_on: random() < 0.05 ? `${Math.min(year + 10, 2025)}-03-31` : null,
      source_url: null,
      provenance: 'synthetic' as const,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    agreementWards.push({ agreement_id: id, ward_code: pick(wards) });
    const partnerCount = random() < 0.1 ? 3 : 1;
    const seen = new Set<string>();
    for (let p = 0; p < partnerCount; p++) {
      const m = pick(municipalities);
      if (seen.has(m.code)) continue;
      seen.add(m.code);
      agreementPartners.push({ id: syntheticId(`agreement:${i}:partner:${p}`), agreement_id: id, local_government_code: m.code, group_id: null });
    }
  }

  const projects: Array<Insertable<Database['projects']>> = [];
  const projectWards: Array<Insertable<Database['project_wards']>> = [];
  const projectPartners: Array<Insertable<Database['project_partners']>> = [];
  const firstFy = volume.lastFiscalYear - volume.fiscalYears + 1;
  for (let i = 0; i < volume.projects; i++) {
    const id = syntheticId(`project:${i}`);
    const fiscalYear = firstFy + Math.floor(random() * volume.fiscalYears);
    const joint = random() < 0.05;
    const month = Math.floor(random() * 12);
    const calendarYear = month < 9 ? fiscalYear : fiscalYear + 1;
    const startsOn = `${calendarYear}-${String(((month + 3) % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    projects.push({
      id,
      fiscal_year: fiscalYear,
      title: `【合成データ】連携事業 ${i + 1}`,
      summary: 'ベンチマーク用に生成した架空の記録です。',
      field: 1 + Math.floor(random() * 6),
      organiser_kind: joint ? ('joint' as const) : ('wards' as const),
      starts_on: startsOn,
      ends_on: startsOn,
      format: pick(FORMATS),
      status: pick(STATUSES),
      news_url: null,
      source_url: null,
      provenance: 'synthetic' as const,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    if (!joint) projectWards.push({ project_id: id, ward_code: pick(wards) });
    const m = pick(municipalities);
    projectPartners.push({ project_id: id, local_government_code: m.code, prefecture_code: m.prefecture_code });
  }

  await db.transaction().execute(async (trx) => {
    await insertChunked(agreements, (c) => trx.insertInto('agreements').values(c).execute());
    await insertChunked(agreementWards, (c) => trx.insertInto('agreement_wards').values(c).execute());
    await insertChunked(agreementPartners, (c) => trx.insertInto('agreement_partners').values(c).execute());
    await insertChunked(projects, (c) => trx.insertInto('projects').values(c).execute());
    await insertChunked(projectWards, (c) => trx.insertInto('project_wards').values(c).execute());
    await insertChunked(projectPartners, (c) => trx.insertInto('project_partners').values(c).execute());
  });
  return { agreements: agreements.length, projects: projects.length };
}
