// /municipalities: the list with filters in the URL, and one page per local government code.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { isValidLocalGovCode, withCheckDigit } from '../../domain/local-gov-code.ts';
import { NotFoundPage } from '../../views/errors.tsx';
import { contextFor, sendPage } from '../../views/render.ts';
import { parseFilter } from './form.ts';
import { loadMunicipalityTies } from '../registry/index.ts';
import { upcomingEventsOf } from '../events/index.ts';
import { visiblePrPage } from '../pr/index.ts';
import { findLocalGovernment, listMunicipalities, listPrefectures, listUncounted, municipalityCountsOf } from './queries.ts';
import { LocalGovernmentPage, MunicipalityListPage } from './views.tsx';

export default async function municipalitiesRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  // The list reads the master data of local governments (changed only by the seed, which raises the
  // registry's revision) and which of them have a visible PR page (the 'pr' revision): kept for
  // anonymous visitors while both hold, correct across instances.
  app.get('/municipalities', { config: { cachedBy: ['registry', 'pr'] } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const parsed = parseFilter(ctx, request.query);
    const [prefectures, uncounted] = await Promise.all([listPrefectures(db), listUncounted(db)]);
    if (!parsed.ok) {
      return sendPage(reply, MunicipalityListPage({ ctx, prefectures, input: parsed.input, errors: parsed.errors, uncounted }), 400);
    }
    const { total, items } = await listMunicipalities(db, parsed.filter);
    return sendPage(
      reply,
      MunicipalityListPage({ ctx, prefectures, input: parsed.input, errors: [], result: { filter: parsed.filter, total, items }, uncounted }),
    );
  });

  app.get('/municipalities/:code', { config: { cachedBy: ['registry', 'pr', 'events'] } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const code = String((request.params as { code: string }).code).normalize('NFKC');
    // The 5-digit form (without check digit) is common in other datasets: send it to the real page.
    if (/^\d{5}$/.test(code) && isValidLocalGovCode(withCheckDigit(code))) {
      return reply.redirect(`/municipalities/${withCheckDigit(code)}`, 301);
    }
    if (!isValidLocalGovCode(code)) {
      const detail = ctx.t(
        '団体コードの形式が正しくありません。全国地方公共団体コードは、最後の1桁が検査数字の6桁の数字です（例：千代田区は131016）。',
        'That is not a valid local government code: six digits, the last being a check digit (e.g. 131016 for Chiyoda).',
      );
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    const government = await findLocalGovernment(db, code);
    if (!government) {
      const detail = ctx.tFormat(`団体コード ${code} の自治体は登録されていません。`, `No local government has the code ${code}.`);
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    const isMunicipality = government.level === 'municipality';
    const [counts, tied, pr, events] = await Promise.all([
      isMunicipality ? undefined : municipalityCountsOf(db, government.prefectureCode),
      loadMunicipalityTies(db, code),
      visiblePrPage(db, code),
      isMunicipality ? upcomingEventsOf(db, code, { limit: 5 }) : undefined,
    ]);
    return sendPage(reply, LocalGovernmentPage({ ctx, government, counts, ties: tied?.ties, prefectureNames: tied?.prefectureNames, pr, events }));
  });
}
