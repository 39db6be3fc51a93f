// What the registry's edit pages (/registry/…: agreements, projects, their history, deleted records)
// share around a request: the 404 of a missing record, the name
// of the actor's ward, the choices and references a form is checked against, and loading the stored
// record a URL names with the object-level check made against it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { PageContext } from '../../../views/context.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { sendPage } from '../../../views/render.ts';
import type { EditableEntity } from '../history/commands.ts';
import { registryModel } from '../model/index.ts';
import { formOptions, lookupPartners, namesOf, recordMeta, type RecordMeta } from './back-office-queries.ts';
import type { FormRefsView } from './record-form-fields.tsx';
import { parseRecordId, partnerLines, type FormRefs } from './record-form.ts';
import { assertMayEdit, type RegistryScope } from './scope.ts';

export function recordNotFound(reply: FastifyReply, ctx: PageContext) {
  return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当する記録はありません（削除されている可能性があります）。', 'There is no such record (it may have been deleted).') }), 404);
}

/** The ward whose records the actor edits, by name; null for the secretariat. */
export async function scopeWardName(db: Kysely<Database>, scope: RegistryScope): Promise<string | null> {
  if (!scope.wardCode) return null;
  return (await registryModel(db)).names.ward(scope.wardCode).name;
}

/** The choices of the agreement and project forms, the actor's ward fixed for ward staff. */
export async function formChoices(db: Kysely<Database>, scope: RegistryScope): Promise<FormRefsView> {
  return { ...(await formOptions(db)), fixedWard: scope.wardCode };
}

/** What a posted form is checked against: the choices, and the partner lines looked up. */
export async function formReferences(db: Kysely<Database>, view: FormRefsView, partnersText: string): Promise<FormRefs> {
  return {
    wardCodes: new Set(view.wards.map((w) => w.code)),
    typeIds: new Set(view.types.map((t) => t.id)),
    groupIds: new Set(view.groups.map((g) => g.id)),
    partners: await lookupPartners(db, partnerLines(partnersText)),
  };
}

/** The stored record the URL names, after the object-level check against it (403 when refused); deleted ones included. */
export async function storedRecord(db: Kysely<Database>, request: FastifyRequest, scope: RegistryScope, entity: EditableEntity): Promise<RecordMeta | undefined> {
  const id = parseRecordId(request.params);
  const meta = id ? await recordMeta(db, entity, id) : undefined;
  if (!meta) return undefined;
  assertMayEdit(scope, meta.wardCodes);
  return meta;
}

/** As storedRecord, when the record is not deleted. */
export async function liveRecord(db: Kysely<Database>, request: FastifyRequest, scope: RegistryScope, entity: EditableEntity): Promise<RecordMeta | undefined> {
  const meta = await storedRecord(db, request, scope, entity);
  return meta && !meta.deletedAt ? meta : undefined;
}

/** 「012211 名寄市」: how a partner code reads in the form's partner box. */
export async function partnerLineLabeller(db: Kysely<Database>, codes: string[]): Promise<(code: string) => string> {
  const names = await namesOf(db, codes);
  return (code) => (names.has(code) ? `${code} ${names.get(code)}` : code);
}
