// CSV and XLSX responses for the registry's exports, one writer for every list. CSV is UTF-8 with a
// BOM (so that Excel on Japanese Windows opens it as UTF-8, not CP932), CRLF line ends, a header
// row and every cell quoted when needed (csv-stringify). XLSX keeps code columns as text.
//
// Formulas: a CSV text cell that a spreadsheet would read as a formula (= + - @ tab CR first) is
// written with a `'` in front (protectFormulaText; the import takes it off again). XLSX needs no
// such care: exceljs writes a string value as a string cell (a shared string, t="s"), never as a
// formula (<f>), so Excel shows `=HYPERLINK(…)` as the text it is.
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

export type TabularFormat = 'csv' | 'xlsx';

/** One column of a file: its key in the rows, its header cell, and whether XLSX must keep it text (codes). */
export interface TabularColumn {
  key: string;
  header: string;
  text?: true;
}
export type TabularRow = Record<string, string | number | null | undefined>;

// ─── Formula protection (CSV) ───────────────────────────────────────────────────────────────────
// A spreadsheet opening a CSV reads a cell that begins with = + - @, tab or carriage return as a
// formula (OWASP "CSV injection"): a record titled =HYPERLINK(…) would become a live link or worse
// in the reader's Excel. The export therefore writes such a text with a single quote in front (the
// OWASP rule; Excel shows the text as typed), and an import takes that quote off again, so that
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

const BOM = '\uFEFF';

function cellText(value: TabularRow[string]): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * A CSV cell. Protection is decided by the value's type, not by the column: the rows give numeric
 * columns (年度, 分野番号, the figures' counts) as numbers and every text column (titles, notes,
 * names, dates, codes) as strings, so a number is written as it is (-3 stays a number a spreadsheet
 * can add up, and the import reads 2024 back as 2024) while any string that a spreadsheet would take
 * for a formula gets its quote, whatever column it sits in.
 */
function csvCell(value: TabularRow[string]): string {
  return typeof value === 'string' ? protectFormulaText(value) : cellText(value);
}

export function toCsv(columns: readonly TabularColumn[], rows: readonly TabularRow[]): string {
  const records = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => csvCell(r[c.key])))];
  return BOM + stringify(records, { record_delimiter: '\r\n' });
}

// exceljs is loaded on the first XLSX export, not at start: about 28 MB of every instance's memory
// for a download few visitors ask for.
export async function toXlsx(sheetName: string, columns: readonly TabularColumn[], rows: readonly TabularRow[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '特別区全国連携プロジェクト';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(10, c.header.length * 2 + 2), style: c.text ? { numFmt: '@' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    // Codes stay strings (numFmt '@' plus a string value); numbers stay numbers for the 年度 column.
    sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.text ? cellText(r[c.key]) : (r[c.key] ?? '')])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `name` without extension, ASCII or Japanese; sent as an RFC 6266 filename* so both work. */
export async function sendTabular(
  reply: FastifyReply,
  format: TabularFormat,
  name: string,
  columns: readonly TabularColumn[],
  rows: readonly TabularRow[],
): Promise<FastifyReply> {
  const fileName = `${name}.${format}`;
  const asciiFallback = fileName.replace(/[^\x20-\x7e]/g, '_');
  reply.header('content-disposition', `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  reply.header('cache-control', 'no-store');
  if (format === 'csv') {
    return reply.type('text/csv; charset=utf-8').send(toCsv(columns, rows));
  }
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(name, columns, rows));
}
