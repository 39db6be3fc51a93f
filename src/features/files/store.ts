// Storing and reading uploaded files. The id is chosen by the server (a random UUID) and is the
// only thing a URL names; the uploader's file name is kept only to be shown and offered on
// download. Files are never changed after they are stored, so a file's URL may be cached forever.
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, FileKind } from '../../db/schema.ts';
import type { PageContext } from '../../views/context.ts';
import { detectContent, type DetectedContent } from './content.ts';

export interface StoredFile {
  id: string;
  name: string;
  mediaType: string;
  kind: FileKind;
  size: number;
}

/** The default size limit of one uploaded file. */
export const maxFileBytes = 10 * 1024 * 1024;

export interface FileToStore {
  bytes: Buffer;
  /** The name the file had on the uploader's machine. */
  originalName: string;
  accept: readonly FileKind[];
  uploadedBy: string | null;
  maxBytes?: number;
}

export type StoreResult = { ok: true; file: StoredFile } | { ok: false; error: (ctx: PageContext) => string };

const kindNames: Record<FileKind, [string, string]> = {
  pdf: ['PDF', 'PDF'],
  image: ['画像（JPEG・PNG・GIF・WebP）', 'images (JPEG, PNG, GIF, WebP)'],
  office: ['Word・Excel・PowerPoint', 'Word, Excel, PowerPoint'],
};

/** What the form accepts, in words: 「PDF、画像（JPEG・PNG・GIF・WebP）」. */
export function acceptedKinds(ctx: PageContext, kinds: readonly FileKind[]): string {
  return kinds.map((k) => (ctx.lang === 'en' ? kindNames[k][1] : kindNames[k][0])).join(ctx.lang === 'en' ? ', ' : '、');
}

/** The file's own name (no folders, no control characters), at most 255 characters. */
export function cleanFileName(raw: string): string {
  const name = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (name || 'file').slice(0, 255);
}

export type UploadCheck = { ok: true; name: string; content: DetectedContent } | { ok: false; error: (ctx: PageContext) => string };

/**
 * Checks an upload without storing it: not empty, within the limit, and of an accepted kind judged
 * by its bytes. For features that transform a file before storing it (PR photos are re-encoded).
 */
export async function checkUpload(input: Pick<FileToStore, 'bytes' | 'originalName' | 'accept' | 'maxBytes'>): Promise<UploadCheck> {
  const limit = input.maxBytes ?? maxFileBytes;
  if (input.bytes.length === 0) return { ok: false, error: (ctx) => ctx.t('ファイルが空です。', 'The file is empty.') };
  if (input.bytes.length > limit) {
    const mb = limit / 1024 / 1024;
    return { ok: false, error: (ctx) => ctx.tFormat(`ファイルが大きすぎます。${mb}MBまでにしてください。`, `The file is too large: the limit is ${mb} MB.`) };
  }
  const name = cleanFileName(input.originalName);
  const content = await detectContent(input.bytes, name);
  if (!content || !input.accept.includes(content.kind)) {
    return {
      ok: false,
      error: (ctx) =>
        ctx.tFormat(
          `「${name}」は受け付けられない種類のファイルです。${acceptedKinds(ctx, input.accept)}のファイルを選んでください（拡張子ではなく中身で判定しています）。`,
          `“${name}” is not a file type this form takes. Choose ${acceptedKinds(ctx, input.accept)} (the content is checked, not the name).`,
        ),
    };
  }
  return { ok: true, name, content };
}

/** Checks the bytes and stores the file, or says in the form's words why it is refused. */
export async function storeFile(db: Kysely<Database> | Transaction<Database>, input: FileToStore): Promise<StoreResult> {
  const checked = await checkUpload(input);
  if (!checked.ok) return checked;
  const { name, content } = checked;
  const file: StoredFile = { id: randomUUID(), name, mediaType: content.mediaType, kind: content.kind, size: input.bytes.length };
  await db
    .insertInto('files')
    .values({
      id: file.id,
      name: file.name,
      media_type: file.mediaType,
      kind: file.kind,
      size: file.size,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      content: input.bytes,
      uploaded_by: input.uploadedBy,
      created_at: new Date().toISOString(),
    })
    .execute();
  return { ok: true, file };
}

/** The files' descriptions (without their bytes), by id. */
export async function loadFiles(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, StoredFile>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('files').select(['id', 'name', 'media_type', 'kind', 'size']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, mediaType: r.media_type, kind: r.kind, size: Number(r.size) }]));
}

export async function loadFileContent(db: Kysely<Database>, id: string): Promise<(StoredFile & { content: Buffer; sha256: string }) | undefined> {
  const row = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, name: row.name, mediaType: row.media_type, kind: row.kind, size: Number(row.size), sha256: row.sha256, content: Buffer.from(row.content) };
}
