// The bounds of the parse itself, in this thread (the worker around it is tested through the app).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maxImportColumns, mergedCellCount, parseCsvText } from './parse.ts';

test('merged ranges are counted by the cells they cover, as exceljs expands them', () => {
  const xml = '<mergeCells count="3"><mergeCell ref="B2:C5"/><mergeCell ref="D1"/><mergeCell ref="$A$1:$XFD$1048576"/></mergeCells>';
  assert.equal(mergedCellCount(xml), 8 + 16_384 * 1_048_576);
  assert.equal(mergedCellCount('<sheetData/>'), 0);
});

test('a CSV value right of the last allowed column is a file-level error; empty cells there are dropped', () => {
  const header = Array.from({ length: 3 }, (_, i) => `h${i}`).join(',');
  const far = parseCsvText(`${header}\r\na,b,c${','.repeat(maxImportColumns - 3)},x\r\n`);
  assert.deepEqual(far, {
    ok: false,
    status: 200,
    format: 'csv',
    errors: [{ row: 2, column: `${maxImportColumns + 1}列目`, message: '64列目より右に値があります。取り込めるのは64列目までです。不要な列を削除してください。' }],
  });
  const trailing = parseCsvText(`${header}\r\na,b,c${','.repeat(200)}\r\n`);
  assert.ok(trailing.ok);
  assert.equal(trailing.table.records[0]!.cells.length, maxImportColumns);
  assert.deepEqual(trailing.table.records[0]!.cells.slice(0, 3), ['a', 'b', 'c']);
});
