// A disaster's own section of its back-office edit page (/registry/disasters/:id): its support
// lines, each a link to its own page, and the link that adds one (disasters/admin.ts loads them).
import type { DisasterSupportKind } from '../../../db/schema.ts';
import { supportKindLabels } from '../../../domain/disaster-support.ts';
import type { PageContext } from '../../../views/context.ts';
import { formatCount } from '../../../views/format.ts';
import { formatPartialDate, joinNames, namesOf, say } from '../shared/labels.tsx';

/** A support line as the section and the list of lines show it. */
export interface SupportLineRow {
  id: string;
  kind: DisasterSupportKind;
  recipients: string;
  amount_yen: number | string | null;
  staff_count: number | null;
  as_of: string | null;
  goods: string;
  is_joint: number;
  deleted_at: string | null;
}

/** 「10,000,000円」, 「120人（2024年(令和6年)3月1日現在）」, or the first line of the goods. */
export function supportAmountText(ctx: PageContext, r: Pick<SupportLineRow, 'amount_yen' | 'staff_count' | 'as_of' | 'goods'>): string {
  if (r.amount_yen !== null) return `${formatCount(Number(r.amount_yen))}円`;
  if (r.staff_count !== null) {
    const count = formatCount(r.staff_count);
    if (!r.as_of) return `${count}人`;
    const asOf = formatPartialDate(ctx, r.as_of);
    return ctx.tFormat(`${count}人（${asOf}現在）`, `${count} (as of ${asOf})`);
  }
  return r.goods.split('\n')[0] ?? '';
}

export function DisasterDetail({ ctx, disasterId, lines }: { ctx: PageContext; disasterId: string; lines: SupportLineRow[] }): JSX.Element {
  const live = lines.filter((l) => l.deleted_at === null);
  return (
    <section class="rk-section" aria-labelledby="support-title">
      <h2 id="support-title" class="rk-heading-2">
        {ctx.t('支援の行', 'Support lines')}
      </h2>
      {live.length === 0 ? (
        <p>{ctx.t('支援の行はまだありません。', 'No support lines yet.')}</p>
      ) : (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('この災害への支援', 'Support for this disaster')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('種類', 'Kind')}</th>
                <th scope="col">{ctx.t('支援先', 'Recipients')}</th>
                <th scope="col">{ctx.t('金額・人数・物資', 'Amount, staff or goods')}</th>
                <th scope="col">{ctx.t('23区共同', 'Joint')}</th>
              </tr>
            </thead>
            <tbody>
              {live.map((l) => (
                <tr>
                  <th scope="row">
                    <a href={`/registry/disaster-support/${encodeURIComponent(l.id)}`} safe>
                      {say(ctx, supportKindLabels[l.kind])}
                    </a>
                  </th>
                  <td safe>{joinNames(ctx, namesOf(l.recipients))}</td>
                  <td safe>{supportAmountText(ctx, l)}</td>
                  <td>{l.is_joint ? ctx.t('はい', 'Yes') : ctx.t('いいえ', 'No')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a class="rk-button rk-button--secondary" href={`/registry/disaster-support/new?disaster=${encodeURIComponent(disasterId)}`}>
          {ctx.t('支援の行を追加する', 'Add a support line')}
        </a>
      </p>
    </section>
  );
}
