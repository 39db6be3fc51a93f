// The wards' agreements with municipalities, prefectures and groups, loaded from the ward files
// (./ward-partners/: one file per ward, every agreement citing the sources it was read in). Each
// agreement becomes a record with its wards, its partners (with the name at signing), its 要確認
// note, and its sources as records of their own (one row per page, however many agreements and
// files cite it). The rule of the whole registry seed holds: only what is missing is written.
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';
import { wardPartnerFiles } from './ward-partners/index.ts';
import type { SourceSeed, WardAgreementSeed, WardPartnersFile } from './ward-partners/types.ts';
import { note, partialDate, recordColumns, seedId, type SeedContext } from './util.ts';

export function agreementId(key: string): string {
  return seedId('agreement', key);
}

/** One row per source however many files list it: a page is known by its address. */
export function sourceId(source: SourceSeed): string {
  return seedId('source', source.url ?? `${source.publisher}\n${source.title}`);
}

/** Agreement types the ward files add to the vocabulary, after the standard ones. */
async function seedFileTypes(db: Kysely<Database>, files: readonly WardPartnersFile[], now: string): Promise<void> {
  const types = new Map(files.flatMap((f) => f.types ?? []).map((t) => [t.id, t]));
  if (types.size === 0) return;
  await db
    .insertInto('agreement_types')
    .values([...types.values()].map((t, i) => ({ id: t.id, name: t.name, name_en: t.nameEn, category: t.category, sort_order: 1000 + i * 10, created_at: now, updated_at: now, deleted_at: null })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

async function seedSources(db: Kysely<Database>, files: readonly WardPartnersFile[], now: string): Promise<void> {
  const sources = new Map<string, SourceSeed>();
  for (const f of files) for (const s of Object.values(f.sources)) if (!sources.has(sourceId(s))) sources.set(sourceId(s), s);
  const rows = [...sources].map(([id, s]) => {
    const stated = partialDate(s.statedOn);
    return { id, url: s.url, title: s.title, publisher: s.publisher, stated_on: stated.on, stated_on_precision: stated.precision, stated_text: s.statedText ?? '', provenance: 'seed' as const, created_at: now };
  });
  // In slices: a few hundred rows of nine values each stay far below either engine's parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('sources').values(rows.slice(i, i + 500)).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}

interface ResolvedSeed {
  seed: WardAgreementSeed;
  id: string;
  wardCodes: string[];
  partners: Array<{ code: string; nameAtSigning: string }>;
  /** The cited sources' ids, in the file's order (the first is the main source). */
  sourceIds: string[];
  /** The first cited source with a web address, kept on the record as its source link. */
  sourceUrl: string | null;
}

export async function seedAgreements({ db, now, lg }: SeedContext, files: readonly WardPartnersFile[] = wardPartnerFiles): Promise<number> {
  // Resolve every name first: an unknown name stops the seed before anything is written.
  const resolved: ResolvedSeed[] = files.flatMap((file) =>
    file.agreements.map((seed) => {
      const cited = seed.sources.map((key) => {
        const source = file.sources[key];
        if (!source) throw new Error(`${file.ward} ${seed.key}: no source ${key}`);
        return source;
      });
      return {
        seed,
        id: agreementId(seed.key),
        wardCodes: (seed.wards ?? [file.ward]).map((w) => lg.ward(w)),
        partners: seed.partners.map(([prefecture, municipality, nameAtSigning]) => ({
          code: municipality === undefined ? lg.prefecture(prefecture) : lg.municipality(prefecture, municipality),
          nameAtSigning: nameAtSigning ?? '',
        })),
        sourceIds: cited.map(sourceId),
        sourceUrl: cited.find((s) => s.url !== null)?.url ?? null,
      };
    }),
  );
  await seedFileTypes(db, files, now);
  await seedSources(db, files, now);

  const existing = new Set<string>();
  for (let i = 0; i < resolved.length; i += 500) {
    const ids = resolved.slice(i, i + 500).map((r) => r.id);
    for (const row of await db.selectFrom('agreements').select('id').where('id', 'in', ids).execute()) existing.add(row.id);
  }
  // Only facts not yet recorded are written, parties included: a restart never re-adds a party
  // removed on the site, and a deleted (deleted_at) seed agreement stays deleted.
  const fresh = resolved.filter((r) => !existing.has(r.id));
  if (fresh.length > 0) await insertAgreements(db, fresh, now);
  // Sources are linked to the new records, and to seed records of a database made before sources
  // were records of their own (they have none yet); links are never rewritten after that.
  const linked = new Set((await db.selectFrom('agreement_sources').select('agreement_id').distinct().execute()).map((r) => r.agreement_id));
  const unlinked = resolved.filter((r) => !linked.has(r.id));
  const links = unlinked.flatMap((r) => [...new Set(r.sourceIds)].map((source_id, position) => ({ agreement_id: r.id, source_id, position })));
  for (let i = 0; i < links.length; i += 1000) {
    await db.insertInto('agreement_sources').values(links.slice(i, i + 1000)).onConflict((oc) => oc.columns(['agreement_id', 'source_id']).doNothing()).execute();
  }
  return fresh.length;
}

async function insertAgreements(db: Kysely<Database>, fresh: readonly ResolvedSeed[], now: string): Promise<void> {
  for (let i = 0; i < fresh.length; i += 200) {
    const slice = fresh.slice(i, i + 200);
    await db
      .insertInto('agreements')
      .values(
        slice.map(({ seed, id, sourceUrl }) => {
          const signed = partialDate(seed.signed);
          // Re-signing dates are stored to the day; one a source gives only to the month or year
          // is kept in the notes as the source gives it, rather than as a made-up day.
          const resigned = seed.resigned ?? [];
          const fullDates = resigned.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
          const partial = resigned.filter((d) => !fullDates.includes(d));
          return {
            id,
            type_id: seed.type,
            title: seed.title,
            signed_on: signed.on,
            signed_on_precision: signed.precision,
            resigned_dates: fullDates.join(';'),
            ended_on: partialDate(seed.ended ?? null).on,
            background: seed.background ?? '',
            review_note: seed.review ?? '',
            ...recordColumns(now, sourceUrl, note(seed.notes, partial.length > 0 && `再締結・改定(出典の記載は年または月まで): ${partial.join('、')}`)),
          };
        }),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await db
      .insertInto('agreement_wards')
      .values(slice.flatMap(({ id, wardCodes }) => wardCodes.map((ward_code) => ({ agreement_id: id, ward_code }))))
      .onConflict((oc) => oc.columns(['agreement_id', 'ward_code']).doNothing())
      .execute();
    await db
      .insertInto('agreement_partners')
      .values(
        slice.flatMap(({ id, partners }) =>
          partners.map((p) => ({ id: seedId('agreement-partner', `${id}/${p.code}`), agreement_id: id, local_government_code: p.code, group_id: null, former_name: p.nameAtSigning })),
        ),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}
