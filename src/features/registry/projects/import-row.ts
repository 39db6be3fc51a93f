// One row of a projects import file → a ProjectInput, or what is wrong with it by column.
import { projectColumns } from './exchange.ts';
import { parseProjectField } from './fields.ts';
import { projectStatuses, type ProjectInput } from './record.ts';
import { formatWords, organiserKindWords } from '../shared/exchange-layout.ts';
import { labelled, nfkc, readRecordId, RowReader, type ReferenceData, type RowResult } from '../shared/import-cells.ts';
import { parseFiscalYearLabel } from '../../../domain/fiscal-year.ts';
import type { OrganiserKind, ProjectFormat, ProjectStatus } from '../../../db/schema.ts';

export function validateProjectRow(record: Readonly<Record<string, string>>, row: number, refs: ReferenceData): RowResult<ProjectInput> {
  const r = new RowReader(record, row, projectColumns);
  const id = readRecordId(r, refs);

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
