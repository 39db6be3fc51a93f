// /wards: the 23 special wards by 特別区長会 block; /wards/:code: one ward with its ties.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { isValidLocalGovCode, withCheckDigit } from '../../../domain/local-gov-code.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, EncodedPiece, sendPage } from '../../../views/render.ts';
import { memoizedForDay, registryModel } from '../model/index.ts';
import { prefectureNames } from '../shared/choices.ts';
import { listWards, wardProfile } from './queries.ts';
import { WardListPage, WardPage, WardPageContent } from './views.tsx';

export default async function wardsRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  app.get('/wards', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const wards = listWards(await registryModel(db), formatIsoDate(new Date()));
    return sendPage(reply, WardListPage({ ctx, wards }));
  });

  app.get('/wards/:code', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const code = String((request.params as { code: string }).code).normalize('NFKC');
    // The 5-digit form (without check digit), as on the municipalities pages.
    if (/^\d{5}$/.test(code) && isValidLocalGovCode(withCheckDigit(code))) {
      return reply.redirect(`/wards/${withCheckDigit(code)}`, 301);
    }
    if (!isValidLocalGovCode(code)) {
      const detail = ctx.t(
        '団体コードの形式が正しくありません。特別区のページは、6桁の全国地方公共団体コードで指定します（例：千代田区は131016）。',
        'That is not a valid local government code: the ward pages take six digits (e.g. 131016 for Chiyoda).',
      );
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    const model = await registryModel(db);
    const today = formatIsoDate(new Date());
    const ward = memoizedForDay(model, `wardProfile:${code}`, today, () => wardProfile(model, code, today));
    if (!ward) {
      const detail = ctx.tFormat(
        `団体コード ${code} は特別区（東京23区）ではありません。全国の自治体のページは /municipalities/${code} です。`,
        `The code ${code} is not one of the 23 special wards. Local government pages are at /municipalities/${code}.`,
      );
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    // Everything under the header is the same for every visitor: kept rendered and encoded per
    // revision, language and day (23 wards), so a page asked while signed in, or after the page
    // cache dropped it, is not rendered again.
    const content = memoizedForDay(model, `wardPage:${code}:${ctx.lang}`, ward.asOf, () => new EncodedPiece(WardPageContent({ ctx, ward, prefectureNames: prefectureNames(model) })));
    return sendPage(reply, WardPage({ ctx, ward, prefectureNames: prefectureNames(model), content: content.marker }), 200, [content]);
  });
}
