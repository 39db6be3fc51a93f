// Reading an agreements or projects file in the export's layout (exchange-layout.ts): decoding the
// bytes of a CSV, checking the header row, and validating each record into an AgreementInput or a
// ProjectInput, or into the list of what is wrong with it, in Japanese, by row and column.
// Pure: everything the checks need from the database comes in as ReferenceData.
import { agreementColumns } from '../agreements/exchange.ts';
import { projectColumns } from '../projects/exchange.ts';
import {
  formatWords,
  organiserKindWords,
  precisionWords,
  splitList,
  type ExchangeColumn,
} from '../shared/exchange-layout.ts';
import { unprotectFormulaText } from '../../../views/tabular.ts';
import { parseFiscalYearLabel } from '../../../domain/fiscal-year.ts';
import { isValidLocalGovCode } from '../../../domain/local-gov-code.ts';
import { parseProjectField } from '../projects/fields.ts';
import type { AgreementInput } from '../agreements/record.ts';
import { projectStatuses, type ProjectInput } from '../projects/record.ts';
import type { DatePrecision, OrganiserKind, ProjectFormat, ProjectStatus } from '../../../db/schema.ts';

export type ImportEntity = 'agreements' | 'projects';

/** One problem: `row` is the spreadsheet row (the header is row 1); `column` the Japanese header. */
export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: ImportError[] };

export type ImportInput<E extends ImportEntity> = E extends 'agreements' ? AgreementInput : ProjectInput;

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

// ─── Cells ─────────────────────────────────────────────────────────────────────────────────────

const nfkc = (s: string) => s.normalize('NFKC').trim();

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
function parsePrecision(cell: string): DatePrecision | null {
  const t = nfkc(cell);
  if (t === '') return 'day';
  for (const [key, label] of Object.entries(precisionWords) as Array<[DatePrecision, string]>) if (t === label || t === key) return key;
  return null;
}

function labelled<K extends string>(labels: Record<K, string>, cell: string): K | null {
  const t = nfkc(cell);
  for (const [key, label] of Object.entries(labels) as Array<[K, string]>) if (t === nfkc(label) || t.toLowerCase() === key) return key;
  return null;
}

