// PR photos: checked by content (the files module), then auto-rotated, resized and re-encoded with
// sharp. Re-encoding drops every piece of metadata (EXIF with its GPS position, XMP, IPTC, the
// camera's comments) since sharp keeps none unless asked: what is published is only the picture.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PageContext } from '../../views/context.ts';
import { checkUpload, storeFile } from '../files/index.ts';

export const photoSizes = {
  /** The long side of the published photo, in pixels. */
  full: 1600,
  /** The long side of the small version shown on the page. */
  thumb: 480,
} as const;

/** Larger decoded images are refused (a small file can decode to a huge bitmap). */
const maxInputPixels = 50_000_000;

export type StoredPhoto = { ok: true; fileId: string; thumbId: string; fileName: string } | { ok: false; error: (ctx: PageContext) => string };

// sharp (libvips) is loaded on the first photo, not at start: it adds tens of MB to every instance's
// memory, and most instances never receive a photo.
let loadedSharp: Promise<typeof import('sharp')> | undefined;

async function reencode(bytes: Buffer): Promise<{ full: Buffer; thumb: Buffer }> {
  const { default: sharp } = await (loadedSharp ??= import('sharp'));
  const source = sharp(bytes, { limitInputPixels: maxInputPixels, animated: false, failOn: 'error' });
  // rotate() with no angle turns the picture upright from its EXIF orientation, before it is dropped.
  const upright = source.rotate().flatten({ background: '#ffffff' });
  const fit = (side: number) => ({ width: side, height: side, fit: 'inside' as const, withoutEnlargement: true });
  const [full, thumb] = await Promise.all([
    upright.clone().resize(fit(photoSizes.full)).jpeg({ quality: 82, mozjpeg: true }).toBuffer(),
    upright.clone().resize(fit(photoSizes.thumb)).webp({ quality: 75 }).toBuffer(),
  ]);
  return { full, thumb };
}

export async function storePhoto(db: Kysely<Database>, upload: { bytes: Buffer; fileName: string; uploadedBy: string }): Promise<StoredPhoto> {
  const checked = await checkUpload({ bytes: upload.bytes, originalName: upload.fileName, accept: ['image'] });
  if (!checked.ok) return checked;
  let encoded: { full: Buffer; thumb: Buffer };
  try {
    encoded = await reencode(upload.bytes);
  } catch {
    const name = checked.name;
    return { ok: false, error: (ctx) => ctx.tFormat(`「${name}」を画像として読み取れませんでした。別の写真を選んでください。`, `“${name}” could not be read as a picture; choose another photo.`) };
  }
  const base = checked.name.replace(/\.[^.]*$/, '') || 'photo';
  const full = await storeFile(db, { bytes: encoded.full, originalName: `${base}.jpg`, accept: ['image'], uploadedBy: upload.uploadedBy });
  const thumb = await storeFile(db, { bytes: encoded.thumb, originalName: `${base}-small.webp`, accept: ['image'], uploadedBy: upload.uploadedBy });
  if (!full.ok) return full;
  if (!thumb.ok) return thumb;
  return { ok: true, fileId: full.file.id, thumbId: thumb.file.id, fileName: full.file.name };
}
