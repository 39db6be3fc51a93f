// One row of an agreements import file → an AgreementInput, or what is wrong with it by column.
import { agreementColumns } from './exchange.ts';
import type { AgreementInput } from './record.ts';
import { splitList } from '../shared/exchange-layout.ts';
import { nfkc, parsePrecision, readRecordId, RowReader, startOfPeriod, unique, type ReferenceData, type RowResult } from '../shared/import-cells.ts';

export function validateAgreementRow(record: Readonly<Record<string, string>>, row: number, refs: ReferenceData): RowResult<AgreementInput> {
  const r = new RowReader(record, row, agreementColumns);
  const id = readRecordId(r, refs);

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
