// An uploaded file → a table of text cells: the type is decided by the extension AND the content
// (an XLSX is a zip: it starts with PK\x03\x04; a CSV must decode as text), then CSV goes through
// csv-parse and XLSX through exceljs (first sheet; every cell value made a string).
//
// A file is untrusted input whose parse costs CPU and memory out of proportion to its size (an
// 11 KB XLSX can describe a cell at column XFD in every row; a small zip can unpack to gigabytes).
// So the parse is bounded three ways:
//   - before reading: the zip's directory is checked (xlsx-zip.ts: entries, unpacked size, ratio),
//     and the merged-cell areas of the sheets are summed, before exceljs sees the file;
//   - while reading: only present cells are visited; a value right of column maxImportColumns ends
//     the parse with a file-level error; past maxImportRows data rows, rows are only counted (for
//     the error), no longer kept;
//   - around it all: parseUpload runs the parse in a worker thread with a heap limit and a time
//     limit, so that whatever a file costs is paid off the server's event loop, and a file that
//     costs too much ends in a Japanese error for the job, never in a 500 or a hung request.
import { Worker } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { decodeText, maxImportRows, tooManyRowsMessage, type ImportError, type ParsedTable } from './rows.ts';
import { readZipDirectory, verifyZipEntries, xlsxLimits, type ZipProblem } from './xlsx-zip.ts';

export const maxUploadBytes = 10 * 1024 * 1024;

/** The layouts have about 20 columns; a value further right than this is refused. */
export const maxImportColumns = 64;

/** Cells covered by merged ranges, summed over the sheets: exceljs makes an object for each one. */
export const maxMergedCells = 1_000_000;

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

function fileError(format: UploadFormat, message: string, row = 1, column = ''): ParseOutcome {
  return { ok: false, status: 200, format, errors: [{ row, column, message }] };
}

const tooManyRows = (format: UploadFormat, count?: number) => fileError(format, tooManyRowsMessage(count));

const tooWide = (format: UploadFormat, row: number, column: number) =>
  fileError(format, `${maxImportColumns}列目より右に値があります。取り込めるのは${maxImportColumns}列目までです。不要な列を削除してください。`, row, `${column}列目`);

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

// ─── The parse itself (in whatever thread calls it; parseUpload calls it in a worker) ───────────

/** The whole parse of one upload, in the calling thread. */
export async function parseUploadInThisThread(fileName: string, bytes: Buffer): Promise<ParseOutcome> {
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
  let bound: ParseOutcome | undefined;
  let index = 0;
  let dataRows = 0;
  try {
    records = parseCsv(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      relax_quotes: false,
      // Bounds while reading: a value too far right stops the parse; past maxImportRows data rows
      // the records are only counted (null = not kept).
      on_record: (record: string[]) => {
        const row = ++index;
        if (record.length > maxImportColumns) {
          const far = record.findIndex((c, i) => i >= maxImportColumns && c.trim() !== '');
          if (far >= 0) {
            bound = tooWide('csv', row, far + 1);
            throw new Error('too wide');
          }
          record.length = maxImportColumns; // empty cells (trailing commas) are dropped
        }
        if (row > 1 && !isBlank(record)) dataRows++;
        return dataRows > maxImportRows ? null : record;
      },
    }) as string[][];
  } catch (error) {
    if (bound) return bound;
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : undefined;
    const where = line ? `（${line}行目付近）` : '';
    return fileError('csv', `CSVの形式が正しくありません${where}。引用符「"」の対応などを確認してください。`, line ?? 1);
  }
  if (dataRows > maxImportRows) return tooManyRows('csv', dataRows);
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

const zipMessages: Record<Exclude<ZipProblem, 'broken'>, string> = {
  'too-large': `展開すると大きすぎるファイルです（展開後${xlsxLimits.maxUncompressedBytes / 1024 / 1024}MBまで）。行を分けて、いくつかのファイルにしてください。`,
  ratio: 'ファイルの圧縮率が異常に高いため、読み込みません。Excel で「Excel ブック（*.xlsx）」として保存し直したファイルを選んでください。',
  'too-many-entries': `XLSXファイルの中の部品が多すぎます（${xlsxLimits.maxEntries.toLocaleString('ja-JP')}個まで）。Excel で「Excel ブック（*.xlsx）」として保存し直してください。`,
};

