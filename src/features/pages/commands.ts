// What the secretariat does with the site pages, each named for its intent: one transaction, a
// kept version (pages), an audit entry, and the 'site-pages' revision raised last so that every
// instance's page cache serves the new text on its next request.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../db/audit.ts';
import { bumpRevision } from '../../db/revisions.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../policy/index.ts';
import type { SitePageSlug } from './catalogue.ts';
import { contentOf, loadSitePage, loadTestResult, sitePageVersion, type SitePageContent, type TestResultContent } from './record.ts';

type Account = Extract<Actor, { kind: 'account' }>;

export type CommandResult = { ok: true } | { ok: false; reason: 'conflict' | 'not-found' };

/** Writes the page's new content if it is still at `expectedVersion`, and keeps it as a version. */
async function savePage(trx: Transaction<Database>, actor: Account, slug: SitePageSlug, expectedVersion: number, content: SitePageContent, note: string): Promise<number | undefined> {
  const now = new Date().toISOString();
  const version = expectedVersion + 1;
  const updated = await trx
    .updateTable('site_pages')
    .set({ title_ja: content.titleJa, title_en: content.titleEn, body_ja: content.bodyJa, body_en: content.bodyEn, version, updated_by: actor.id, updated_at: now })
    .where('slug', '=', slug)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return undefined;
  await trx.insertInto('site_page_versions').values({ slug, version, snapshot: JSON.stringify(contentOf(content)), note, saved_by: actor.id, saved_at: now }).execute();
  return version;
}

export async function revisePage(db: Kysely<Database>, actor: Account, target: { slug: SitePageSlug; expectedVersion: number }, content: SitePageContent, ip: string): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const before = await loadSitePage(trx, target.slug);
    if (!before) return { ok: false, reason: 'not-found' } as const;
    if (before.version !== target.expectedVersion) return { ok: false, reason: 'conflict' } as const;
    const version = await savePage(trx, actor, target.slug, before.version, content, '');
    if (version === undefined) return { ok: false, reason: 'conflict' } as const;
    await recordAudit(trx, { actorAccountId: actor.id, action: 'site_page.updated', targetType: 'site_page', targetId: target.slug, ip, detail: { version } });
    await bumpRevision(trx, 'site-pages');
    return { ok: true } as const;
  });
}

/** Restores an earlier version's titles and texts as a new version. */
export async function restorePageVersion(db: Kysely<Database>, actor: Account, target: { slug: SitePageSlug; expectedVersion: number; version: number }, ip: string): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const before = await loadSitePage(trx, target.slug);
    const old = await sitePageVersion(trx, target.slug, target.version);
    if (!before || !old) return { ok: false, reason: 'not-found' } as const;
    if (before.version !== target.expectedVersion) return { ok: false, reason: 'conflict' } as const;
    const version = await savePage(trx, actor, target.slug, before.version, old, `第${target.version}版から復元`);
    if (version === undefined) return { ok: false, reason: 'conflict' } as const;
    await recordAudit(trx, { actorAccountId: actor.id, action: 'site_page.restored', targetType: 'site_page', targetId: target.slug, ip, detail: { version, from: target.version } });
    await bumpRevision(trx, 'site-pages');
    return { ok: true } as const;
  });
}

function resultColumns(content: TestResultContent) {
  return {
    tested_on: content.testedOn,
    standard: content.standard,
    target_level: content.targetLevel,
    scope: content.scope,
    method: content.method,
    result: content.result,
    notes: content.notes,
  };
}

export async function addTestResult(db: Kysely<Database>, actor: Account, content: TestResultContent, ip: string): Promise<{ ok: true; id: string }> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('accessibility_test_results')
      .values({ id, ...resultColumns(content), version: 1, updated_by: actor.id, updated_at: new Date().toISOString() })
      .execute();
    await recordAudit(trx, { actorAccountId: actor.id, action: 'accessibility_test.added', targetType: 'accessibility_test', targetId: id, ip, detail: { testedOn: content.testedOn } });
    await bumpRevision(trx, 'site-pages');
  });
  return { ok: true, id };
}

export async function reviseTestResult(db: Kysely<Database>, actor: Account, target: { id: string; expectedVersion: number }, content: TestResultContent, ip: string): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const before = await loadTestResult(trx, target.id);
    if (!before) return { ok: false, reason: 'not-found' } as const;
    const updated = await trx
      .updateTable('accessibility_test_results')
      .set({ ...resultColumns(content), version: target.expectedVersion + 1, updated_by: actor.id, updated_at: new Date().toISOString() })
      .where('id', '=', target.id)
      .where('version', '=', target.expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' } as const;
    await recordAudit(trx, { actorAccountId: actor.id, action: 'accessibility_test.updated', targetType: 'accessibility_test', targetId: target.id, ip, detail: { version: target.expectedVersion + 1 } });
    await bumpRevision(trx, 'site-pages');
    return { ok: true } as const;
  });
}

export async function removeTestResult(db: Kysely<Database>, actor: Account, target: { id: string; expectedVersion: number }, ip: string): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const before = await loadTestResult(trx, target.id);
    if (!before) return { ok: false, reason: 'not-found' } as const;
    const deleted = await trx.deleteFrom('accessibility_test_results').where('id', '=', target.id).where('version', '=', target.expectedVersion).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) return { ok: false, reason: 'conflict' } as const;
    // The removed row goes into the audit entry, so that it can be written in again if need be.
    await recordAudit(trx, { actorAccountId: actor.id, action: 'accessibility_test.removed', targetType: 'accessibility_test', targetId: target.id, ip, detail: { ...before } });
    await bumpRevision(trx, 'site-pages');
    return { ok: true } as const;
  });
}
