// A PR page's two shapes: its content (what an edit changes, what a version keeps) and the stored
// page (content plus who may see it). Loaded with its fields and photos in one place.
import type { Kysely, Transaction } from 'kysely';
import type { Database, Provenance } from '../../db/schema.ts';

export interface PrLink {
  label: string;
  url: string;
}

export interface PrPhoto {
  /** The re-encoded photo (long side at most 1600 px) and its small version. */
  fileId: string;
  thumbId: string;
  /** Alternative text: what the photo shows. Required. */
  alt: string;
  caption: string;
}

export interface PrContent {
  catchCopy: string;
  introduction: string;
  specialities: string;
  sightseeing: string;
  relocation: string;
  /** The collaboration fields (分野, 1–6) the municipality wants to work in. */
  fields: number[];
  contactDepartment: string;
  contactPhone: string;
  contactEmail: string;
  links: PrLink[];
  photos: PrPhoto[];
}

export interface PrPage extends PrContent {
  code: string;
  sourceUrl: string | null;
  provenance: Provenance;
  hiddenAt: string | null;
  hiddenReason: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type Reader = Kysely<Database> | Transaction<Database>;

export async function loadPrPage(db: Reader, code: string): Promise<PrPage | undefined> {
  const row = await db.selectFrom('pr_pages').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return undefined;
  const [fields, photos] = await Promise.all([
    db.selectFrom('pr_page_fields').select('field').where('code', '=', code).orderBy('field').execute(),
    db.selectFrom('pr_page_photos').selectAll().where('code', '=', code).orderBy('position').execute(),
  ]);
  return {
    code: row.code,
    catchCopy: row.catch_copy,
    introduction: row.introduction,
    specialities: row.specialities,
    sightseeing: row.sightseeing,
    relocation: row.relocation,
    fields: fields.map((f) => Number(f.field)),
    contactDepartment: row.contact_department,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    links: parseLinks(row.links),
    photos: photos.map((p) => ({ fileId: p.file_id, thumbId: p.thumb_file_id, alt: p.alt, caption: p.caption })),
    sourceUrl: row.source_url,
    provenance: row.provenance,
    hiddenAt: row.hidden_at,
    hiddenReason: row.hidden_reason,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parseLinks(json: string): PrLink[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((l): l is PrLink => typeof l?.label === 'string' && typeof l?.url === 'string') : [];
  } catch {
    return [];
  }
}

export function contentOf(page: PrPage): PrContent {
  const { catchCopy, introduction, specialities, sightseeing, relocation, fields, contactDepartment, contactPhone, contactEmail, links, photos } = page;
  return { catchCopy, introduction, specialities, sightseeing, relocation, fields, contactDepartment, contactPhone, contactEmail, links, photos };
}

/** True when the public may see the page. */
export function isVisible(page: Pick<PrPage, 'hiddenAt'>): boolean {
  return page.hiddenAt === null;
}