/** First day of the period a date is known to. */
function startOfPeriod(iso: string, precision: DatePrecision): string {
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

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Collects the errors of one row; each reader returns a value and notes its problems. */
class RowReader {
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

function idOf(reader: RowReader, refs: ReferenceData): string | undefined {
  const id = reader.cell('id');
  if (id === '') return undefined;
  if (!refs.existingIds.has(id)) reader.fail('id', 'このIDの記録はありません。新しく登録するときはIDを空にしてください。');
  return id;
}

// ─── Agreements ────────────────────────────────────────────────────────────────────────────────

export function validateAgreementRow(record: Readonly<Record<string, string>>, row: number, refs: ReferenceData): RowResult<AgreementInput> {
  const r = new RowReader(record, row, agreementColumns);
  const id = idOf(r, refs);

  const typeCell = r.cell('type');
  let typeId = '';
  if (typeCell === '') r.fail('type', '協定種別を入力してください。');
  else {
    const found = refs.agreementTypes.get(typeCell) ?? refs.agreementTypes.get(nfkc(typeCell));
    if (!found) r.fail('type', `「${typeCell}」という協定種別はありません。協定種別の名前またはIDを入力してください。`);
    else typeId = found;
  }

  const title = r.text('title', { required: true, max: 300 });
  const wardCodes = r.codes('wardCodes', refs, { wards: true });
  if (r.cell('wardCodes') === '') r.fail('wardCodes', '特別区コードを1つ以上入力してください。');
  const partnerCodes = r.codes('partnerCodes', refs);

  const partnerGroupIds: string[] = [];
  for (const g of splitList(r.cell('partnerGroupIds'))) {
    if (!refs.groupIds.has(g)) r.fail('partnerGroupIds', `「${g}」という連携先団体（市長会・町村会）はありません。`);
    else partnerGroupIds.push(g);
  }
  if (r.cell('partnerCodes') === '' && r.cell('partnerGroupIds') === '') {
    r.fail('partnerCodes', '連携先コードまたは連携先団体IDを1つ以上入力してください。');
  }

  const formerNames: Record<string, string> = {};
  for (const pair of splitList(r.cell('formerNames'))) {
    const m = /^([^:：]+)[:：](.+)$/.exec(pair);
    const code = m ? nfkc(m[1]!) : '';
    const name = m ? m[2]!.trim() : '';
    if (!m || name === '') r.fail('formerNames', `「${pair}」は「コード:旧名称」の形ではありません（例：012211:風連町）。`);
    else if (!partnerCodes.includes(code) && !splitList(r.cell('partnerCodes')).map(nfkc).includes(code)) {
      r.fail('formerNames', `「${code}」は連携先コードにありません。`);
    } else if ([...name].length > 100) r.fail('formerNames', '締結時の名称は100文字以内にしてください。');
    else formerNames[code] = name;
  }

  const precision = parsePrecision(r.cell('signedOnPrecision'));
  if (!precision) r.fail('signedOnPrecision', `「日」「月」「年」のいずれかを入力してください（空欄は「日」）。`);
  const signedRaw = r.date('signedOn');
  const signedOn = signedRaw && precision ? startOfPeriod(signedRaw, precision) : signedRaw;
  const resignedDates = r.dates('resignedDates');
  const endedOn = r.date('endedOn');
  if (signedOn && endedOn && endedOn < signedOn) r.fail('endedOn', '終了日が締結日より前です。');
  const background = r.text('background');
  const sourceUrl = r.url('sourceUrl');
  const notes = r.text('notes');

  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  const value: AgreementInput = {
    typeId,
    title,
    wardCodes,
    partnerCodes,
    partnerGroupIds: unique(partnerGroupIds),
    formerNames,
    signedOn,
    signedOnPrecision: precision ?? 'day',
    resignedDates,
    endedOn,
    background,
    sourceUrl,
    notes,
  };
  if (id !== undefined) value.id = id;
  return { ok: true, value };
}

// ─── Projects ──────────────────────────────────────────────────────────────────────────────────

export function validateProjectRow(record: Readonly<Record<string, string>>, row: number, refs: ReferenceData): RowResult<ProjectInput> {
  const r = new RowReader(record, row, projectColumns);
  const id = idOf(r, refs);

  const fyCell = r.cell('fiscalYear');
  let fiscalYear = 0;
  if (fyCell === '') r.fail('fiscalYear', '年度を入力してください（例：2024、2024年度、令和6年度）。');
  else {
    const fy = parseFiscalYearLabel(fyCell);
    if (fy === null || fy < 1900 || fy > 2100) r.fail('fiscalYear', `「${fyCell}」は年度として読めません（例：2024、2024年度、令和6年度）。`);
    else fiscalYear = fy;
  }

  const title = r.text('title', { required: true, max: 300 });
  const summary = r.text('summary');

  const fieldCell = r.cell('field');
  let field = 0;
  if (fieldCell === '') r.fail('field', '分野番号（1〜6）を入力してください。');
  else {
    const f = parseProjectField(fieldCell);
    if (!f) r.fail('field', `「${fieldCell}」は分野番号ではありません。1〜6の数字（または分野名）を入力してください。`);
    else field = f.number;
  }

  const kindCell = r.cell('organiserKind');
  let organiserKind: OrganiserKind | null = null;
  if (kindCell === '') r.fail('organiserKind', `主催区分を「${organiserKindWords.wards}」または「${organiserKindWords.joint}」で入力してください。`);
  else {
    organiserKind = labelled(organiserKindWords, kindCell);
    if (!organiserKind) r.fail('organiserKind', `「${kindCell}」は主催区分ではありません。「${organiserKindWords.wards}」または「${organiserKindWords.joint}」を入力してください。`);
  }
  const wardCodes = r.codes('wardCodes', refs, { wards: true });
  if (organiserKind === 'wards' && r.cell('wardCodes') === '') r.fail('wardCodes', `主催区分が「${organiserKindWords.wards}」のときは主催区コードを1つ以上入力してください。`);
  if (organiserKind === 'joint' && r.cell('wardCodes') !== '') r.fail('wardCodes', `主催区分が「${organiserKindWords.joint}」のときは主催区コードを空欄にしてください。`);
  const partnerCodes = r.codes('partnerCodes', refs);

  const startsOn = r.date('startsOn');
  const endsOn = r.date('endsOn');
  if (startsOn && endsOn && endsOn < startsOn) r.fail('endsOn', '終了日が開始日より前です。');

  const formatCell = r.cell('format');
  let format: ProjectFormat | null = 'offline';
  if (formatCell !== '') {
    format = labelled(formatWords, formatCell);
    if (!format) r.fail('format', `「${formatCell}」は実施形態ではありません。「${formatWords.offline}」「${formatWords.online}」「${formatWords.hybrid}」のいずれかを入力してください（空欄は「${formatWords.offline}」）。`);
  }

  const statusCell = nfkc(r.cell('status'));
  let status: ProjectStatus | null = null;
  if (statusCell === '') r.fail('status', `状況を入力してください（${projectStatuses.join('・')}）。`);
  else {
    status = projectStatuses.find((s) => s === statusCell) ?? null;
    if (!status) r.fail('status', `「${statusCell}」は状況ではありません。${projectStatuses.map((s) => `「${s}」`).join('')}のいずれかを入力してください。`);
  }

  const newsUrl = r.url('newsUrl');
  const sourceUrl = r.url('sourceUrl');
  const notes = r.text('notes');

  if (r.errors.length > 0 || !organiserKind || !format || !status) return { ok: false, errors: r.errors };
  const value: ProjectInput = {
    fiscalYear,
    title,
    summary,
    field,
    organiserKind,
    wardCodes: organiserKind === 'joint' ? [] : wardCodes,
    partnerCodes,
    startsOn,
    endsOn,
    format,
    status,
    newsUrl,
    sourceUrl,
    notes,
  };
  if (id !== undefined) value.id = id;
  return { ok: true, value };
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
