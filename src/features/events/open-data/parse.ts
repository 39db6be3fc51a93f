// Reading an イベント一覧 file (an upload or a harvested feed) into event inputs, row by row, with a
// Japanese message for every problem. The text is UTF-8 (with or without BOM) when it decodes as
// UTF-8, CP932 otherwise (iconv-lite). Both layouts are read: the legacy 推奨データセット (keyed by
// NO, 32 columns) and the 正式版 (keyed by ID, コンテンツURL, 所在地_…), by their header names.
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { isValidLocalGovCode } from '../../../domain/local-gov-code.ts';
import { unprotectFormulaText } from '../../../views/tabular.ts';
import { blankEventInput, eventInputSchema, type Contact, type EventInput } from '../record.ts';
import { isEventKind } from '../vocabulary.ts';
import { LIST_SEPARATOR } from './layout.ts';

export const maxRows = 5000;

export interface RowError {
  /** The line of the file (the header is line 1). */
  row: number;
  column: string;
  message: string;
}

export interface ParsedRow {
  row: number;
  /** The file's own key of the event: NO or ID, when given. */
  key: string | null;
  input: EventInput;
}

export type ParseResult = { ok: true; rows: ParsedRow[]; encoding: 'utf-8' | 'cp932'; layout: 'legacy' | 'official' } | { ok: false; errors: RowError[] };

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), CP932 otherwise. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'cp932' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'cp932'), encoding: 'cp932' };
  }
}

type Field =
  | 'code'
  | 'key'
  | 'title'
  | 'titleKana'
  | 'titleEn'
  | 'startsOn'
  | 'endsOn'
  | 'startTime'
  | 'endTime'
  | 'dateNote'
  | 'description'
  | 'feeBasic'
  | 'feeDetail'
  | 'contactName'
  | 'contactPhone'
  | 'contactExtension'
  | 'organisers'
  | 'venueName'
  | 'address'
  | 'addressExtra'
  | 'latitude'
  | 'longitude'
  | 'access'
  | 'parking'
  | 'capacity'
  | 'applyDeadline'
  | 'applyDeadlineTime'
  | 'applyMethod'
  | 'url'
  | 'contentUrl'
  | 'notes'
  | 'kind'
  | 'field'
  | 'municipalities'
  | 'coOrganisers'
  | 'partners'
  | 'supporters'
  | 'online'
  | 'onlineUrl';

/** Header names (NFKC) of each field, in both layouts. */
const headerNames: Record<Field, string[]> = {
  code: ['都道府県コード又は市区町村コード', '全国地方公共団体コード', '市区町村コード', '都道府県コード'],
  key: ['NO', 'No', 'ID'],
  title: ['イベント名'],
  titleKana: ['イベント名_カナ'],
  titleEn: ['イベント名_英語'],
  startsOn: ['開始日'],
  endsOn: ['終了日'],
  startTime: ['開始時間'],
  endTime: ['終了時間'],
  dateNote: ['開始日時特記事項'],
  description: ['説明', '概要'],
  feeBasic: ['料金(基本)', '料金種別'],
  feeDetail: ['料金(詳細)'],
  contactName: ['連絡先名称'],
  contactPhone: ['連絡先電話番号'],
  contactExtension: ['連絡先内線番号'],
  organisers: ['主催者'],
  venueName: ['場所名称'],
  address: ['住所', '所在地_連結表記'],
  addressExtra: ['方書', '建物名等(方書)'],
  latitude: ['緯度'],
  longitude: ['経度'],
  access: ['アクセス方法'],
  parking: ['駐車場情報'],
  capacity: ['定員'],
  applyDeadline: ['参加申込終了日'],
  applyDeadlineTime: ['参加申込終了時間'],
  applyMethod: ['参加申込方法'],
  url: ['URL'],
  contentUrl: ['コンテンツURL'],
  notes: ['備考'],
  kind: ['種類', 'イベント種類'],
  field: ['分野'],
  municipalities: ['参加自治体コード'],
  coOrganisers: ['共催'],
  partners: ['連携協力'],
  supporters: ['後援'],
  online: ['オンライン開催'],
  onlineUrl: ['オンラインURL'],
};

const normaliseHeader = (cell: string) => cell.replace(/^\uFEFF/, '').normalize('NFKC').replace(/\s+/g, '').trim();

const fieldOfHeader = new Map<string, Field>();
for (const [field, names] of Object.entries(headerNames) as Array<[Field, string[]]>) for (const n of names) fieldOfHeader.set(normaliseHeader(n), field);

