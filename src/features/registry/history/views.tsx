// The change history page of a registry record (変更履歴).
import type { PageContext } from '../../../views/context.ts';
import { formatDateTime } from '../../../views/format.ts';
import { entityLabels, RegistryLayout } from '../shared/back-office.tsx';
import { changedKeys, type RecordChangeView } from '../shared/history.ts';
import { say } from '../shared/labels.tsx';
import type { EditableEntity } from './commands.ts';
import { historyValue, type HistoryField, type HistoryNames } from './fields.ts';

const actionLabels = {
  create: { ja: '登録', en: 'Created' },
  update: { ja: '更新', en: 'Updated' },
  delete: { ja: '削除', en: 'Deleted' },
  restore: { ja: '復元', en: 'Restored' },
  import: { ja: '取り込み', en: 'Imported' },
} as const;

export interface HistoryPageProps {
  ctx: PageContext;
  entity: EditableEntity;
  id: string;
  title: string;
  deleted: boolean;
  changes: RecordChangeView[];
  /** The record's fields, in the order they are shown. */
  fields: readonly HistoryField[];
  names: HistoryNames;
}

export function HistoryPage({ ctx, entity, id, title, deleted, changes, fields, names }: HistoryPageProps): JSX.Element {
  const fieldOf = new Map(fields.map((f, i) => [f.key, { field: f, order: i }]));
  const order = (key: string) => fieldOf.get(key)?.order ?? fields.length;
  const e = entityLabels[entity];
  const pageTitle = ctx.tFormat(`変更履歴：${title}`, `History: ${title}`);
  const base = `/registry/${entity === 'agreement' ? 'agreements' : 'projects'}/${encodeURIComponent(id)}`;
  return (
    <RegistryLayout ctx={ctx} title={pageTitle} current={entity === 'agreement' ? 'agreements' : 'projects'} parents={[{ href: e.list, label: ctx.tFormat(e.listJa, e.listEn) }]}>
      {deleted ? (
        <p class="rk-note">
          {ctx.t('この記録は削除されています。「削除した記録」から元に戻せます。', 'This record is deleted. It can be restored from “Deleted records”.')}{' '}
          <a href="/registry/deleted">{ctx.t('削除した記録', 'Deleted records')}</a>
        </p>
      ) : (
        <p>
          <a href={`${base}/edit`}>{ctx.t('この記録を編集する', 'Edit this record')}</a>
        </p>
      )}
      {changes.length === 0 ? <p>{ctx.t('変更の記録はまだありません。', 'No changes recorded yet.')}</p> : ''}
      {changes.map((c, i) => {
        const rows =
          c.action === 'delete' || c.action === 'restore'
            ? []
            : changedKeys(c.before, c.after)
                .filter((k) => k !== 'id')
                .sort((a, b) => order(a) - order(b))
                .map((k) => {
                  const field = fieldOf.get(k)?.field;
                  return { key: k, label: field ? say(ctx, field.label) : k, before: historyValue(ctx, field, c.before?.[k], c.before, names), after: historyValue(ctx, field, c.after?.[k], c.after, names) };
                })
                // A new record's empty fields are not changes worth a row.
                .filter((r) => r.before !== r.after);
        const headingId = `change-${i + 1}`;
        const action = actionLabels[c.action];
        return (
          <section class="rk-section rk-change" aria-labelledby={headingId}>
            <h2 class="rk-heading-2" id={headingId}>
              <span safe>{ctx.tFormat(`${action.ja}：`, `${action.en}: `)}</span>
              <span class="rk-change__meta" safe>
                {ctx.tFormat(`${formatDateTime(ctx, c.occurredAt)}（${c.actorName ?? 'システム・取り込み'}）`, `${formatDateTime(ctx, c.occurredAt)} (${c.actorName ?? 'system or import'})`)}
              </span>
            </h2>
            {c.action === 'delete' ? (
              <p>{ctx.t('記録を削除しました（内容は削除前のまま保存されています）。', 'The record was deleted (its content is kept as it was).')}</p>
            ) : c.action === 'restore' ? (
              <p>{ctx.t('削除した記録を元に戻しました。', 'The deleted record was restored.')}</p>
            ) : rows.length === 0 ? (
              <p>{ctx.t('内容に変更はありませんでした。', 'Nothing changed.')}</p>
            ) : (
              <div class="rk-table-wrap">
                <table class="rk-table">
                  <caption class="rk-visually-hidden" safe>
                    {ctx.tFormat(`${action.ja}の変更前と変更後`, `${action.en}: before and after`)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{ctx.t('項目', 'Field')}</th>
                      <th scope="col">{ctx.t('変更前', 'Before')}</th>
                      <th scope="col">{ctx.t('変更後', 'After')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr data-key={r.key}>
                        <th scope="row" safe>
                          {r.label}
                        </th>
                        <td class="rk-change__before" safe>
                          {r.before}
                        </td>
                        <td class="rk-change__after" safe>
                          {r.after}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </RegistryLayout>
  );
}
