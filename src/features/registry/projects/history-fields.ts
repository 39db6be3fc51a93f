// A project's fields as its change history shows them, in the form's order.
import { recordOriginFields, show, type HistoryField } from '../history/fields.ts';

export const projectHistoryFields: readonly HistoryField[] = [
  { key: 'fiscalYear', label: { ja: '年度', en: 'Fiscal year' }, show: show.fiscalYear },
  { key: 'title', label: { ja: '事業名', en: 'Title' } },
  { key: 'summary', label: { ja: '概要', en: 'Summary' } },
  { key: 'field', label: { ja: '分野', en: 'Field' }, show: show.projectField },
  { key: 'organiserKind', label: { ja: '実施主体', en: 'Organisers' }, show: show.organiserKind },
  { key: 'wardCodes', label: { ja: '実施する特別区', en: 'Organising wards' }, show: show.governments },
  { key: 'partnerCodes', label: { ja: '連携自治体', en: 'Partner municipalities' }, show: show.governments },
  { key: 'startsOn', label: { ja: '開始日', en: 'Starts on' }, show: show.date },
  { key: 'endsOn', label: { ja: '終了日', en: 'Ends on' }, show: show.date },
  { key: 'format', label: { ja: '実施形式', en: 'Format' }, show: show.projectFormat },
  { key: 'status', label: { ja: '状況', en: 'Status' }, show: show.projectStatus },
  { key: 'newsUrl', label: { ja: 'お知らせのアドレス', en: 'News address' } },
  ...recordOriginFields,
];