const sheetPart = /^xl\/worksheets\/sheet\d+\.xml$/;
/** A merged range as exceljs reads it: <mergeCell ref="B2:C5"/> (a 1-cell "range" may omit the colon). */
const mergeRef = /<mergeCell\b[^>]*?\bref\s*=\s*["']\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?["']/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells covered by the merged ranges of one sheet's XML. */
export function mergedCellCount(xml: string): number {
  let total = 0;
  for (const m of xml.matchAll(mergeRef)) {
    if (m[3] === undefined || m[4] === undefined) continue;
    const cols = Math.abs(columnNumber(m[3]) - columnNumber(m[1]!)) + 1;
    const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
    total += cols * rows;
  }
  return total;
}

/**
 * Sheet elements exceljs expands cell by cell or column by column and that carry no cell values:
 * <cols> (one object per column up to its max), <dataValidations> (one entry per cell of each
 * range). Merged cells are kept (a merged range gives its text to every cell of the range, which
 * imports rely on) and bounded beforehand instead (maxMergedCells).
 */
const ignoredSheetNodes = ['cols', 'dataValidations'];

async function parseXlsx(bytes: Buffer): Promise<ParseOutcome> {
  const notXlsx = { ok: false, status: 415, problem: 'not-xlsx' } as const;

  // Before reading: the zip's directory, every entry's real size, and the merged areas.
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return directory.problem === 'broken' ? notXlsx : fileError('xlsx', zipMessages[directory.problem]);
  let merged = 0;
  const lie = verifyZipEntries(bytes, directory.entries, (entry, data) => {
    if (sheetPart.test(entry.name)) merged += mergedCellCount(data.toString('utf8'));
  });
  if (lie) return notXlsx;
  if (merged > maxMergedCells) {
    return fileError('xlsx', `結合されたセルが多すぎます（${merged.toLocaleString('ja-JP')}セル）。セルの結合を解除してから保存し直してください。`);
  }

  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  // maxRows (read by exceljs's sheet parser, not in its types): it stops reading a sheet with more
  // <row> elements than this; rows without values count there too, hence the margin (the exact
  // count of data rows follows below).
  const options: Partial<ExcelJS.XlsxReadOptions> & { maxRows: number } = { maxRows: 2 * maxImportRows, ignoreNodes: ignoredSheetNodes };
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, options);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Max row count')) return tooManyRows('xlsx');
    return notXlsx;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fileError('xlsx', 'シートがありません。');

  // While reading: present cells only, within maxImportColumns; past maxImportRows data rows, the
  // rows are only counted.
  const rows: Array<{ row: number; cells: string[] }> = [];
  let bound: ParseOutcome | undefined;
  let dataRows = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (bound) return; // eachRow cannot be stopped: the rows after a refusal are skipped
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (bound) return;
      const text = cellText(cell.value);
      if (column <= maxImportColumns) cells[column - 1] = text;
      else if (text.trim() !== '') bound = tooWide('xlsx', rowNumber, column);
    });
    if (bound) return;
    const filled = Array.from(cells, (c) => c ?? '');
    while (filled.length > 0 && filled[filled.length - 1] === '') filled.pop();
    if (rows.length > 0 && !isBlank(filled)) dataRows++;
    if (dataRows <= maxImportRows) rows.push({ row: rowNumber, cells: filled });
  });
  if (bound) return bound;
  if (dataRows > maxImportRows) return tooManyRows('xlsx', dataRows);
  const first = rows[0];
  if (!first) return { ok: true, format: 'xlsx', table: { headers: [], records: [] } };
  if (first.row !== 1) return fileError('xlsx', '1行目に見出し（列名）を置いてください。');
  return { ok: true, format: 'xlsx', table: { headers: first.cells, records: rows.slice(1) } };
}

// ─── In a worker thread ─────────────────────────────────────────────────────────────────────────

/**
 * Limits of one parse. Mutable for the tests only (a short time limit, a held parse); the app
 * never changes them.
 */
export const parseLimits = {
  /**
   * The whole run, worker start included; then the worker is terminated. The 50,000-row export
   * takes 3–12 s (the latter on a busy 2-core machine); a file of 1.6 million cells at the unpacked
   * size limit about 14 s.
   */
  timeMs: 30_000,
  /**
   * The worker's V8 heap. exceljs holds a whole workbook in memory: the 50,000-row export
   * (maxImportRows, ~40 MB of XML) needs about 384 MB; a CSV of that size about 100 MB. A worker
   * over its limit is ended alone, unless one single allocation overshoots the limit by more than
   * Node's 16 MB leeway: then V8 aborts the whole process. exceljs reads each part of the file as
   * one string (up to twice xlsxLimits.maxUncompressedBytes for non-Latin text) before it builds
   * the many small objects of the cells, so this limit must stay well above that (it does: 512 MB
   * against 100 MB; a 48 MB limit did abort the process in a trial).
   */
  maxOldGenerationSizeMb: 512,
  /** Parses at a time in this process; more wait for a turn (each may take the heap above). */
  concurrency: 2,
};

