// Synthetic benchmark volume for PR pages: a page for every counted municipality (about 1,741),
// each marked provenance 'synthetic' with 「【合成データ】」 in its texts, with two or three
// collaboration fields, an official link, two photos (rows pointing at a few shared generated
// images) and its first version. For `npm run bench` only: never loaded by `npm start`.
import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import sharp from 'sharp';
import type { Database } from '../src/db/schema.ts';

const CHUNK = 300;

function syntheticFileId(key: string): string {
  const h = createHash('sha1').update(`synthetic-pr:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Two generated pictures (a full JPEG and a small WebP each), shared by every page. */
async function insertSyntheticImages(db: Kysely<Database>): Promise<Array<{ full: string; thumb: string }>> {
  const now = new Date().toISOString();
  const images: Array<{ full: string; thumb: string }> = [];
  for (const [i, colour] of ['#6688aa', '#aa8866'].entries()) {
    const base = sharp({ create: { width: 1600, height: 1200, channels: 3, background: colour } });
    const full = await base.clone().jpeg({ quality: 82 }).toBuffer();
    const thumb = await base.clone().resize({ width: 480 }).webp({ quality: 75 }).toBuffer();
    const ids = { full: syntheticFileId(`full-${i}`), thumb: syntheticFileId(`thumb-${i}`) };
    for (const [id, bytes, mediaType, name] of [
      [ids.full, full, 'image/jpeg', `synthetic-${i}.jpg`],
      [ids.thumb, thumb, 'image/webp', `synthetic-${i}-small.webp`],
    ] as const) {
      await db
        .insertInto('files')
        .values({ id, name, media_type: mediaType, kind: 'image', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), content: bytes, uploaded_by: null, created_at: now })
        .execute();
    }
    images.push(ids);
  }
  return images;
}

function paragraph(i: number, subject: string): string {
  return `【合成データ】自治体 ${i} の${subject}を想定した長さの文章です。ベンチマークのためだけに生成しており、実在の自治体の情報ではありません。`;
}

/** Inserts a PR page for every counted municipality; returns how many. */
export async function seedSyntheticPrPages(db: Kysely<Database>): Promise<number> {
  const codes = (await db.selectFrom('local_governments').select('code').where('level', '=', 'municipality').where('is_counted', '=', 1).where('valid_to', 'is', null).orderBy('code').execute()).map((r) => r.code);
  const images = await insertSyntheticImages(db);
  const start = Date.UTC(2026, 0, 1);
  const pages: Array<Insertable<Database['pr_pages']>> = [];
  const fields: Array<Insertable<Database['pr_page_fields']>> = [];
  const photos: Array<Insertable<Database['pr_page_photos']>> = [];
  const versions: Array<Insertable<Database['pr_page_versions']>> = [];
  codes.forEach((code, i) => {
    const at = new Date(start + i * 3_600_000).toISOString();
    const pageFields = [1 + (i % 6), 1 + ((i + 2) % 6), ...(i % 3 === 0 ? [1 + ((i + 4) % 6)] : [])].filter((f, k, all) => all.indexOf(f) === k);
    const pagePhotos = images.map((img, position) => ({ fileId: img.full, thumbId: img.thumb, alt: `【合成データ】写真 ${position + 1}`, caption: `【合成データ】自治体 ${i} の写真` }));
    const content = {
      catchCopy: `【合成データ】自治体 ${i} のキャッチコピー`,
      introduction: [paragraph(i, '紹介'), paragraph(i, '紹介の続き').repeat(3)].join('\n\n'),
      specialities: paragraph(i, '特産品'),
      sightseeing: paragraph(i, '観光'),
      relocation: paragraph(i, '移住の情報'),
      fields: pageFields,
      contactDepartment: '【合成データ】企画課',
      contactPhone: '00-0000-0000',
      contactEmail: 'synthetic@example.jp',
      links: [{ label: '【合成データ】公式サイト', url: `https://example.jp/synthetic/${code}` }],
      photos: pagePhotos,
    };
    pages.push({
      code,
      catch_copy: content.catchCopy,
      introduction: content.introduction,
      specialities: content.specialities,
      sightseeing: content.sightseeing,
      relocation: content.relocation,
      contact_department: content.contactDepartment,
      contact_phone: content.contactPhone,
      contact_email: content.contactEmail,
      links: JSON.stringify(content.links),
      provenance: 'synthetic',
      version: 1,
      created_at: at,
      updated_at: at,
    });
    for (const field of pageFields) fields.push({ code, field });
    pagePhotos.forEach((p, position) => photos.push({ code, position, file_id: p.fileId, thumb_file_id: p.thumbId, alt: p.alt, caption: p.caption }));
    versions.push({ code, version: 1, snapshot: JSON.stringify(content), note: '合成データ', saved_by: null, saved_at: at });
  });
  for (const [table, rows] of [
    ['pr_pages', pages],
    ['pr_page_fields', fields],
    ['pr_page_photos', photos],
    ['pr_page_versions', versions],
  ] as const) {
    for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
  await db.updateTable('data_revisions').set((eb) => ({ revision: eb('revision', '+', 1) })).where('topic', '=', 'pr').execute();
  return codes.length;
}
