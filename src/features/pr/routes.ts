// /member/pr/:code — a municipality's own staff (or the secretariat) write its PR page. The
// municipality is the one in the URL, checked against the policy ('local-government:edit' with
// { localGovernmentCode }) before the body is even read, and again by the handler: staff of A never
// open or change B's page, whatever the form says. /member/pr sends staff to their own page.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { isValidLocalGovCode } from '../../domain/local-gov-code.ts';
import { ForbiddenError, guard } from '../../policy/guards.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { fieldId } from '../../views/components/record-fields.tsx';
import { ErrorPage, NotFoundPage } from '../../views/errors.tsx';
import { contextFor, sendPage } from '../../views/render.ts';
import { acceptUploads, isUploadLimitError, loadFiles, maxFileBytes, uploadedParts } from '../files/index.ts';
import { savePrPage } from './commands.ts';
import { emptyPrForm, maxPhotos, newPhotoSlots, parsePrForm, prFormFrom, prFormInput, type PrFormInput } from './form.ts';
import { PrFormPage, prEditPath } from './form-view.tsx';
import { storePhoto } from './photos.ts';
import { checkPrRate, prRateRefusalText, type PrRateRefusal } from './rate-limits.ts';
import { allowedPhotoFiles, governmentName } from './queries.ts';
import { loadPrPage, type PrPage } from './record.ts';

function codeOf(request: FastifyRequest): string {
  return String((request.params as { code?: string }).code ?? '').normalize('NFKC');
}