/** 'YYYY-MM-DD' from 2024-10-30, 2024/10/30, 2024/1/5, 20241030 or 2024年10月30日; null when not a date. */
export function parseDate(cell: string): string | null {
  const t = cell.normalize('NFKC').trim();
  const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

/** 'HH:MM' from 9:30, 09:30 or 09:30:00; null when not a time of day. */
export function parseTime(cell: string): string | null {
  const m = /^(\d{1,2})[:：](\d{2})(?::\d{2})?$/.exec(cell.normalize('NFKC').trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

const listOf = (cell: string) =>
  cell
    .split(/[、;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

export interface RowContext {
  /** Known 全国地方公共団体コード (the master data). */
  isKnownCode(code: string): boolean;
  /** The municipality of every row when the file names none (a harvested municipality's feed). */
  defaultCode?: string;
  /** Only this municipality's events may be in the file (a member's import). */
  onlyCode?: string;
}

/** Every row of the table (header first) as an event input, or every problem found. */
export function rowsOfTable(table: string[][], context: RowContext): ParseResult {
  const [header, ...body] = table;
  if (!header) return { ok: false, errors: [{ row: 1, column: '', message: 'ファイルが空です。1行目に見出し（イベント名、開始日 など）が必要です。' }] };
  const columns = new Map<Field, number>();
  header.forEach((cell, i) => {
    const field = fieldOfHeader.get(normaliseHeader(cell));
    if (field && !columns.has(field)) columns.set(field, i);
  });
  const missing = (['title', 'startsOn'] as const).filter((f) => !columns.has(f));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [{ row: 1, column: '', message: `見出しに「${missing.map((f) => headerNames[f][0]).join('」「')}」の列がありません。自治体標準オープンデータセット「イベント一覧」の見出し行を1行目にしてください。` }],
    };
  }
  const layout = header.some((h) => normaliseHeader(h) === 'ID') ? 'official' : 'legacy';
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  const seenKeys = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (f: Field) => {
      const i = columns.get(f);
      return i === undefined ? '' : unprotectFormulaText(cells[i] ?? '').trim();
    };
    const fail = (f: Field, message: string) => errors.push({ row: line, column: headerNames[f][0]!, message });
    const input = blankEventInput();
    input.title = cell('title');
    if (!input.title) fail('title', 'イベント名が空です。');
    else if (input.title.length > 200) fail('title', 'イベント名は200文字以内にしてください。');
    input.titleKana = cell('titleKana');
    input.titleEn = cell('titleEn');
    const startsOn = parseDate(cell('startsOn'));
    if (!startsOn) fail('startsOn', cell('startsOn') ? `開始日「${cell('startsOn')}」を日付として読めません（例：2024-10-30）。` : '開始日が空です。');
    const endCell = cell('endsOn');
    const endsOn = endCell ? parseDate(endCell) : startsOn;
    if (endCell && !endsOn) fail('endsOn', `終了日「${endCell}」を日付として読めません（例：2024-10-31）。`);
    if (startsOn && endsOn && endsOn < startsOn) fail('endsOn', '終了日が開始日より前です。');
    input.startsOn = startsOn ?? '';
    input.endsOn = endsOn ?? input.startsOn;
    for (const [f, key] of [
      ['startTime', 'startTime'],
      ['endTime', 'endTime'],
      ['applyDeadlineTime', 'applyDeadlineTime'],
    ] as const) {
      const v = cell(f);
      if (!v) continue;
      const time = parseTime(v);
      if (!time) fail(f, `${headerNames[f][0]}「${v}」を時刻として読めません（例：10:00）。`);
      input[key] = time;
    }
    if (input.startTime && input.endTime && input.startsOn === input.endsOn && input.endTime < input.startTime) fail('endTime', '終了時間が開始時間より前です。');
    const deadline = cell('applyDeadline');
    if (deadline) {
      input.applyDeadline = parseDate(deadline);
      if (!input.applyDeadline) fail('applyDeadline', `参加申込終了日「${deadline}」を日付として読めません。`);
    }
    input.dateNote = cell('dateNote');
    input.description = cell('description');
    input.feeBasic = cell('feeBasic');
    input.feeDetail = cell('feeDetail');
    const names = listOf(cell('contactName'));
    const phones = cell('contactPhone') ? cell('contactPhone').split(LIST_SEPARATOR) : [];
    const extensions = cell('contactExtension') ? cell('contactExtension').split(LIST_SEPARATOR) : [];
    const contactCount = Math.max(names.length, phones.length);
    const contacts: Contact[] = [];
    for (let i = 0; i < contactCount; i++) contacts.push({ name: names[i] ?? '', phone: (phones[i] ?? '').trim(), extension: (extensions[i] ?? '').trim() });
    input.contacts = contacts;
    for (const c of contacts) if (c.phone && !/^[0-9+()\- ]{6,20}$/.test(c.phone.normalize('NFKC'))) fail('contactPhone', `連絡先電話番号「${c.phone}」は数字とハイフンで書いてください（例：03-5210-9738）。`);
    input.organisers = listOf(cell('organisers'));
    input.coOrganisers = listOf(cell('coOrganisers'));
    input.partners = listOf(cell('partners'));
    input.supporters = listOf(cell('supporters'));
    input.venueName = cell('venueName');
    input.address = cell('address');
    input.addressExtra = cell('addressExtra');
    for (const f of ['latitude', 'longitude'] as const) {
      const v = cell(f).normalize('NFKC');
      if (!v) continue;
      const n = Number(v);
      const [min, max] = f === 'latitude' ? [20, 46] : [122, 154];
      if (!/^-?\d+(\.\d+)?$/.test(v) || n < min || n > max) fail(f, `${headerNames[f][0]}「${v}」は日本国内の値（10進数）にしてください。`);
      else input[f] = n;
    }
    input.access = cell('access');
    input.parking = cell('parking');
    input.capacity = cell('capacity');
    input.applyMethod = cell('applyMethod');
    const url = cell('url') || cell('contentUrl');
    if (url) {
      if (/^https?:\/\/\S+$/.test(url) && url.length <= 500) input.url = url;
      else fail(columns.has('url') ? 'url' : 'contentUrl', `URL「${url.slice(0, 80)}」は http:// または https:// で始めてください。`);
    }
    input.notes = cell('notes');
    const kind = cell('kind').normalize('NFKC');
    input.kind = isEventKind(kind) ? kind : kind === 'PR展示' ? 'PR展示' : 'その他';
    const field = cell('field').normalize('NFKC');
    if (field) {
      if (/^[1-6]$/.test(field)) input.field = Number(field);
      else fail('field', `分野「${field}」は1〜6の番号にしてください。`);
    }
    const online = cell('online').normalize('NFKC');
    input.online = ['1', 'あり', '有', 'true', 'TRUE', 'yes'].includes(online);
    const onlineUrl = cell('onlineUrl');
    if (onlineUrl) {
      if (/^https?:\/\/\S+$/.test(onlineUrl)) input.onlineUrl = onlineUrl;
      else fail('onlineUrl', 'オンラインURLは http:// または https:// で始めてください。');
    }
    // Municipalities: the listed codes, else the row's code, else the feed's municipality.
    const codeCell = cell('code').normalize('NFKC');
    const listed = cell('municipalities').normalize('NFKC').split(/[\s、,]+/).filter(Boolean);
    const codes = listed.length > 0 ? listed : codeCell ? [codeCell] : context.defaultCode ? [context.defaultCode] : [];
    for (const code of codes) {
      if (!isValidLocalGovCode(code)) fail(listed.length > 0 ? 'municipalities' : 'code', `全国地方公共団体コード「${code}」は6桁の正しいコード（検査数字つき）ではありません。`);
      else if (!context.isKnownCode(code)) fail(listed.length > 0 ? 'municipalities' : 'code', `全国地方公共団体コード「${code}」の自治体は登録されていません。`);
    }
    if (codeCell && !isValidLocalGovCode(codeCell) && listed.length > 0) fail('code', `全国地方公共団体コード「${codeCell}」は6桁の正しいコード（検査数字つき）ではありません。`);
    if (context.onlyCode && !codes.includes(context.onlyCode)) fail('code', 'ご自分の自治体のイベントだけを取り込めます。');
    input.municipalityCodes = [...new Set(codes)];
    const key = cell('key') || null;
    if (key) {
      if (key.length > 120) fail('key', `${layout === 'official' ? 'ID' : 'NO'}は120文字以内にしてください。`);
      const previous = seenKeys.get(key);
      if (previous !== undefined) fail('key', `${layout === 'official' ? 'ID' : 'NO'}「${key}」が${previous}行目と重複しています。`);
      seenKeys.set(key, line);
    }
    // The whole input through the schema (lengths), when the row has no other problem.
    if (!errors.some((e) => e.row === line)) {
      const checked = eventInputSchema.safeParse(input);
      if (!checked.success) {
        const path = String(checked.error.issues[0]?.path[0] ?? '');
        errors.push({ row: line, column: path, message: `「${path}」の値が長すぎるか、形式が正しくありません。` });
      } else rows.push({ row: line, key, input: checked.data });
    }
  });
  if (body.length > maxRows) return { ok: false, errors: [{ row: 1, column: '', message: `行が多すぎます（${body.length}行）。1回に取り込めるのは${maxRows}行までです。` }] };
  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ row: 2, column: '', message: 'イベントの行がありません。' }] };
  return { ok: true, rows, encoding: 'utf-8', layout };
}

/** A whole CSV file (bytes) through decoding, the CSV parser and the rows. */
export function parseEventCsv(bytes: Uint8Array, context: RowContext): ParseResult {
  const { text, encoding } = decodeText(bytes);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) {
    return { ok: false, errors: [{ row: 1, column: '', message: 'CSVファイルとして読めません（文字コードはUTF-8またはShift_JIS(CP932)にしてください）。' }] };
  }
  let table: string[][];
  try {
    table = parseCsv(text, { relax_column_count: true, skip_empty_lines: true, relax_quotes: false, max_record_size: 200_000 }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, errors: [{ row: line ?? 1, column: '', message: 'CSVの形式が正しくありません（引用符 " の閉じ忘れなど）。' }] };
  }
  const result = rowsOfTable(table, context);
  return result.ok ? { ...result, encoding } : result;
}
