// Reading an agreements or projects file in the export's layout (shared/exchange-layout.ts): decoding
// the bytes of a CSV, checking the header row, and validating every row with its subject's reader
// (agreements/import-row.ts, projects/import-row.ts), plus the checks across rows.
// Pure: everything the checks need from the database comes in as ReferenceData.
import { agreementColumns } from '../agreements/exchange.ts';
import { validateAgreementRow } from '../agreements/import-row.ts';
import type { AgreementInput } from '../agreements/record.ts';
import { projectColumns } from '../projects/exchange.ts';
import { validateProjectRow } from '../projects/import-row.ts';
import type { ProjectInput } from '../projects/record.ts';
import type { ExchangeColumn } from '../shared/exchange-layout.ts';
import type { ImportError, ReferenceData } from '../shared/import-cells.ts';

export type { ImportError, ReferenceData } from '../shared/import-cells.ts';

export type ImportEntity = 'agreements' | 'projects';

export type ImportInput<E extends ImportEntity> = E extends 'agreements' ? AgreementInput : ProjectInput;

export const maxImportRows = 50_000;

/** The file-level error of a file with more data rows than maxImportRows; `count` when it is known (not when exceljs stopped early). */
export function tooManyRowsMessage(count?: number): string {
  const found = count === undefined ? 'それより多くの行があります' : `${count.toLocaleString('ja-JP')}行あります`;
  return `一度に取り込めるのは${maxImportRows.toLocaleString('ja-JP')}行までです（${found}）。ファイルを分けてください。`;
}

export function columnsOf(entity: ImportEntity): readonly ExchangeColumn[] {
  return entity === 'agreements' ? agreementColumns : projectColumns;
}

// ─── Bytes → text ──────────────────────────────────────────────────────────────────────────────

export type DecodeResult = { ok: true; text: string; encoding: 'utf-8' | 'shift_jis' } | { ok: false };

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise CP932 (Shift_JIS as
 * Windows writes it). Not text at all (invalid in both, or control bytes such as NUL) → ok false.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  let text: string;
  let encoding: 'utf-8' | 'shift_jis';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    encoding = 'utf-8';
  } catch {
    try {
      // WHATWG "shift_jis" is Windows-31J (CP932), with the NEC and IBM extensions.
      text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
      encoding = 'shift_jis';
    } catch {
      return { ok: false };
    }
  }
  // Text files hold no control characters other than tab and line ends.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return { ok: false };
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
}

// ─── The header row ────────────────────────────────────────────────────────────────────────────

export function normaliseHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim();
}

/** File-level problems of the header row: unknown, repeated or missing columns (all on row 1). */
export function checkHeader(entity: ImportEntity, headers: readonly string[]): ImportError[] {
  const columns = columnsOf(entity);
  const known = new Map(columns.map((c) => [c.header, c]));
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  headers.forEach((raw, i) => {
    const header = normaliseHeader(raw);
    if (header === '') {
      errors.push({ row: 1, column: `${i + 1}列目`, message: '見出しが空の列があります。不要な列は削除してください。' });
      return;
    }
    if (!known.has(header)) {
      errors.push({ row: 1, column: header, message: `取り込めない列名です。${entity === 'agreements' ? '協定' : '連携事業'}の書き出しファイルと同じ列名にしてください。` });
      return;
    }
    if (seen.has(header)) errors.push({ row: 1, column: header, message: '同じ列名が2回以上あります。' });
    seen.add(header);
  });
  for (const c of columns) {
    if (!c.informational && !seen.has(c.header)) errors.push({ row: 1, column: c.header, message: 'この列がありません。書き出しファイルの列をすべて残してください。' });
  }
  return errors;
}

// ─── A whole file ──────────────────────────────────────────────────────────────────────────────

export interface ValidatedRow<T> {
  row: number;
  /** Present when the row names an existing record (an update). */
  id: string | null;
  input: T;
}

export interface FileResult<T> {
  /** Data rows read (blank rows are skipped and not counted). */
  totalRows: number;
  /** Rows with an id (updates) and without (new records), counted on every row read. */
  updates: number;
  creates: number;
  /** Every data row's number and id (null = new), valid or not. */
  entries: Array<{ row: number; id: string | null }>;
  rows: Array<ValidatedRow<T>>;
  errors: ImportError[];
}

/** A parsed table: the header cells, then each data row's cells with its spreadsheet row number. */
export interface ParsedTable {
  headers: string[];
  records: Array<{ row: number; cells: string[] }>;
}

/**
 * Validates a whole table: the header, then every non-blank row, plus the checks across rows
 * (the same id twice). The rows are returned only when there is no error at all.
 */
export function validateTable<E extends ImportEntity>(entity: E, table: ParsedTable, refs: ReferenceData): FileResult<ImportInput<E>> {
  const headerErrors = checkHeader(entity, table.headers);
  const dataRecords = table.records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const idHeader = columnsOf(entity).find((c) => c.key === 'id')!.header;
  const result: FileResult<ImportInput<E>> = { totalRows: dataRecords.length, updates: 0, creates: 0, entries: [], rows: [], errors: [...headerErrors] };
  if (dataRecords.length === 0) {
    result.errors.push({ row: 2, column: '', message: 'データの行がありません。見出しの行の下に1件以上入力してください。' });
  }
  if (dataRecords.length > maxImportRows) {
    result.errors.push({ row: 1, column: '', message: tooManyRowsMessage(dataRecords.length) });
  }
  const headers = table.headers.map(normaliseHeader);
  for (const r of dataRecords) {
    const idIndex = headers.indexOf(idHeader);
    const id = idIndex < 0 ? '' : (r.cells[idIndex] ?? '').trim();
    if (id === '') result.creates++;
    else result.updates++;
    result.entries.push({ row: r.row, id: id === '' ? null : id });
  }
  if (headerErrors.length > 0 || result.errors.length > 0) return result;

  const firstRowOfId = new Map<string, number>();
  const rows: Array<ValidatedRow<ImportInput<E>>> = [];
  for (const r of dataRecords) {
    const errors: ImportError[] = [];
    if (r.cells.length > headers.length && r.cells.slice(headers.length).some((c) => c.trim() !== '')) {
      errors.push({ row: r.row, column: `${headers.length + 1}列目以降`, message: '見出しのない列に値があります。' });
    }
    const record: Record<string, string> = {};
    headers.forEach((h, i) => {
      record[h] = r.cells[i] ?? '';
    });
    const validated = entity === 'agreements' ? validateAgreementRow(record, r.row, refs) : validateProjectRow(record, r.row, refs);
    const id = (record[idHeader] ?? '').trim();
    if (id !== '') {
      const first = firstRowOfId.get(id);
      if (first !== undefined) errors.push({ row: r.row, column: idHeader, message: `同じIDが${first}行目にもあります。1つの記録は1行にしてください。` });
      else firstRowOfId.set(id, r.row);
    }
    if (!validated.ok) errors.push(...validated.errors);
    if (errors.length > 0) result.errors.push(...errors);
    else if (validated.ok) rows.push({ row: r.row, id: id === '' ? null : id, input: validated.value as ImportInput<E> });
  }
  if (result.errors.length === 0) result.rows = rows;
  return result;
}
