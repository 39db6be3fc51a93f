// The members' pages of partner matching: the listing with its filters (a GET form, no script),
// one entry with its suggested partners, each explained in one sentence.
import { matchingKinds } from '../../domain/matching.ts';
import { regions } from '../../domain/regions.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { Facts } from '../../views/components/facts.tsx';
import { FilterActions, FilterSelect } from '../../views/components/filter-form.tsx';
import type { PageContext } from '../../views/context.ts';
import { formatCount } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { projectFields } from '../registry/index.ts';
import type { FilterInput } from './form.ts';
import { EntryMarks, directionLabel, entryPath, fieldsText, kindText, periodText } from './labels.tsx';
import type { EntryRecord } from './record.ts';
import type { ShownSuggestion } from './suggestions.ts';

export const listingTitle = (ctx: PageContext) => ctx.t('連携先のマッチング', 'Partner matching');
const listingCrumb = (ctx: PageContext) => ({ href: '/matching', label: listingTitle(ctx) });

export function EntryList({ ctx, entries }: { ctx: PageContext; entries: readonly EntryRecord[] }): JSX.Element {
  return (
    <ul class="rk-news-list">
      {entries.map((e) => (
        <li class="rk-news-item">
          <p class="rk-news-item__meta">
            <span safe>{e.ownerName}</span>
            <EntryMarks ctx={ctx} entry={e} />
          </p>
          <h3 class="rk-news-item__title rk-break">
            <a href={entryPath(e.id)} safe>
              {e.title}
            </a>
          </h3>
          <p class="rk-news-item__meta">
            {e.fields.length > 0 ? <span safe>{ctx.tFormat(`分野：${fieldsText(ctx, e.fields)}`, `Fields: ${fieldsText(ctx, e.fields)}`)}</span> : ''}
            <span safe>{periodText(ctx, e)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}

export function ListingPage(p: { ctx: PageContext; input: FilterInput; errors: FieldError[]; entries: readonly EntryRecord[]; limit: number; canPublish: boolean }): JSX.Element {
  const { ctx, input } = p;
  const title = listingTitle(ctx);
  const errorOf = (name: string) => p.errors.find((e) => e.field === `filter-${name}`)?.message;
  return (
    <Layout ctx={ctx} title={p.errors.length > 0 ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} breadcrumbs={[{ href: '/member', label: ctx.t('マイページ', 'My page') }, { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <p>
        {ctx.t(
          '会員の自治体と特別区が、提供できること（会場の提供、特産品の販売、観光PRなど）と探していることを掲載しています。各掲載のページに、補い合える連携先の候補とその理由を示します。',
          'Member municipalities and wards list what they offer (a venue, local products, tourism promotion…) and what they seek. Each entry’s page suggests partners that complement it, with the reason.',
        )}
      </p>
      {p.canPublish ? (
        <p class="rk-actions">
          <a class="rk-button" href="/member/matching">
            {ctx.t('自分の自治体の掲載を管理する', 'Manage your entries')}
          </a>
        </p>
      ) : (
        ''
      )}
      <form class="rk-filter" action="/matching" method="get" role="search" aria-label={ctx.t('掲載の絞り込み', 'Filter entries')}>
        <div class="rk-filter__row">
          <FilterSelect ctx={ctx} name="direction" label={ctx.t('区分', 'Offer or need')} value={input.direction} error={errorOf('direction')} options={(['offer', 'seek'] as const).map((d) => ({ value: d, label: directionLabel(ctx, d) }))} />
          <FilterSelect ctx={ctx} name="kind" label={ctx.t('種類', 'Kind')} value={input.kind} error={errorOf('kind')} options={matchingKinds.map((k) => ({ value: k.id, label: kindText(ctx, k.id, 'offer') }))} />
        </div>
        <div class="rk-filter__row">
          <FilterSelect ctx={ctx} name="field" label={ctx.t('分野', 'Field')} value={input.field} error={errorOf('field')} options={projectFields.map((f) => ({ value: String(f.number), label: ctx.tFormat(f.nameJa, f.nameEn) }))} />
          <FilterSelect ctx={ctx} name="region" label={ctx.t('地方', 'Region')} value={input.region} error={errorOf('region')} options={regions.map((r) => ({ value: r.id, label: ctx.tFormat(r.nameJa, r.nameEn) }))} />
        </div>
        <FilterActions ctx={ctx} clearHref="/matching" />
      </form>
      <h2 class="rk-heading-2" id="entries">
        {ctx.t('掲載', 'Entries')}
      </h2>
      <p class="rk-result-count" role="status" safe>
        {p.entries.length >= p.limit
          ? ctx.tFormat(`新しい順に${formatCount(p.limit)}件を表示しています。条件で絞り込んでください。`, `Showing the latest ${formatCount(p.limit)}; narrow the filter to see others.`)
          : ctx.tFormat(`${formatCount(p.entries.length)}件`, `${formatCount(p.entries.length)} entries`)}
      </p>
      {p.entries.length === 0 ? <p>{ctx.t('条件に合う掲載はありません。', 'No entry matches.')}</p> : <EntryList ctx={ctx} entries={p.entries} />}
    </Layout>
  );
}

/** One suggestion: the partner, the one-sentence reason, the partner's entry and the call to the board. */
export function SuggestionList({ ctx, suggestions, callHref }: { ctx: PageContext; suggestions: readonly ShownSuggestion[]; callHref?: (s: ShownSuggestion) => string }): JSX.Element {
  if (suggestions.length === 0) return <p>{ctx.t('いまは補い合える掲載が見つかりません。', 'No complementary entry for now.')}</p>;
  return (
    <ol class="rk-record-list">
      {suggestions.map((s) => (
        <li class="rk-record-list__item">
          <h3 class="rk-heading-3" safe>
            {s.partnerName}
          </h3>
          <p class="rk-break" safe>
            {ctx.tFormat(s.explanation.ja, s.explanation.en)}
          </p>
          <p class="rk-break">
            <span safe>{ctx.tFormat(`${s.partnerName}の掲載：`, `${s.partnerName}’s entry: `)}</span>
            <a href={entryPath(s.partnerEntry.id)} safe>
              {s.partnerEntry.title}
            </a>
          </p>
          {callHref ? (
            <p>
              <a class="rk-button rk-button--secondary" href={callHref(s)}>
                {ctx.t('この相手に連携を呼びかける', 'Propose working together')}
                <span class="rk-visually-hidden" safe>
                  {ctx.tFormat(`（${s.partnerName}）`, ` (${s.partnerName})`)}
                </span>
              </a>
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ol>
  );
}

export function EntryPage(p: {
  ctx: PageContext;
  entry: EntryRecord;
  suggestions: readonly ShownSuggestion[];
  callHref?: (s: ShownSuggestion) => string;
  editHref?: string;
  notice?: string;
}): JSX.Element {
  const { ctx, entry } = p;
  return (
    <Layout ctx={ctx} title={entry.title} breadcrumbs={[{ href: '/member', label: ctx.t('マイページ', 'My page') }, listingCrumb(ctx), { label: entry.title }]}>
      <h1 class="rk-heading-1 rk-break" safe>
        {entry.title}
      </h1>
      <p class="rk-news-item__meta">
        <EntryMarks ctx={ctx} entry={entry} />
      </p>
      <Facts
        rows={[
          [ctx.t('掲載した自治体', 'Published by'), <span safe>{entry.ownerName}</span>],
          [ctx.t('区分', 'Offer or need'), <span safe>{directionLabel(ctx, entry.direction)}</span>],
          [ctx.t('種類', 'Kind'), <span safe>{kindText(ctx, entry.kind, entry.direction)}</span>],
          [ctx.t('分野', 'Fields'), entry.fields.length > 0 && <span safe>{fieldsText(ctx, entry.fields)}</span>],
          [ctx.t('期間', 'Period'), <span safe>{periodText(ctx, entry)}</span>],
        ]}
      />
      {entry.description ? (
        <div class="rk-prose rk-break">
          {entry.description.split(/\r?\n/).map((line) => (
            <p safe>{line}</p>
          ))}
        </div>
      ) : (
        ''
      )}
      {p.editHref ? (
        <p>
          <a href={p.editHref}>{ctx.t('この掲載を編集する', 'Edit this entry')}</a>
        </p>
      ) : (
        ''
      )}
      <section class="rk-section" aria-labelledby="suggestions">
        <h2 id="suggestions" class="rk-heading-2">
          {ctx.t('連携先の候補', 'Suggested partners')}
        </h2>
        {entry.status === 'open' ? (
          <>
            <p class="rk-hint">
              {ctx.t(
                '補い合える提供・ニーズ、共通の分野、これまでの連携（協定・交流）の有無、地理的な近さから順に並べています。',
                'Ranked by complementary offers and needs, shared fields, existing ties (agreements, exchanges) or their absence, and geography.',
              )}
            </p>
            <SuggestionList ctx={ctx} suggestions={p.suggestions} callHref={p.callHref} />
          </>
        ) : (
          <p>{ctx.t('締め切った掲載には候補を示しません。', 'A closed entry has no suggestions.')}</p>
        )}
      </section>
    </Layout>
  );
}
