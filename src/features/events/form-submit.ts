// Reading a submitted event form with its flyer: the fields are checked first, and the flyer is
// stored (checked by its content) only when they pass, so a refused form leaves no file behind.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { fieldId } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import { loadFiles, fileLabel, fileUrl, storeFile, uploadedParts } from '../files/index.ts';
import { eventFormInput, parseEventForm, type EventFormInput, type ParsedForm } from './form.ts';

export async function readEventForm(
  ctx: PageContext,
  db: Kysely<Database>,
  request: FastifyRequest,
  options: { fixedCode: string | null; uploadedBy: string },
): Promise<{ input: EventFormInput; parsed: ParsedForm }> {
  const input = eventFormInput(request.body);
  const parsed = await parseEventForm(ctx, db, input, { fixedCode: options.fixedCode });
  const flyer = uploadedParts(request).find((p) => p.field === 'flyer');
  if (!parsed.ok || !flyer) return { input, parsed };
  const stored = await storeFile(db, { bytes: flyer.bytes, originalName: flyer.fileName, accept: ['pdf', 'image'], uploadedBy: options.uploadedBy });
  if (!stored.ok) return { input, parsed: { ok: false, errors: [{ field: fieldId('flyer'), message: stored.error(ctx) }] } };
  input.flyerFileId = stored.file.id;
  input.removeFlyer = '';
  return { input, parsed: { ok: true, value: { ...parsed.value, flyerFileId: stored.file.id } } };
}

/** The flyer shown on a form (the one stored, or the one just uploaded). */
export async function flyerOf(db: Kysely<Database>, id: string | null | undefined) {
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const file = (await loadFiles(db, [id])).get(id);
  return file ? { href: fileUrl(file), label: fileLabel(file), name: file.name } : undefined;
}