/**
 * The worker's entry: a plain .mjs, because Node 20 gives a worker thread neither the parent's
 * `--import tsx` nor an execArgv `--import tsx` for its entry module; it registers tsx in the
 * worker itself when this module is TypeScript (always, as the app runs through tsx), then loads
 * this module and calls parseUploadInThisThread.
 */
const workerEntry = new URL('./parse-worker.mjs', import.meta.url);
const thisModule = import.meta.url;

export interface WorkerRequest {
  module: string;
  fileName: string;
  bytes: Uint8Array;
  /** A held parse (tests): the worker waits until the first Int32 of this buffer is not 0. */
  hold?: SharedArrayBuffer;
}

export type WorkerMessage = { type: 'started' } | { type: 'done'; outcome: ParseOutcome };

/**
 * Parses an upload in a worker thread, so that a costly file never blocks the event loop; the
 * same outcomes as parseUploadInThisThread, plus a file-level error when the worker runs out of
 * time or memory (or fails to run at all).
 */
export async function parseUpload(fileName: string, bytes: Buffer): Promise<ParseOutcome> {
  const format = formatOfName(fileName);
  if (!format) return { ok: false, status: 415, problem: 'extension' };
  const release = await turn();
  try {
    return await runWorker(format, fileName, bytes);
  } finally {
    release();
  }
}

type Failure = 'timeout' | 'memory' | 'crash';

function failed(format: UploadFormat, failure: Failure): ParseOutcome {
  const split = '行を分けて、いくつかのファイルにしてください。';
  if (failure === 'timeout') return fileError(format, `ファイルの読み込みが${Math.round(parseLimits.timeMs / 1000)}秒で終わらなかったため、中止しました。${split}`);
  if (failure === 'memory') return fileError(format, `ファイルが大きすぎて読み込めませんでした。${split}`);
  return fileError(format, 'ファイルを読み込めませんでした。もう一度アップロードしてください。');
}

function runWorker(format: UploadFormat, fileName: string, bytes: Buffer): Promise<ParseOutcome> {
  const held = hold;
  // The bytes are copied to the worker (never transferred: a small Buffer may share its memory).
  const request: WorkerRequest = { module: thisModule, fileName, bytes: new Uint8Array(bytes), hold: held?.gate };
  return new Promise((resolve) => {
    let outcome: ParseOutcome | undefined;
    let failure: Failure | undefined;
    let worker: Worker;
    try {
      worker = new Worker(workerEntry, {
        workerData: request,
        // Nothing of the parent's command line (--test, --inspect, …): the entry registers tsx itself.
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: parseLimits.maxOldGenerationSizeMb },
        stdout: false,
        stderr: false,
      });
    } catch {
      resolve(failed(format, 'crash'));
      return;
    }
    const timer = setTimeout(() => {
      failure ??= 'timeout';
      void worker.terminate();
    }, parseLimits.timeMs);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'started') held?.started();
      else if (message.type === 'done') {
        outcome = message.outcome;
        void worker.terminate();
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      failure ??= error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash';
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      resolve(outcome ?? failed(format, failure ?? 'crash'));
    });
  });
}

// A turn among the parses of this process: at most parseLimits.concurrency run at once; a finished
// one hands its turn straight to the longest waiting.
let running = 0;
const waiting: Array<() => void> = [];

async function turn(): Promise<() => void> {
  if (running < parseLimits.concurrency) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}

// ─── For the tests: hold a parse in flight ──────────────────────────────────────────────────────

let hold: { gate: SharedArrayBuffer; started: () => void } | undefined;

/**
 * Holds every parse that starts from now on inside its worker (after the worker has started and
 * loaded the parser, before it reads the file) until `release()`: lets a test make requests while
 * a parse is known to be running, without depending on how long a parse takes.
 */
export function holdParses(): { started: Promise<void>; release(): void } {
  const gate = new SharedArrayBuffer(4);
  let started!: () => void;
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  hold = { gate, started };
  return {
    started: startedPromise,
    release() {
      if (hold?.gate === gate) hold = undefined;
      const flag = new Int32Array(gate);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    },
  };
}
