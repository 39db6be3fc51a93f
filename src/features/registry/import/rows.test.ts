import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agreementColumns } from '../agreements/exchange.ts';
import { projectColumns } from '../projects/exchange.ts';
import { validateAgreementRow } from '../agreements/import-row.ts';
import { validateProjectRow } from '../projects/import-row.ts';
import { parseDateCell, type ReferenceData } from '../shared/import-cells.ts';
import { checkHeader, decodeText, validateTable } from './rows.ts';

const chiyoda = '131016';
const chuo = '131024';
const nayoro = '012211';
const hokkaido = '010006';
const existingId = '7f1c0a52-5a3e-4c1e-9d7e-0a4b2c3d4e5f';

const refs: ReferenceData = {
  localGovernmentCodes: new Set([chiyoda, chuo, nayoro, hokkaido]),
  wardCodes: new Set([chiyoda, chuo]),
  agreementTypes: new Map([
    ['exchange', 'exchange'],
    ['交流自治体協定', 'exchange'],
    ['disaster-mutual-aid', 'disaster-mutual-aid'],
    ['災害時相互援助協定', 'disaster-mutual-aid'],
  ]),
  groupIds: new Set(['hokkaido-city-mayors']),
  existingIds: new Set([existingId]),
};

/** A record keyed by Japanese header, from key → value. */
function recordOf(columns: typeof agreementColumns, values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(columns.map((c) => [c.header, values[c.key] ?? '']));
}

const goodAgreement = {
  type: '交流自治体協定',
  title: '千代田区と名寄市の交流自治体協定',
  wardCodes: chiyoda,
  partnerCodes: nayoro,
  formerNames: `${nayoro}:風連町`,
  signedOn: '2006/10/1',
  signedOnPrecision: '日',
  resignedDates: '2007-04-01；2010/4/1',
  sourceUrl: 'https://www.city.chiyoda.lg.jp/',
  notes: 'サンプル',
};

const goodProject = {
  fiscalYear: '令和6年度',
  title: '特産品販売会',
  summary: '各地の特産品を販売',
  field: '1',
  organiserKind: '各区',
  wardCodes: `${chiyoda};${chuo}`,
  partnerCodes: `${nayoro}、${hokkaido}`,
  startsOn: '2024-10-30',
  endsOn: '2024/11/3',
  format: '併用',
  status: '実施',
};

describe('decodeText', () => {
  test('UTF-8 with a BOM loses the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('ID,年度\r\n')]);
    assert.deepEqual(decodeText(bytes), { ok: true, text: 'ID,年度\r\n', encoding: 'utf-8' });
  });

  test('UTF-8 without a BOM', () => {
    assert.deepEqual(decodeText(new TextEncoder().encode('事業名')), { ok: true, text: '事業名', encoding: 'utf-8' });
  });

  test('CP932, including the NEC and IBM extensions (①, 髙)', () => {
    // 東京 ① 髙 in Windows-31J.
    const bytes = new Uint8Array([0x93, 0x8c, 0x8b, 0x9e, 0x2c, 0x87, 0x40, 0x2c, 0xfb, 0xfc]);
    assert.deepEqual(decodeText(bytes), { ok: true, text: '東京,①,髙', encoding: 'shift_jis' });
  });

  test('binary is not text', () => {
    assert.deepEqual(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])), { ok: false });
    assert.deepEqual(decodeText(new Uint8Array([0xff, 0xff, 0xff, 0x00])), { ok: false });
  });
});

describe('parseDateCell', () => {
  test('reads ISO and the ways people type dates', () => {
    assert.equal(parseDateCell('2024-10-30'), '2024-10-30');
    assert.equal(parseDateCell('2024/10/30'), '2024-10-30');
    assert.equal(parseDateCell('2024/1/5'), '2024-01-05');
    assert.equal(parseDateCell('２０２４／１０／３０'), '2024-10-30');
    assert.equal(parseDateCell('2024年10月30日'), '2024-10-30');
  });

  test('refuses impossible dates and other text', () => {
    assert.equal(parseDateCell('2024-02-30'), null);
    assert.equal(parseDateCell('2023/2/29'), null);
    assert.equal(parseDateCell('令和6年'), null);
    assert.equal(parseDateCell('30/10/2024'), null);
  });
});

