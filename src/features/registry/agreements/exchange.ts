// Agreements in the registry's file layout (CSV/XLSX, shared/exchange-layout.ts): what
// /agreements.csv and .xlsx write and what the import reads back.
import { fiscalYearOf } from '../../../domain/fiscal-year.ts';
import { joinList, precisionWords, type ExchangeColumn } from '../shared/exchange-layout.ts';
import type { Agreement } from './record.ts';

export const agreementColumns: readonly ExchangeColumn[] = Object.freeze([
  { key: 'id', header: 'ID' },
  { key: 'type', header: '協定種別' },
  { key: 'title', header: '協定名' },
  { key: 'wardCodes', header: '特別区コード', text: true },
  { key: 'wardNames', header: '特別区', informational: true },
  { key: 'partnerCodes', header: '連携先コード', text: true },
  { key: 'partnerNames', header: '連携先', informational: true },
  { key: 'partnerGroupIds', header: '連携先団体ID' },
  { key: 'formerNames', header: '締結時の名称' },
  { key: 'signedOn', header: '締結日' },
  { key: 'signedOnPrecision', header: '締結日の精度' },
  { key: 'fiscalYear', header: '締結年度', informational: true },
  { key: 'resignedDates', header: '再締結日' },
  { key: 'endedOn', header: '終了日' },
  { key: 'background', header: 'きっかけ' },
  { key: 'sourceUrl', header: '出典URL' },
  { key: 'notes', header: '備考' },
]);
/** An agreement as a line of the layout. 協定種別 is the type's name. */
export function agreementExchangeRow(a: Agreement): Record<string, string | number> {
  const governments = a.partners.filter((p) => p.kind !== 'group');
  const groups = a.partners.filter((p) => p.kind === 'group');
  return {
    id: a.id,
    type: a.type.name,
    title: a.title,
    wardCodes: joinList(a.wards.map((w) => w.code)),
    wardNames: joinList(a.wards.map((w) => w.name)),
    partnerCodes: joinList(governments.map((p) => p.key)),
    // Governments (north to south), then groups.
    partnerNames: joinList([...governments, ...groups].map((p) => p.name)),
    partnerGroupIds: joinList(groups.map((p) => p.key)),
    formerNames: joinList(governments.filter((p) => p.formerName !== '').map((p) => `${p.key}:${p.formerName}`)),
    signedOn: a.signed.date ?? '',
    signedOnPrecision: precisionWords[a.signed.precision],
    fiscalYear: a.signed.date ? fiscalYearOf(a.signed.date) : '',
    resignedDates: joinList(a.resignedDates),
    endedOn: a.endedOn ?? '',
    background: a.background,
    sourceUrl: a.sourceUrl ?? '',
    notes: a.notes,
  };
}
