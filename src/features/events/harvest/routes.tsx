// /admin/events/feeds: the secretariat registers a municipality's イベント一覧 CSV or iCalendar
// feed, sees every feed's last fetch (with its error), fetches one now, or stops and resumes it.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../../db/audit.ts';
import { isValidLocalGovCode } from '../../../domain/local-gov-code.ts';
import { guard } from '../../../policy/guards.ts';
import { ErrorSummary, type FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../../views/components/form-fields.tsx';
import { Select, Text, fieldId } from '../../../views/components/record-fields.tsx';
import type { PageContext } from '../../../views/context.ts';
import { formatDateTime } from '../../../views/format.ts';
import { Layout } from '../../../views/layout.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import type { FeatureOptions } from '../../feature-options.ts';
import { adminCrumbs, AdminNav } from '../admin/views.tsx';
import { municipalityNames } from '../queries.ts';
import { harvestDueFeeds } from './harvest.ts';

interface FeedView {
  id: string;
  url: string;
  format: 'csv' | 'ical';
  code: string;
  municipality: string;
  label: string;
  active: boolean;
  intervalMinutes: number;
  lastFetchedAt: string | null;
  lastStatus: 'ok' | 'error' | null;
  lastError: string;
  lastAdded: number;
  lastUpdated: number;
  events: number;
}

type FeedForm = { url: string; format: string; code: string; label: string; interval: string };

const feedSchema = z.object({
  url: z.string().trim().max(500).regex(/^https?:\/\/\S+$/),
  format: z.enum(['csv', 'ical']),
  code: z.string().trim().refine(isValidLocalGovCode),
  label: z.string().trim().max(200),
  interval: z.coerce.number().int().min(15).max(10080),
});

function FeedsPage({ ctx, feeds, input, errors, notice }: { ctx: PageContext; feeds: FeedView[]; input: FeedForm; errors: FieldError[]; notice?: string }): JSX.Element {
  const title = ctx.t('自治体のイベントデータの収集', 'Harvested municipal event feeds');
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} breadcrumbs={[...adminCrumbs(ctx), { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <AdminNav ctx={ctx} current="feeds" />
      <SuccessNotice message={notice} />
      <p>
        {ctx.t(
          '自治体が公開している「イベント一覧」（自治体標準オープンデータセットのCSV）またはiCalendarのアドレスを登録すると、定期的に取得して、新しいイベントを追加し、変わったイベントを更新します。',
          'Register the address of a municipality’s standard event list (CSV) or iCalendar feed: it is fetched on a schedule; new events are added and changed ones updated.',
        )}
      </p>
      <section class="rk-section" aria-labelledby="feeds-title">
        <h2 id="feeds-title" class="rk-heading-2">
          {ctx.t('登録済みの収集元', 'Registered feeds')}
        </h2>
        {feeds.length === 0 ? <p>{ctx.t('まだ登録はありません。', 'None yet.')}</p> : ''}
        <ul class="rk-record-list">
          {feeds.map((f) => (
            <li class="rk-record-list__item">
              <h3 class="rk-heading-3" safe>
                {`${f.municipality}${f.label ? `：${f.label}` : ''}`}
              </h3>
              <p class="rk-break" safe>{`${f.format === 'csv' ? 'CSV' : 'iCalendar'}　${f.url}`}</p>
              <p safe>
                {ctx.tFormat(
                  `${f.active ? `${f.intervalMinutes}分ごとに取得` : '停止中'}　イベント${f.events}件　最終取得：${f.lastFetchedAt ? formatDateTime(ctx, f.lastFetchedAt) : 'まだありません'}`,
                  `${f.active ? `every ${f.intervalMinutes} minutes` : 'stopped'}; ${f.events} events; last fetched ${f.lastFetchedAt ? formatDateTime(ctx, f.lastFetchedAt) : 'never'}`,
                )}
              </p>
              {f.lastStatus === 'ok' ? (
                <p safe>{ctx.tFormat(`前回：成功（追加${f.lastAdded}件・更新${f.lastUpdated}件）`, `Last time: OK (${f.lastAdded} added, ${f.lastUpdated} updated)`)}</p>
              ) : (
                ''
              )}
              {f.lastError ? (
                <p class={f.lastStatus === 'error' ? 'rk-field-error' : 'rk-hint'}>
                  <span>{f.lastStatus === 'error' ? ctx.t('取得エラー：', 'Fetch error: ') : ctx.t('注意：', 'Note: ')}</span>
                  <span safe>{f.lastError}</span>
                </p>
              ) : (
                ''
              )}
              <div class="rk-actions">
                {f.active ? (
                  <form action={`/admin/events/feeds/${f.id}/fetch`} method="post">
                    <CsrfField ctx={ctx} />
                    <button class="rk-button rk-button--secondary" type="submit">
                      {ctx.t('今すぐ取得する', 'Fetch now')}
                      <span class="rk-visually-hidden" safe>{`：${f.municipality}`}</span>
                    </button>
                  </form>
                ) : (
                  ''
                )}
                <form action={`/admin/events/feeds/${f.id}/${f.active ? 'stop' : 'resume'}`} method="post">
                  <CsrfField ctx={ctx} />
                  <button class="rk-button rk-button--secondary" type="submit">
                    {f.active ? ctx.t('収集を停止する', 'Stop') : ctx.t('収集を再開する', 'Resume')}
                    <span class="rk-visually-hidden" safe>{`：${f.municipality}`}</span>
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section class="rk-section" aria-labelledby="add-feed-title">
        <h2 id="add-feed-title" class="rk-heading-2">
          {ctx.t('収集元を登録する', 'Register a feed')}
        </h2>
        <ErrorSummary ctx={ctx} errors={errors} />
        <form class="rk-form" action="/admin/events/feeds" method="post" novalidate>
          <CsrfField ctx={ctx} />
          <Text ctx={ctx} name="url" type="url" label={ctx.t('アドレス（URL）', 'Address (URL)')} value={input.url} errors={errors} required maxlength={500} />
          <Select
            ctx={ctx}
            name="format"
            label={ctx.t('形式', 'Format')}
            value={input.format}
            errors={errors}
            required
            options={[
              { value: 'csv', label: ctx.t('イベント一覧CSV（自治体標準オープンデータセット）', 'Standard event list (CSV)') },
              { value: 'ical', label: 'iCalendar' },
            ]}
          />
          <Text ctx={ctx} name="code" label={ctx.t('自治体（6桁の全国地方公共団体コード）', 'Municipality (6-digit code)')} value={input.code} errors={errors} required short inputmode="numeric" hint={ctx.t('例：012211（名寄市）', 'e.g. 012211 (Nayoro)')} />
          <Text ctx={ctx} name="label" label={ctx.t('名称（任意）', 'Label (optional)')} value={input.label} errors={errors} maxlength={200} />
          <Text ctx={ctx} name="interval" label={ctx.t('取得の間隔（分）', 'Interval (minutes)')} value={input.interval} errors={errors} short inputmode="numeric" hint={ctx.t('15〜10080分（既定は360分＝6時間）', '15 to 10080 (default 360)')} />
          <button class="rk-button" type="submit">
            {ctx.t('登録する', 'Register')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

export default async function feedAdminRoutes(app: FastifyInstance, { database, config }: FeatureOptions): Promise<void> {
  const { db } = database;
  app.addHook('onRequest', async (request, reply) => {
    if (!guard(request, reply, 'events:manage')) return reply;
  });
  const actorId = (request: FastifyRequest) => (request.actor.kind === 'account' ? request.actor.id : null);

  const page = async (request: FastifyRequest, reply: FastifyReply, input: FeedForm = { url: '', format: 'csv', code: '', label: '', interval: '360' }, errors: FieldError[] = [], status = 200) => {
    const ctx = contextFor(request, reply);
    const rows = await db.selectFrom('event_feeds').selectAll().orderBy('created_at').execute();
    const counts = await db.selectFrom('events').select(['feed_id', (eb) => eb.fn.countAll<number>().as('n')]).where('feed_id', 'is not', null).groupBy('feed_id').execute();
    const countOf = new Map(counts.map((c) => [c.feed_id, Number(c.n)]));
    const names = await municipalityNames(db, rows.map((r) => r.local_government_code));
    const feeds: FeedView[] = rows.map((r) => ({
      id: r.id,
      url: r.url,
      format: r.format,
      code: r.local_government_code,
      municipality: names.get(r.local_government_code)?.name ?? r.local_government_code,
      label: r.label,
      active: Number(r.active) === 1,
      intervalMinutes: Number(r.interval_minutes),
      lastFetchedAt: r.last_fetched_at,
      lastStatus: r.last_status,
      lastError: r.last_error,
      lastAdded: Number(r.last_added),
      lastUpdated: Number(r.last_updated),
      events: countOf.get(r.id) ?? 0,
    }));
    const done = (request.query as Record<string, unknown>).done;
    const notice = done === 'added' ? ctx.t('収集元を登録しました。', 'The feed has been registered.') : done === 'fetched' ? ctx.t('取得しました。結果は下の一覧をご覧ください。', 'Fetched: see the result below.') : done === 'changed' ? ctx.t('変更しました。', 'Changed.') : undefined;
    return sendPage(reply, FeedsPage({ ctx, feeds, input, errors, notice }), status);
  };

  app.get('/admin/events/feeds', (request, reply) => page(request, reply));

  app.post('/admin/events/feeds', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const b = (request.body ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string).slice(0, 600) : '');
    const input: FeedForm = { url: str('url'), format: str('format'), code: str('code').normalize('NFKC'), label: str('label'), interval: str('interval') || '360' };
    const parsed = feedSchema.safeParse(input);
    const errors: FieldError[] = [];
    if (!parsed.success) {
      const messages: Record<string, string> = {
        url: ctx.t('アドレスは http:// または https:// で始めてください。', 'The address must start with http:// or https://.'),
        format: ctx.t('形式を選んでください。', 'Choose the format.'),
        code: ctx.t('自治体は6桁の全国地方公共団体コード（検査数字つき）で入力してください。', 'Enter the 6-digit local government code.'),
        label: ctx.t('名称は200文字以内にしてください。', 'At most 200 characters.'),
        interval: ctx.t('取得の間隔は15〜10080の数字で入力してください。', 'Enter a number from 15 to 10080.'),
      };
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        if (!errors.some((e) => e.field === fieldId(key))) errors.push({ field: fieldId(key), message: messages[key] ?? key });
      }
    } else if (!(await municipalityNames(db, [parsed.data.code])).has(parsed.data.code)) {
      errors.push({ field: fieldId('code'), message: ctx.t('このコードの自治体は登録されていません。', 'No local government has this code.') });
    } else if (await db.selectFrom('event_feeds').select('id').where('url', '=', parsed.data.url).executeTakeFirst()) {
      errors.push({ field: fieldId('url'), message: ctx.t('このアドレスはすでに登録されています。', 'This address is already registered.') });
    }
    if (!parsed.success || errors.length > 0) return page(request, reply, input, errors, 400);
    const now = new Date().toISOString();
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('event_feeds')
        .values({ id, url: parsed.data.url, format: parsed.data.format, local_government_code: parsed.data.code, label: parsed.data.label, interval_minutes: parsed.data.interval, next_fetch_at: now, created_by: actorId(request), created_at: now, updated_at: now })
        .execute();
      await recordAudit(trx, { actorAccountId: actorId(request), action: 'event_feed.added', targetType: 'event_feed', targetId: id, ip: request.ip, detail: { url: parsed.data.url } });
    });
    return reply.redirect('/admin/events/feeds?done=added', 303);
  });

  const feedOr404 = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const feed = /^[0-9a-f-]{36}$/.test(request.params.id) ? await db.selectFrom('event_feeds').selectAll().where('id', '=', request.params.id).executeTakeFirst() : undefined;
    if (!feed) await reply.code(404).type('text/plain; charset=utf-8').send('該当する収集元はありません。');
    return feed;
  };

  app.post<{ Params: { id: string } }>('/admin/events/feeds/:id/fetch', async (request, reply) => {
    const feed = await feedOr404(request, reply);
    if (!feed) return reply;
    // Due now; the pass then claims it like any other (so two clicks or two instances fetch once).
    await db.updateTable('event_feeds').set({ next_fetch_at: new Date().toISOString() }).where('id', '=', feed.id).execute();
    await harvestDueFeeds(db, { allowHosts: config.harvest.allowHosts });
    return reply.redirect('/admin/events/feeds?done=fetched', 303);
  });

  for (const action of ['stop', 'resume'] as const) {
    app.post<{ Params: { id: string } }>(`/admin/events/feeds/:id/${action}`, async (request, reply) => {
      const feed = await feedOr404(request, reply);
      if (!feed) return reply;
      const now = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('event_feeds').set({ active: action === 'stop' ? 0 : 1, updated_at: now, ...(action === 'resume' ? { next_fetch_at: now } : {}) }).where('id', '=', feed.id).execute();
        await recordAudit(trx, { actorAccountId: actorId(request), action: action === 'stop' ? 'event_feed.removed' : 'event_feed.updated', targetType: 'event_feed', targetId: feed.id, ip: request.ip, detail: { action } });
      });
      return reply.redirect('/admin/events/feeds?done=changed', 303);
    });
  }
}
