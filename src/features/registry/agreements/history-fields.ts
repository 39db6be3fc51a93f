// An agreement's fields as its change history shows them, in the form's order.
import { recordOriginFields, show, type HistoryField } from '../history/fields.ts';

export const agreementHistoryFields: readonly HistoryField[] = [
  { key: 'typeId', label: { ja: '協定の種類', en: 'Kind' }, show: show.agreementType },
  { key: 'title', label: { ja: '名称', en: 'Title' } },
  { key: 'wardCodes', label: { ja: '特別区', en: 'Wards' }, show: show.governments },
  { key: 'partnerCodes', label: { ja: '相手の自治体', en: 'Partners' }, show: show.governments },
  { key: 'partnerGroupIds', label: { ja: '相手の広域グループ', en: 'Partner groups' }, show: show.groups },
  { key: 'formerNames', label: { ja: '締結時の旧名称', en: 'Former names' }, show: show.formerNames },
  { key: 'signedOn', label: { ja: '締結日', en: 'Signed on' }, show: show.dateWithPrecisionIn('signedOnPrecision') },
  { key: 'signedOnPrecision', label: { ja: '締結日の精度', en: 'Precision of the signing date' }, show: show.precision },
  { key: 'resignedDates', label: { ja: '再締結日・改定日', en: 'Re-signed on' }, show: show.dates },
  { key: 'endedOn', label: { ja: '終了日', en: 'Ended on' }, show: show.date },
  { key: 'background', label: { ja: 'きっかけ', en: 'Background' } },
  { key: 'reviewNote', label: { ja: '要確認', en: 'To check' } },
  ...recordOriginFields,
];
