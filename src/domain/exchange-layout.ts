// The column layout of the registry's CSV/XLSX files, shared by export (which writes it) and import
// (which reads it), so that export → import gives back the same records. One record per line;
// lists inside a cell are joined with LIST_SEPARATOR; dates are ISO (YYYY-MM-DD); codes are the
// 6-digit 全国地方公共団体コード and are written as text (a spreadsheet must not drop a leading 0).
//
// `id` empty on import = a new record; an existing id = replace that record. Columns marked
// `informational` are written for people (names, 年度 derived from a date) and ignored on import.

export const LIST_SEPARATOR = ';';

export interface ExchangeColumn {
  key: string;
  header: string;
  informational?: true;
  /** A cell that must be kept as text in XLSX (codes). */
  text?: true;
}

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

export const projectColumns: readonly ExchangeColumn[] = Object.freeze([
  { key: 'id', header: 'ID' },
  { key: 'fiscalYear', header: '年度' },
  { key: 'title', header: '事業名' },
  { key: 'summary', header: '概要' },
  { key: 'field', header: '分野番号' },
  { key: 'fieldName', header: '分野', informational: true },
  { key: 'organiserKind', header: '主催区分' },
  { key: 'wardCodes', header: '主催区コード', text: true },
  { key: 'wardNames', header: '主催区', informational: true },
  { key: 'partnerCodes', header: '連携先コード', text: true },
  { key: 'partnerNames', header: '連携先', informational: true },
  { key: 'startsOn', header: '開始日' },
  { key: 'endsOn', header: '終了日' },
  { key: 'format', header: '実施形態' },
  { key: 'status', header: '状況' },
  { key: 'newsUrl', header: '記事URL' },
  { key: 'sourceUrl', header: '出典URL' },
  { key: 'notes', header: '備考' },
]);

/** Cell words for the coded values, so that a file reads as Japanese and imports back. */
export const organiserKindLabels = { wards: '各区', joint: '23区共同' } as const;
export const formatLabels = { offline: '対面', online: 'オンライン', hybrid: '併用' } as const;
export const precisionLabels = { day: '日', month: '月', year: '年' } as const;

export function joinList(values: readonly string[]): string {
  return values.join(LIST_SEPARATOR);
}

// ─── Formula protection (CSV) ───────────────────────────────────────────────────────────────────
// A spreadsheet opening a CSV reads a cell that begins with = + - @, tab or carriage return as a
// formula (OWASP "CSV injection"): a record titled =HYPERLINK(…) would become a live link or worse
// in the reader's Excel. The export therefore writes such a text with a single quote in front (the
// OWASP rule; Excel shows the text as typed), and the import takes that quote off again, so that
// export → import gives back the same text. A text that itself begins with quotes followed by one
// of those characters ('=…) gets one more quote, so that taking one off is always exact.

const FORMULA_LEAD = /^'*[=+\-@\t\r]/;
const PROTECTED_LEAD = /^'+[=+\-@\t\r]/;

/** The text as a CSV cell: `'` in front when a spreadsheet would read it as a formula. */
export function protectFormulaText(text: string): string {
  return FORMULA_LEAD.test(text) ? `'${text}` : text;
}

/** The inverse of protectFormulaText: a cell `'` + (= + - @ tab CR) loses that one quote. */
export function unprotectFormulaText(cell: string): string {
  return PROTECTED_LEAD.test(cell) ? cell.slice(1) : cell;
}

/** Splits a list cell; accepts the full-width ；, 、 and , too, because people type them. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[;；、,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