describe('checkHeader', () => {
  test('the export header passes, with or without the informational columns', () => {
    assert.deepEqual(checkHeader('agreements', agreementColumns.map((c) => c.header)), []);
    assert.deepEqual(checkHeader('projects', projectColumns.filter((c) => !c.informational).map((c) => c.header)), []);
  });

  test('unknown, repeated and missing columns are file-level errors on row 1', () => {
    const headers = [...projectColumns.map((c) => c.header).filter((h) => h !== '状況'), '担当者', '事業名'];
    const errors = checkHeader('projects', headers);
    assert.deepEqual(
      errors.map((e) => [e.row, e.column]),
      [
        [1, '担当者'],
        [1, '事業名'],
        [1, '状況'],
      ],
    );
    assert.match(errors[0]!.message, /取り込めない列名/);
    assert.match(errors[2]!.message, /この列がありません/);
  });

  test('a projects file chosen as agreements is refused', () => {
    assert.ok(checkHeader('agreements', projectColumns.map((c) => c.header)).length > 5);
  });
});

describe('validateAgreementRow', () => {
  test('a good row becomes an AgreementInput (type by name, lists, former names, dates)', () => {
    const result = validateAgreementRow(recordOf(agreementColumns, goodAgreement), 2, refs);
    assert.deepEqual(result, {
      ok: true,
      value: {
        typeId: 'exchange',
        title: '千代田区と名寄市の交流自治体協定',
        wardCodes: [chiyoda],
        partnerCodes: [nayoro],
        partnerGroupIds: [],
        formerNames: { [nayoro]: '風連町' },
        signedOn: '2006-10-01',
        signedOnPrecision: 'day',
        resignedDates: ['2007-04-01', '2010-04-01'],
        endedOn: null,
        background: '',
        sourceUrl: 'https://www.city.chiyoda.lg.jp/',
        notes: 'サンプル',
      },
    });
  });

  test('an existing id is kept; the informational columns are ignored', () => {
    const result = validateAgreementRow(recordOf(agreementColumns, { ...goodAgreement, id: existingId, type: 'exchange', wardNames: '何でも', fiscalYear: 'x' }), 2, refs);
    assert.ok(result.ok);
    assert.equal(result.value.id, existingId);
    assert.equal(result.value.typeId, 'exchange');
  });

  test('a group partner alone is enough; month precision is stored as the first day', () => {
    const result = validateAgreementRow(
      recordOf(agreementColumns, { ...goodAgreement, partnerCodes: '', formerNames: '', partnerGroupIds: 'hokkaido-city-mayors', signedOn: '2024-10-30', signedOnPrecision: '月' }),
      3,
      refs,
    );
    assert.ok(result.ok);
    assert.deepEqual(result.value.partnerGroupIds, ['hokkaido-city-mayors']);
    assert.equal(result.value.signedOn, '2024-10-01');
    assert.equal(result.value.signedOnPrecision, 'month');
  });

  test('every problem is reported with its row, Japanese column and reason', () => {
    const result = validateAgreementRow(
      recordOf(agreementColumns, {
        id: 'no-such-id',
        type: '存在しない協定',
        title: '',
        wardCodes: `${nayoro};131017`,
        partnerCodes: '12211',
        partnerGroupIds: 'nowhere',
        formerNames: '999999:旧村;風連町',
        signedOn: '2024/02/30',
        signedOnPrecision: '週',
        endedOn: '2020-01-01',
        sourceUrl: 'javascript:alert(1)',
      }),
      7,
      refs,
    );
    assert.ok(!result.ok);
    assert.ok(result.errors.every((e) => e.row === 7));
    const byColumn = (column: string) => result.errors.filter((e) => e.column === column).map((e) => e.message);
    assert.match(byColumn('ID')[0]!, /このIDの記録はありません/);
    assert.match(byColumn('協定種別')[0]!, /という協定種別はありません/);
    assert.match(byColumn('協定名')[0]!, /入力してください/);
    assert.match(byColumn('特別区コード').join(), /012211」は特別区のコードではありません/);
    assert.match(byColumn('特別区コード').join(), /131017」は全国地方公共団体コードとして正しくありません/);
    assert.match(byColumn('連携先コード')[0]!, /先頭の0が落ちていないか/);
    assert.match(byColumn('連携先団体ID')[0]!, /nowhere/);
    assert.equal(byColumn('締結時の名称').length, 2);
    assert.match(byColumn('締結日')[0]!, /日付として読めません/);
    assert.match(byColumn('締結日の精度')[0]!, /「日」「月」「年」/);
    assert.match(byColumn('出典URL')[0]!, /https:\/\//);
  });

  test('an agreement needs a ward and a partner, and cannot end before it is signed', () => {
    const result = validateAgreementRow(recordOf(agreementColumns, { ...goodAgreement, wardCodes: '', partnerCodes: '', formerNames: '', endedOn: '2000-01-01' }), 2, refs);
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((e) => e.column).sort(), ['特別区コード', '終了日', '連携先コード'].sort());
  });
});

