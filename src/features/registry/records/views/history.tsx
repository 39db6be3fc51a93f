// The change history page of a registry record (変更履歴).
import type { RecordChangeView } from '../../shared/history.ts';
import { changedKeys } from '../../shared/history.ts';
import type { WritableEntity } from '../../shared/writes.ts';
import type { PageContext } from '../../../../views/context.ts';
import { formatDateTime } from '../../../../views/format.ts';
import { entityLabels, fieldName, formatFiscalYearText, formatLabels, formatRecordDate, organiserLabels, precisionLabels, RegistryLayout, statusLabel } from './shared.tsx';

export interface HistoryLabels {
  names: Map<string, string>;
  types: Map<string, { name: string; nameEn: string }>;
  groups: Map<string, string>;
}

const keyLabels: Record<string, { ja: string; en: string }> = {
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  typeId: { ja: '協定の種類', en: 'Kind' },
  title: { ja: '名称', en: 'Title' },
  summary: { ja: '概要', en: 'Summary' },
  field: { ja: '分野', en: 'Field' },
  organiserKind: { ja: '実施主体', en: 'Organisers' },
  wardCodes: { ja: '特別区', en: 'Wards' },
  partnerCodes: { ja: '相手の自治体', en: 'Partners' },
  partnerGroupIds: { ja: '相手の広域グループ', en: 'Partner groups' },
  formerNames: { ja: '締結時の旧名称', en: 'Former names' },
  signedOn: { ja: '締結日', en: 'Signed on' },
  signedOnPrecision: { ja: '締結日の精度', en: 'Precision of the signing date' },
  resignedDates: { ja: '再締結日・改定日', en: 'Re-signed on' },
  endedOn: { ja: '終了日', en: 'Ended on' },
  startsOn: { ja: '開始日', en: 'Starts on' },
  endsOn: { ja: '終了日', en: 'Ends on' },
  format: { ja: '実施形式', en: 'Format' },
  status: { ja: '状況', en: 'Status' },
  background: { ja: 'きっかけ', en: 'Background' },
  newsUrl: { ja: 'お知らせのアドレス', en: 'News address' },
  sourceUrl: { ja: '出典のアドレス', en: 'Source address' },
  notes: { ja: '備考', en: 'Notes' },
  provenance: { ja: '記録の出所', en: 'Provenance' },
};

const keyOrderList = Object.keys(keyLabels);
function keyOrder(key: string): number {
  const i = keyOrderList.indexOf(key);
  return i === -1 ? keyOrderList.length : i;
}

/** The field's name as its form calls it (a project's title is its 事業名). */
function keyLabel(ctx: PageContext, entity: WritableEntity, key: string): string {
  if (entity === 'project' && key === 'title') return ctx.t('事業名', 'Title');
  if (entity === 'project' && key === 'partnerCodes') return ctx.t('連携自治体', 'Partner municipalities');
  if (entity === 'project' && key === 'wardCodes') return ctx.t('実施する特別区', 'Organising wards');
  const label = keyLabels[key];
  return label ? ctx.tFormat(label.ja, label.en) : key;
}

const actionLabels = {
  create: { ja: '登録', en: 'Created' },
  update: { ja: '更新', en: 'Updated' },
  delete: { ja: '削除', en: 'Deleted' },
  restore: { ja: '復元', en: 'Restored' },
  import: { ja: '取り込み', en: 'Imported' },
} as const;

const provenanceLabels: Record<string, { ja: string; en: string }> = {
  seed: { ja: '初期データ（出典あり）', en: 'Seed (sourced)' },
  entry: { ja: '画面から入力', en: 'Entered' },
  import: { ja: 'ファイルの取り込み', en: 'Imported' },
  sample: { ja: 'サンプル', en: 'Sample' },
  synthetic: { ja: '試験用', en: 'Synthetic' },
};

/** A snapshot value in words: names for codes, labels for vocabularies, dates in Japanese. */
export function historyValue(ctx: PageContext, key: string, value: unknown, labels: HistoryLabels, snapshot: Record<string, unknown> | null): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  const codeName = (c: string) => {
    const n = labels.names.get(c);
    return n ? `${n}（${c}）` : c;
  };
  const list = (items: string[]) => items.join(ctx.lang === 'en' ? ', ' : '、');
  switch (key) {
    case 'wardCodes':
    case 'partnerCodes':
      return list((value as string[]).map(codeName));
    case 'partnerGroupIds':
      return list((value as string[]).map((g) => labels.groups.get(g) ?? g));
    case 'typeId': {
      const t = labels.types.get(String(value));
      return t ? ctx.tFormat(t.name, t.nameEn || t.name) : String(value);
    }
    case 'formerNames':
      return list(Object.entries(value as Record<string, string>).map(([c, n]) => `${codeName(c)}: ${n}`));
    case 'signedOn':
      return formatRecordDate(ctx, String(value), String(snapshot?.signedOnPrecision ?? 'day'));
    case 'endedOn':
    case 'startsOn':
    case 'endsOn':
      return formatRecordDate(ctx, String(value));
    case 'resignedDates':
      return list((value as string[]).map((d) => formatRecordDate(ctx, d)));
    case 'signedOnPrecision': {
      const p = precisionLabels[value as keyof typeof precisionLabels];
      return p ? ctx.tFormat(p.ja, p.en) : String(value);
    }
    case 'fiscalYear':
      return formatFiscalYearText(ctx, Number(value));
    case 'field':
      return fieldName(ctx, Number(value));
    case 'organiserKind': {
      const o = organiserLabels[value as keyof typeof organiserLabels];
      return o ? ctx.tFormat(o.ja, o.en) : String(value);
    }
    case 'format': {
      const f = formatLabels[value as keyof typeof formatLabels];
      return f ? ctx.tFormat(f.ja, f.en) : String(value);
    }
    case 'status':
      return statusLabel(ctx, String(value));
    case 'provenance': {
      const p = provenanceLabels[String(value)];
      return p ? ctx.tFormat(p.ja, p.en) : String(value);
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

export interface HistoryPageProps {
  ctx: PageContext;
  entity: WritableEntity;
  id: string;
  title: string;
  deleted: boolean;
  changes: RecordChangeView[];
  labels: HistoryLabels;
}

export function HistoryPage({ ctx, entity, id, title, deleted, changes, labels }: HistoryPageProps): JSX.Element {
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
                .sort((a, b) => keyOrder(a) - keyOrder(b))
                .map((k) => ({ key: k, before: historyValue(ctx, k, c.before?.[k], labels, c.before), after: historyValue(ctx, k, c.after?.[k], labels, c.after) }))
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
                          {keyLabel(ctx, entity, r.key)}
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
