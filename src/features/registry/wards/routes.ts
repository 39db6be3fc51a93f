// /wards: the 23 special wards by 特別区長会 block; /wards/:code: one ward with its ties.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { FeatureOptions } from '../../feature-options.ts';
import { cachedPerDatabase } from '../../../db/cache.ts';
import { wardProfile } from '../ties/queries.ts';
import type { Database } from '../../../db/schema.ts';
import { isValidLocalGovCode, withCheckDigit } from '../../../domain/local-gov-code.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { listWards } from './queries.ts';
import { WardListPage, WardPage } from './views.tsx';

/** Prefecture names by 2-digit code (master data, so cached). */
const prefectureNames = cachedPerDatabase(60_000, async (db: Kysely<Database>) => {
  const rows = await db.selectFrom('local_governments').select(['prefecture_code', 'name']).where('level', '=', 'prefecture').execute();
  return new Map(rows.map((r) => [r.prefecture_code, r.name]));
});

export default async function wardsRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  app.get('/wards', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const wards = await listWards(db);
    return sendPage(reply, WardListPage({ ctx, wards }));
  });

  app.get('/wards/:code', async (request, reply) => {
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
    const [ward, prefectures] = await Promise.all([wardProfile(db, code), prefectureNames(db)]);
    if (!ward) {
      const detail = ctx.tFormat(
        `団体コード ${code} は特別区（東京23区）ではありません。全国の自治体のページは /municipalities/${code} です。`,
        `The code ${code} is not one of the 23 special wards. Local government pages are at /municipalities/${code}.`,
      );
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    return sendPage(reply, WardPage({ ctx, ward, prefectureNames: prefectures }));
  });
}
