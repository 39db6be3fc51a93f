// The member area's pages of partner matching: a municipality's (or ward's) own entries with the
// partners suggested for all of them, and the entry form (new and edit).
import { matchingKinds } from '../../domain/matching.ts';
import { ErrorSummary, type FieldError } from '../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../views/components/form-fields.tsx';
import { Choices, ConflictNotice, Select, Text, TextArea } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import { Layout } from '../../views/layout.tsx';
import { projectFields } from '../registry/index.ts';
import type { EntryFormInput } from './form.ts';
import { directionLabel, entryPath, kindText, periodText, statusText } from './labels.tsx';
import type { EntryRecord } from './record.ts';
import type { ShownSuggestion } from './suggestions.ts';
import { listingTitle, SuggestionList } from './views.tsx';

const ownTitle = (ctx: PageContext) => ctx.t('連携マッチングの掲載', 'Your matching entries');
const crumbs = (ctx: PageContext) => [
  { href: '/member', label: ctx.t('マイページ', 'My page') },
  { href: '/member/matching', label: ownTitle(ctx) },
];

export function OwnEntriesPage(p: {
  ctx: PageContext;
  /** The municipality or ward; null for the secretariat, who sees every entry. */
  ownerName: string | null;
  entries: readonly EntryRecord[];
  suggestions: readonly ShownSuggestion[];
  /** The board link of a suggestion (the secretariat, who has no suggestions, has none). */
  callHref?: (s: ShownSuggestion) => string;
  notice?: string;
}): JSX.Element {
  const { ctx } = p;
  const title = ownTitle(ctx);
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/member', label: ctx.t('マイページ', 'My page') }, { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <SuccessNotice message={p.notice} />
      {p.ownerName !== null ? (
        <>
          <p safe>
            {ctx.tFormat(
              `${p.ownerName}が提供できることと探していることを掲載すると、会員の自治体と特別区に公開され、補い合える連携先の候補が示されます。`,
              `List what ${p.ownerName} offers and seeks: members see it, and partners that complement it are suggested.`,
            )}
          </p>
          <p class="rk-actions">
            <a class="rk-button" href="/member/matching/new">
              {ctx.t('新しく掲載する', 'Add an entry')}
            </a>
            <a class="rk-button rk-button--secondary" href="/matching">
              {listingTitle(ctx)}
            </a>
          </p>
        </>
      ) : (
        <p>{ctx.t('事務局は、すべての自治体の掲載を確認・編集できます。', 'The secretariat may review and edit every entry.')}</p>
      )}
      {p.entries.length === 0 ? (
        <p>{ctx.t('まだ掲載はありません。', 'No entries yet.')}</p>
      ) : (
        <div class="rk-table-wrap" role="region" aria-labelledby="own-entries-caption" tabindex="0">
          <table class="rk-table">
            <caption id="own-entries-caption" class="rk-visually-hidden">
              {ctx.t('掲載の一覧', 'Entries')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('見出し', 'Title')}</th>
                {p.ownerName === null ? <th scope="col">{ctx.t('自治体', 'Municipality')}</th> : ''}
                <th scope="col">{ctx.t('区分・種類', 'Offer or need')}</th>
                <th scope="col">{ctx.t('期間', 'Period')}</th>
                <th scope="col">{ctx.t('状態', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.entries.map((e) => (
                <tr>
                  <td class="rk-break">
                    <a href={entryPath(e.id)} safe>
                      {e.title}
                    </a>
                    {e.provenance === 'sample' ? <span class="rk-badge">{ctx.t('サンプル', 'Sample')}</span> : ''}
                    <br />
                    <a href={`/member/matching/${e.id}/edit`}>
                      {ctx.t('編集', 'Edit')}
                      <span class="rk-visually-hidden" safe>
                        {ctx.tFormat(`：${e.title}`, `: ${e.title}`)}
                      </span>
                    </a>
                  </td>
                  {p.ownerName === null ? <td safe>{e.ownerName}</td> : ''}
                  <td safe>{`${directionLabel(ctx, e.direction)}：${kindText(ctx, e.kind, e.direction)}`}</td>
                  <td safe>{periodText(ctx, e)}</td>
                  <td safe>{statusText(ctx, e.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.ownerName !== null ? (
        <section class="rk-section" aria-labelledby="suggestions">
          <h2 id="suggestions" class="rk-heading-2">
            {ctx.t('連携先の候補', 'Suggested partners')}
          </h2>
          <SuggestionList ctx={ctx} suggestions={p.suggestions} callHref={p.callHref} />
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function EntryFormPage(p: { ctx: PageContext; ownerName: string; action: string; input: EntryFormInput; errors: FieldError[]; editing: boolean; conflict?: boolean }): JSX.Element {
  const { ctx, input, errors } = p;
  const title = p.editing ? ctx.t('掲載の編集', 'Edit the entry') : ctx.t('新しく掲載する', 'Add an entry');
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} breadcrumbs={[...crumbs(ctx), { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <ConflictNotice ctx={ctx} message={p.conflict ? ctx.t('あなたが編集している間に、この掲載が更新されました。', 'This entry changed while you were editing it.') : undefined} href={p.action} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p safe>{ctx.tFormat(`${p.ownerName}の掲載として、会員の自治体と特別区に公開されます。`, `Published as ${p.ownerName}’s entry to member municipalities and wards.`)}</p>
      <form class="rk-form" action={p.action} method="post" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="updatedAt" value={input.updatedAt} />
        <Choices
          ctx={ctx}
          name="direction"
          legend={ctx.t('区分', 'Offer or need')}
          type="radio"
          required
          errors={errors}
          selected={[input.direction]}
          options={(['offer', 'seek'] as const).map((d) => ({ value: d, label: directionLabel(ctx, d) }))}
        />
        <Select
          ctx={ctx}
          name="kind"
          label={ctx.t('種類', 'Kind')}
          required
          value={input.kind}
          errors={errors}
          options={matchingKinds.map((k) => ({ value: k.id, label: ctx.tFormat(`${k.offerJa}（探す場合：${k.seekJa}）`, `${k.offerEn} (when seeking: ${k.seekEn})`) }))}
        />
        <Text ctx={ctx} name="title" label={ctx.t('見出し', 'Title')} required value={input.title} errors={errors} maxlength={100} hint={ctx.t('例：物産展の会場を探しています', 'e.g. Looking for a venue for our products fair')} />
        <TextArea ctx={ctx} name="description" label={ctx.t('説明', 'Description')} value={input.description} errors={errors} rows={5} hint={ctx.t('時期、規模、条件など（2,000文字まで）', 'When, how large, conditions (2,000 characters at most)')} />
        <Choices
          ctx={ctx}
          name="fields"
          legend={ctx.t('分野', 'Fields')}
          type="checkbox"
          errors={errors}
          selected={input.fields}
          hint={ctx.t('連携事業の分野から、当てはまるものをすべて選んでください。', 'Choose every field of collaboration that applies.')}
          options={projectFields.map((f) => ({ value: String(f.number), label: ctx.tFormat(f.nameJa, f.nameEn) }))}
        />
        <Text ctx={ctx} name="periodStart" type="date" short label={ctx.t('期間（から）', 'Period from')} value={input.periodStart} errors={errors} hint={ctx.t('例：2027-04-01（空なら期間の定めなし）', 'e.g. 2027-04-01 (empty: no set period)')} />
        <Text ctx={ctx} name="periodEnd" type="date" short label={ctx.t('期間（まで）', 'Period until')} value={input.periodEnd} errors={errors} hint={ctx.t('この日を過ぎると候補に示されなくなります。', 'After this day the entry is no longer suggested.')} />
        <Choices
          ctx={ctx}
          name="status"
          legend={ctx.t('掲載の状態', 'Status')}
          type="radio"
          required
          errors={errors}
          selected={[input.status]}
          options={(['open', 'closed'] as const).map((s) => ({ value: s, label: statusText(ctx, s) }))}
        />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {p.editing ? ctx.t('変更を保存する', 'Save the changes') : ctx.t('掲載する', 'Publish')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
