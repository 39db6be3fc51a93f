// What is done to a PR page, each named for its intent: one transaction, a kept version (for
// content changes), an audit entry, and the 'pr' revision raised last so every instance's page
// cache and search index see the change on their next request.
import type { Kysely, Transaction } from 'kysely';
import type { Database, Provenance } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit.ts';
import { bumpRevision } from '../../db/revisions.ts';
import { loadPrPage, contentOf, type PrContent } from './record.ts';

export interface Author {
  /** null for the seed and the bench's volume. */
  id: string | null;
  ip?: string;
}

export type PrResult = { ok: true } | { ok: false; reason: 'conflict' | 'not-found' };

function rowOf(content: PrContent) {
  return {
    catch_copy: content.catchCopy,
    introduction: content.introduction,
    specialities: content.specialities,
    sightseeing: content.sightseeing,
    relocation: content.relocation,
    contact_department: content.contactDepartment,
    contact_phone: content.contactPhone,
    contact_email: content.contactEmail,
    links: JSON.stringify(content.links),
  };
}

async function writeParts(trx: Transaction<Database>, code: string, content: PrContent): Promise<void> {
  await trx.deleteFrom('pr_page_fields').where('code', '=', code).execute();
  await trx.deleteFrom('pr_page_photos').where('code', '=', code).execute();
  if (content.fields.length > 0) await trx.insertInto('pr_page_fields').values(content.fields.map((field) => ({ code, field }))).execute();
  if (content.photos.length > 0) {
    await trx
      .insertInto('pr_page_photos')
      .values(content.photos.map((p, position) => ({ code, position, file_id: p.fileId, thumb_file_id: p.thumbId, alt: p.alt, caption: p.caption })))
      .execute();
  }
}

async function insertVersion(trx: Transaction<Database>, code: string, version: number, content: PrContent, by: string | null, now: string, note = ''): Promise<void> {
  await trx.insertInto('pr_page_versions').values({ code, version, snapshot: JSON.stringify(content), note, saved_by: by, saved_at: now }).execute();
}

/**
 * Writes the page as a new version. `expectedVersion` is the version the form was opened at (0 for
 * a page not written yet): anything else stored now is a conflict, and nothing is written.
 */
export async function savePrPage(
  db: Kysely<Database>,
  author: Author,
  target: { code: string; expectedVersion: number },
  content: PrContent,
  options: { provenance?: Provenance; sourceUrl?: string | null; note?: string } = {},
): Promise<PrResult> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('pr_pages').select('version').where('code', '=', target.code).executeTakeFirst();
    const now = new Date().toISOString();
    const version = Number(before?.version ?? 0) + 1;
    if (Number(before?.version ?? 0) !== target.expectedVersion) return { ok: false, reason: 'conflict' } as const;
    if (before) {
      const result = await trx
        .updateTable('pr_pages')
        .set({ ...rowOf(content), version, updated_by: author.id, updated_at: now })
        .where('code', '=', target.code)
        .where('version', '=', target.expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' } as const;
    } else {
      await trx
        .insertInto('pr_pages')
        .values({
          code: target.code,
          ...rowOf(content),
          source_url: options.sourceUrl ?? null,
          provenance: options.provenance ?? 'entry',
          version,
          created_by: author.id,
          updated_by: author.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await writeParts(trx, target.code, content);
    await insertVersion(trx, target.code, version, content, author.id, now, options.note);
    await recordAudit(trx, { actorAccountId: author.id, action: before ? 'pr.updated' : 'pr.created', targetType: 'pr_page', targetId: target.code, ip: author.ip, detail: { version } });
    await bumpRevision(trx, 'pr');
    return { ok: true } as const;
  });
}

/** Restores an earlier version's content as a new version; hiding is left as it is. */
export async function restorePrVersion(db: Kysely<Database>, author: Author, target: { code: string; expectedVersion: number; version: number }): Promise<PrResult> {
  return db.transaction().execute(async (trx) => {
    const before = await loadPrPage(trx, target.code);
    if (!before) return { ok: false, reason: 'not-found' } as const;
    if (before.version !== target.expectedVersion) return { ok: false, reason: 'conflict' } as const;
    const row = await trx.selectFrom('pr_page_versions').select('snapshot').where('code', '=', target.code).where('version', '=', target.version).executeTakeFirst();
    if (!row) return { ok: false, reason: 'not-found' } as const;
    const content = { ...contentOf(before), ...(JSON.parse(row.snapshot) as PrContent) };
    const now = new Date().toISOString();
    const version = before.version + 1;
    const result = await trx
      .updateTable('pr_pages')
      .set({ ...rowOf(content), version, updated_by: author.id, updated_at: now })
      .where('code', '=', target.code)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' } as const;
    await writeParts(trx, target.code, content);
    await insertVersion(trx, target.code, version, content, author.id, now, `第${target.version}版から復元`);
    await recordAudit(trx, { actorAccountId: author.id, action: 'pr.restored', targetType: 'pr_page', targetId: target.code, ip: author.ip, detail: { from: target.version, version } });
    await bumpRevision(trx, 'pr');
    return { ok: true } as const;
  });
}

/**
 * The secretariat hides a page (with its reason) or shows it again. Not a content version: the
 * municipality's open form stays valid. updated_at moves, so the search index sees the change.
 */
export async function setPrPageHidden(db: Kysely<Database>, author: Author & { id: string }, code: string, hide: { hidden: true; reason: string } | { hidden: false }): Promise<PrResult> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('pr_pages')
      .set(hide.hidden ? { hidden_at: now, hidden_reason: hide.reason, hidden_by: author.id, updated_at: now } : { hidden_at: null, hidden_reason: '', hidden_by: null, updated_at: now })
      .where('code', '=', code)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'not-found' } as const;
    await recordAudit(trx, {
      actorAccountId: author.id,
      action: hide.hidden ? 'pr.hidden' : 'pr.shown',
      targetType: 'pr_page',
      targetId: code,
      ip: author.ip,
      detail: hide.hidden ? { reason: hide.reason } : {},
    });
    await bumpRevision(trx, 'pr');
    return { ok: true } as const;
  });
}
