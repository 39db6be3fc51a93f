// Reading one row of an import file (the export's layout, shared/exchange-layout.ts): each cell as
// text, a date, a list of dates, a list of 全国地方公共団体コード, a URL; every problem noted in
// Japanese with its row and column. Each subject's import-row.ts reads its own columns with these.
// Pure: everything the checks need from the database comes in as ReferenceData.
import { precisionWords, splitList, type ExchangeColumn } from './exchange-layout.ts';
import { unprotectFormulaText } from '../../../views/tabular.ts';
import { isValidLocalGovCode } from '../../../domain/local-gov-code.ts';
import type { DatePrecision } from '../../../db/schema.ts';

/** One problem: `row` is the spreadsheet row (the header is row 1); `column` the Japanese header. */
export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: ImportError[] };

/** What the checks need to know from the database. */
export interface ReferenceData {
  /** Every 全国地方公共団体コード in local_governments. */
  localGovernmentCodes: ReadonlySet<string>;
  /** The codes in the wards table (the 23 special wards). */
  wardCodes: ReadonlySet<string>;
  /** Agreement types by id and by name (names NFKC-normalised) → id. */
  agreementTypes: ReadonlyMap<string, string>;
  /** wide_area_groups ids. */
  groupIds: ReadonlySet<string>;
  /** Ids of existing (not deleted) records of the entity being imported. */
  existingIds: ReadonlySet<string>;
}

export const nfkc = (s: string) => s.normalize('NFKC').trim();

/** ISO 'YYYY-MM-DD', or as typed: 2024/10/30, 2024.10.30, 2024年10月30日, full-width digits. */
export function parseDateCell(cell: string): string | null {
  const t = nfkc(cell);
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Japanese label (日/月/年) or the stored word; empty means day. */
export function parsePrecision(cell: string): DatePrecision | null {
  const t = nfkc(cell);
  if (t === '') return 'day';
  for (const [key, label] of Object.entries(precisionWords) as Array<[DatePrecision, string]>) if (t === label || t === key) return key;
  return null;
}

export function labelled<K extends string>(labels: Record<K, string>, cell: string): K | null {
  const t = nfkc(cell);
  for (const [key, label] of Object.entries(labels) as Array<[K, string]>) if (t === nfkc(label) || t.toLowerCase() === key) return key;
  return null;
}

/** First day of the period a date is known to. */
export function startOfPeriod(iso: string, precision: DatePrecision): string {
  if (precision === 'month') return `${iso.slice(0, 7)}-01`;
  if (precision === 'year') return `${iso.slice(0, 4)}-01-01`;
  return iso;
}

function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Collects the errors of one row; each reader returns a value and notes its problems. */
export class RowReader {
  readonly errors: ImportError[] = [];
  constructor(
    private readonly record: Readonly<Record<string, string>>,
    private readonly row: number,
    private readonly columns: readonly ExchangeColumn[],
  ) {}

  header(key: string): string {
    const column = this.columns.find((c) => c.key === key);
    if (!column) throw new Error(`no column ${key}`);
    return column.header;
  }

  /**
   * Every field of a row is read here, so this is the one place that takes off the quote the CSV
   * export puts before a text a spreadsheet would read as a formula ('=…, '+…, '-…, '@…, '<tab>…),
   * for CSV and XLSX alike (a CSV saved again as XLSX keeps the quote in the cell's text). The cell
   * is trimmed first: the quote keeps a leading tab of the original text from being trimmed away.
   */
  cell(key: string): string {
    return unprotectFormulaText((this.record[this.header(key)] ?? '').trim());
  }

  fail(key: string, message: string): void {
    this.errors.push({ row: this.row, column: this.header(key), message });
  }

  text(key: string, { required = false, max }: { required?: boolean; max?: number } = {}): string {
    const v = this.cell(key);
    if (required && v === '') this.fail(key, '入力してください。');
    else if (max !== undefined && [...v].length > max) this.fail(key, `${max}文字以内にしてください（${[...v].length}文字）。`);
    return v;
  }

  url(key: string): string | null {
    const v = this.cell(key);
    if (v === '') return null;
    if (!isWebUrl(v)) this.fail(key, 'http:// または https:// で始まるURLを入力してください。');
    else if (v.length > 500) this.fail(key, 'URLは500文字以内にしてください。');
    return v;
  }

  date(key: string): string | null {
    const v = this.cell(key);
    if (v === '') return null;
    const iso = parseDateCell(v);
    if (!iso) this.fail(key, `日付として読めません（「${v}」）。2024-10-30 または 2024/10/30 の形で入力してください。`);
    return iso;
  }

  dates(key: string): string[] {
    const out: string[] = [];
    for (const part of splitList(this.cell(key))) {
      const iso = parseDateCell(part);
      if (!iso) this.fail(key, `日付として読めません（「${part}」）。2024-10-30 または 2024/10/30 の形で、複数のときは「;」で区切って入力してください。`);
      else out.push(iso);
    }
    return unique(out);
  }

  /** A list of 6-digit codes that exist; wards only when `wards` is set. */
  codes(key: string, refs: ReferenceData, { wards = false }: { wards?: boolean } = {}): string[] {
    const out: string[] = [];
    for (const part of splitList(this.cell(key))) {
      const code = nfkc(part);
      if (!/^\d+$/.test(code) || code.length !== 6) {
        this.fail(key, `「${part}」は6桁の全国地方公共団体コード（検査数字付き）ではありません。${/^\d{5}$/.test(code) ? '先頭の0が落ちていないか、検査数字が抜けていないか確認してください。' : ''}`);
      } else if (!isValidLocalGovCode(code)) {
        this.fail(key, `「${code}」は全国地方公共団体コードとして正しくありません（検査数字が合いません）。`);
      } else if (!refs.localGovernmentCodes.has(code)) {
        this.fail(key, `「${code}」という自治体はありません。`);
      } else if (wards && !refs.wardCodes.has(code)) {
        this.fail(key, `「${code}」は特別区のコードではありません。`);
      } else {
        out.push(code);
      }
    }
    return unique(out);
  }
}

export function readRecordId(reader: RowReader, refs: ReferenceData): string | undefined {
  const id = reader.cell('id');
  if (id === '') return undefined;
  if (!refs.existingIds.has(id)) reader.fail('id', 'このIDの記録はありません。新しく登録するときはIDを空にしてください。');
  return id;
}