describe('validateProjectRow', () => {
  test('a good row becomes a ProjectInput (令和 年度, labels, lists with 、)', () => {
    const result = validateProjectRow(recordOf(projectColumns, goodProject), 2, refs);
    assert.deepEqual(result, {
      ok: true,
      value: {
        fiscalYear: 2024,
        title: '特産品販売会',
        summary: '各地の特産品を販売',
        field: 1,
        organiserKind: 'wards',
        wardCodes: [chiyoda, chuo],
        partnerCodes: [nayoro, hokkaido],
        startsOn: '2024-10-30',
        endsOn: '2024-11-03',
        format: 'hybrid',
        status: '実施',
        newsUrl: null,
        sourceUrl: null,
        notes: '',
      },
    });
  });

  test('23区共同 has no organising ward; an empty format is 対面; the field may be named', () => {
    const result = validateProjectRow(recordOf(projectColumns, { ...goodProject, organiserKind: '23区共同', wardCodes: '', format: '', field: '観光振興', fiscalYear: '2023' }), 2, refs);
    assert.ok(result.ok);
    assert.equal(result.value.organiserKind, 'joint');
    assert.deepEqual(result.value.wardCodes, []);
    assert.equal(result.value.format, 'offline');
    assert.equal(result.value.field, 2);
    assert.equal(result.value.fiscalYear, 2023);
  });

  test('every problem is reported', () => {
    const result = validateProjectRow(
      recordOf(projectColumns, { fiscalYear: '昭和64年度', title: '', field: '7', organiserKind: '23区共同', wardCodes: chiyoda, startsOn: '2024-10-30', endsOn: '2024-10-01', format: '郵送', status: '完了', newsUrl: 'ftp://x' }),
      4,
      refs,
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.column),
      ['年度', '事業名', '分野番号', '主催区コード', '終了日', '実施形態', '状況', '記事URL'],
    );
  });

  test('各区 needs at least one organising ward', () => {
    const result = validateProjectRow(recordOf(projectColumns, { ...goodProject, wardCodes: '' }), 2, refs);
    assert.ok(!result.ok);
    assert.equal(result.errors[0]!.column, '主催区コード');
  });
});

describe('validateTable', () => {
  const headers = projectColumns.map((c) => c.header);
  const cellsOf = (values: Record<string, string>) => projectColumns.map((c) => values[c.key] ?? '');

  test('good rows come back with row numbers and counts; blank rows are skipped', () => {
    const result = validateTable('projects', {
      headers: ['\uFEFFID', ...headers.slice(1)],
      records: [
        { row: 2, cells: cellsOf(goodProject) },
        { row: 3, cells: cellsOf({}) },
        { row: 4, cells: cellsOf({ ...goodProject, id: existingId }) },
      ],
    }, refs);
    assert.deepEqual(result.errors, []);
    assert.equal(result.totalRows, 2);
    assert.equal(result.creates, 1);
    assert.equal(result.updates, 1);
    assert.deepEqual(result.rows.map((r) => [r.row, r.id]), [
      [2, null],
      [4, existingId],
    ]);
  });

  test('one bad row among good ones: no rows are returned, only the errors', () => {
    const result = validateTable('projects', {
      headers,
      records: [
        { row: 2, cells: cellsOf(goodProject) },
        { row: 3, cells: cellsOf({ ...goodProject, status: '不明' }) },
        { row: 4, cells: cellsOf(goodProject) },
      ],
    }, refs);
    assert.deepEqual(result.rows, []);
    assert.deepEqual(result.errors.map((e) => [e.row, e.column]), [[3, '状況']]);
  });

  test('the same id twice, and cells beyond the header, are errors', () => {
    const result = validateTable('projects', {
      headers,
      records: [
        { row: 2, cells: cellsOf({ ...goodProject, id: existingId }) },
        { row: 3, cells: [...cellsOf({ ...goodProject, id: existingId }), 'はみ出し'] },
      ],
    }, refs);
    assert.deepEqual(result.errors.map((e) => [e.row, e.column]), [
      [3, '19列目以降'],
      [3, 'ID'],
    ]);
    assert.match(result.errors[1]!.message, /2行目/);
  });

  test('a header problem or an empty file stops before the rows', () => {
    const empty = validateTable('projects', { headers, records: [] }, refs).errors;
    assert.equal(empty.length, 1);
    assert.match(empty[0]!.message, /データの行がありません/);
    const wrong = validateTable('agreements', { headers, records: [{ row: 2, cells: cellsOf(goodProject) }] }, refs);
    assert.ok(wrong.errors.length > 0 && wrong.errors.every((e) => e.row === 1));
    assert.equal(wrong.totalRows, 1);
  });
});