export default async function prMemberRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  // Rights first, before any body (and its files) is read.
  app.addHook('onRequest', async (request, reply) => {
    if (!(request.params as { code?: string }).code) return;
    if (!guard(request, reply, 'local-government:edit', { localGovernmentCode: codeOf(request) })) return reply;
  });
  await acceptUploads(app, { maxFiles: maxPhotos + newPhotoSlots, maxFileBytes });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (!isUploadLimitError(error)) throw error;
    const ctx = contextFor(request, reply);
    return sendPage(
      reply,
      ErrorPage({ ctx, status: 413, detail: ctx.t('送信された写真が大きすぎるか、多すぎます。1枚10MBまでです。ブラウザの「戻る」で入力内容に戻り、写真を選び直してください。', 'A photo is too large (10 MB each) or there are too many. Go back and choose the photos again.') }),
      413,
    );
  });

  app.get('/member/pr', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    if (actor.role === 'secretariat') return reply.redirect('/admin/pr', 303);
    if (!actor.localGovernmentCode) throw new ForbiddenError('local-government:edit');
    return reply.redirect(prEditPath(actor.localGovernmentCode), 303);
  });

  /** The municipality of the URL (the hook has checked the right to it), or a 404 sent. */
  const target = async (request: FastifyRequest, reply: FastifyReply) => {
    const code = codeOf(request);
    const government = isValidLocalGovCode(code) ? await governmentName(db, code) : undefined;
    if (!government) {
      const ctx = contextFor(request, reply);
      await sendPage(reply, NotFoundPage({ ctx, detail: ctx.tFormat(`団体コード ${code.slice(0, 10)} の自治体は登録されていません。`, `No local government has the code ${code.slice(0, 10)}.`) }), 404);
      return undefined;
    }
    return { code, name: `${government.prefectureName}${government.name}`, page: await loadPrPage(db, code) };
  };

  const show = (request: FastifyRequest, reply: FastifyReply, props: { code: string; name: string; page?: PrPage; input: PrFormInput; errors?: FieldError[]; conflict?: string; notice?: string }, status = 200) => {
    const ctx = contextFor(request, reply);
    return sendPage(
      reply,
      PrFormPage({
        ctx,
        code: props.code,
        name: props.name,
        input: props.input,
        errors: props.errors ?? [],
        hiddenReason: props.page?.hiddenAt ? props.page.hiddenReason : undefined,
        conflict: props.conflict,
        notice: props.notice,
        forSecretariat: request.actor.kind === 'account' && request.actor.role === 'secretariat',
      }),
      status,
    );
  };

  app.get('/member/pr/:code', async (request, reply) => {
    const found = await target(request, reply);
    if (!found) return reply;
    const ctx = contextFor(request, reply);
    const saved = (request.query as Record<string, unknown>).done === 'saved';
    const notice = saved ? ctx.t('PRページを保存しました。自治体のページに公開されています。', 'The PR page was saved and is public on the municipality’s page.') : undefined;
    if (!found.page) return show(request, reply, { ...found, page: undefined, input: emptyPrForm(), notice });
    const files = await loadFiles(db, found.page.photos.map((p) => p.fileId));
    const names = new Map([...files].map(([id, f]) => [id, f.name]));
    return show(request, reply, { ...found, page: found.page, input: prFormFrom(found.page, names), notice });
  });

  app.post('/member/pr/:code', async (request, reply) => {
    const found = await target(request, reply);
    if (!found) return reply;
    // Re-checked on the stored record's code (the URL's, normalised), never on the form's content.
    const actor = guard(request, reply, 'local-government:edit', { localGovernmentCode: found.code });
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const limited = actor.role !== 'secretariat';
    // Photos sent with the form are checked, re-encoded and stored first, so a form shown again keeps
    // them; each counts against the hourly photo limit before it is decoded, and once the limit is
    // reached the rest are not read at all.
    const uploaded = new Map<number, { fileId: string; thumbId: string; fileName: string }>();
    const uploadErrors: FieldError[] = [];
    let photoRefusal: PrRateRefusal | undefined;
    for (const part of uploadedParts(request)) {
      const match = /^photo\.(\d{1,2})\.file$/.exec(part.field);
      if (!match) continue;
      if (limited && !photoRefusal) photoRefusal = await checkPrRate(db, actor.id, 'photoHourly');
      if (photoRefusal) {
        uploadErrors.push({ field: fieldId(`photo.${match[1]}.file`), message: prRateRefusalText(ctx, photoRefusal) });
        break;
      }
      const stored = await storePhoto(db, { bytes: part.bytes, fileName: part.fileName, uploadedBy: actor.id });
      if (stored.ok) uploaded.set(Number(match[1]), stored);
      else uploadErrors.push({ field: fieldId(`photo.${match[1]}.file`), message: stored.error(ctx) });
    }
    const input = prFormInput(request.body, uploaded);
    const known = await allowedPhotoFiles(db, found.code, actor.id, input.photos.flatMap((p) => [p.fileId, p.thumbId]));
    const parsed = parsePrForm(ctx, input, known);
    if (!parsed.ok || uploadErrors.length > 0) {
      // A refused upload's error is shown on the first empty slot, where the photo is chosen again.
      const shifted = uploadErrors.map((e, i) => ({ ...e, field: fieldId(`photo.${input.photos.length + i}.file`) }));
      if (photoRefusal) reply.header('retry-after', String(photoRefusal.retryAfterSeconds));
      return show(request, reply, { ...found, input, errors: [...shifted, ...(parsed.ok ? [] : parsed.errors)] }, photoRefusal ? 429 : 400);
    }
    // Only a save that would be written counts: a form refused for its input can be corrected at once.
    const saveRefusal = limited ? await checkPrRate(db, actor.id, 'save') : undefined;
    if (saveRefusal) {
      reply.header('retry-after', String(saveRefusal.retryAfterSeconds));
      return show(request, reply, { ...found, input, errors: [{ field: fieldId('save'), message: prRateRefusalText(ctx, saveRefusal) }] }, 429);
    }
    const expected = /^\d{1,9}$/.test(input.version) ? Number(input.version) : -1;
    const result = await savePrPage(db, { id: actor.id, ip: request.ip }, { code: found.code, expectedVersion: expected }, parsed.content);
    if (!result.ok) {
      const conflict = ctx.t('このPRページは、あなたが編集を始めた後に別の人が保存しました。入力した内容を控えてから最新の内容を開き、もう一度編集してください。', 'Someone saved this PR page after you opened it. Keep a copy of your input, open the latest version and edit it again.');
      return show(request, reply, { ...found, input, conflict }, 409);
    }
    return reply.redirect(`${prEditPath(found.code)}?done=saved`, 303);
  });
}
