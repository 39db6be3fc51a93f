// An uploaded file → a table of text cells: the type is decided by the extension AND the content
// (an XLSX is a zip: it starts with PK\x03\x04; a CSV must decode as text), then CSV goes through
// csv-parse and XLSX through exceljs (first sheet; every cell value made a string).
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { decodeText, type ImportError, type ParsedTable } from './rows.ts';

export const maxUploadBytes = 10 * 1024 * 1024;

export type UploadFormat = 'csv' | 'xlsx';

export type ParseOutcome =
  | { ok: true; format: UploadFormat; table: ParsedTable }
  /** The file is not what it says, or not a table we can read at all: refused before validation. */
  | { ok: false; status: 415; problem: 'extension' | 'not-xlsx' | 'not-csv' }
  /** A readable file of the right type whose structure is broken: a file-level error for the job. */
  | { ok: false; status: 200; format: UploadFormat; errors: ImportError[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function formatOfName(fileName: string): UploadFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

export async function parseUpload(fileName: string, bytes: Buffer): Promise<ParseOutcome> {
  const format = formatOfName(fileName);
  if (!format) return { ok: false, status: 415, problem: 'extension' };
  if (format === 'xlsx') {
    if (!isZip(bytes)) return { ok: false, status: 415, problem: 'not-xlsx' };
    return parseXlsx(bytes);
  }
  if (isZip(bytes)) return { ok: false, status: 415, problem: 'not-csv' };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, status: 415, problem: 'not-csv' };
  return parseCsvText(decoded.text);
}

export function parseCsvText(text: string): ParseOutcome {
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false, relax_quotes: false }) as string[][];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : undefined;
    const where = line ? `（${line}行目付近）` : '';
    return {
      ok: false,
      status: 200,
      format: 'csv',
      errors: [{ row: line ?? 1, column: '', message: `CSVの形式が正しくありません${where}。引用符「"」の対応などを確認してください。` }],
    };
  }
  const [headers = [], ...rest] = records;
  return { ok: true, format: 'csv', table: { headers, records: rest.map((cells, i) => ({ row: i + 2, cells })) } };
}

/** Any exceljs cell value as the text a person sees (dates as ISO 'YYYY-MM-DD'). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' && value.text !== '' ? value.text : value.hyperlink;
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? '' : cellText(result);
  }
  if ('error' in value) return '';
  return '';
}

async function parseXlsx(bytes: Buffer): Promise<ParseOutcome> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, status: 415, problem: 'not-xlsx' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, status: 200, format: 'xlsx', errors: [{ row: 1, column: '', message: 'シートがありません。' }] };
  const rows: Array<{ row: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const count = row.cellCount;
    for (let i = 1; i <= count; i++) cells.push(cellText(row.getCell(i).value));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push({ row: rowNumber, cells });
  });
  const first = rows[0];
  if (!first) return { ok: true, format: 'xlsx', table: { headers: [], records: [] } };
  if (first.row !== 1) {
    return { ok: false, status: 200, format: 'xlsx', errors: [{ row: 1, column: '', message: '1行目に見出し（列名）を置いてください。' }] };
  }
  return { ok: true, format: 'xlsx', table: { headers: first.cells, records: rows.slice(1) } };
}
