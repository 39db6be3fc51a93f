// The zip checks made before exceljs sees an uploaded XLSX, on real exports altered byte by byte.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { projectColumns } from '../projects/exchange.ts';
import { toXlsx } from '../../../views/tabular.ts';
import { readZipDirectory, verifyZipEntries, xlsxLimits } from './xlsx-zip.ts';

let xlsx: Buffer;
let eocd: number;
const sheetName = 'xl/worksheets/sheet1.xml';

/** Offset of the central directory header of `name`. */
function centralHeaderOf(zip: Buffer, name: string): number {
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = zip.readUInt16LE(eocd + 10); i > 0; i--) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) return at;
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`no ${name}`);
}

function altered(change: (copy: Buffer) => void): Buffer {
  const copy = Buffer.from(xlsx);
  change(copy);
  return copy;
}

before(async () => {
  const rows = Array.from({ length: 200 }, (_, i) => ({ fiscalYear: 2024, title: `サンプル ${i}`, wardCodes: '131016' }));
  xlsx = await toXlsx('連携事業', projectColumns, rows);
  eocd = xlsx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
});

test('an export: every entry read, sizes that hold, the sheet seen by inspect', () => {
  const reading = readZipDirectory(xlsx);
  assert.ok(reading.ok);
  assert.ok(reading.entries.some((e) => e.name === sheetName));
  const seen: string[] = [];
  assert.equal(verifyZipEntries(xlsx, reading.entries, (e, content) => e.name === sheetName && seen.push(content.toString('utf8'))), null);
  assert.match(seen[0] ?? '', /サンプル 199|<sheetData>/);
});

test('declared sizes over the limits are refused before anything is inflated', () => {
  const sheet = centralHeaderOf(xlsx, sheetName);
  const big = altered((z) => z.writeUInt32LE(xlsxLimits.maxUncompressedBytes + 1, sheet + 24));
  assert.deepEqual(readZipDirectory(big), { ok: false, problem: 'too-large' });
  const dense = altered((z) => z.writeUInt32LE(xlsxLimits.maxRatio * z.readUInt32LE(sheet + 20) + xlsxLimits.ratioFloorBytes, sheet + 24));
  assert.deepEqual(readZipDirectory(dense), { ok: false, problem: 'ratio' });
  const many = altered((z) => {
    z.writeUInt16LE(xlsxLimits.maxEntries + 1, eocd + 8);
    z.writeUInt16LE(xlsxLimits.maxEntries + 1, eocd + 10);
  });
  assert.deepEqual(readZipDirectory(many), { ok: false, problem: 'too-many-entries' });
  assert.deepEqual(readZipDirectory(xlsx, { ...xlsxLimits, maxUncompressedBytes: 1000 }), { ok: false, problem: 'too-large' });
});

test('a directory that declares less than an entry holds is caught when inflating', () => {
  const sheet = centralHeaderOf(xlsx, sheetName);
  const lying = altered((z) => z.writeUInt32LE(100, sheet + 24));
  const reading = readZipDirectory(lying);
  assert.ok(reading.ok, 'the directory alone looks fine');
  assert.equal(verifyZipEntries(lying, reading.entries), 'broken');
});

test('what is not a zip exceljs could read the same way is broken', () => {
  const sheet = centralHeaderOf(xlsx, sheetName);
  const cases: Array<[string, Buffer]> = [
    ['empty', Buffer.alloc(0)],
    ['only a local header', xlsx.subarray(0, 100)],
    ['cut before its end record', xlsx.subarray(0, eocd)],
    ['a gap before the end record', Buffer.concat([xlsx.subarray(0, eocd), Buffer.alloc(8), xlsx.subarray(eocd)])],
    ['directory offset out of place', altered((z) => z.writeUInt32LE(z.readUInt32LE(eocd + 16) + 1, eocd + 16))],
    ['ZIP64 marker', altered((z) => z.writeUInt32LE(0xffffffff, sheet + 24))],
    ['encrypted', altered((z) => z.writeUInt16LE(z.readUInt16LE(sheet + 8) | 1, sheet + 8))],
    ['bzip2', altered((z) => z.writeUInt16LE(12, sheet + 10))],
    ['local header offset wrong', altered((z) => z.writeUInt32LE(z.readUInt32LE(sheet + 42) + 1, sheet + 42))],
    ['split archive', altered((z) => z.writeUInt16LE(1, eocd + 4))],
  ];
  for (const [what, bytes] of cases) assert.deepEqual(readZipDirectory(bytes), { ok: false, problem: 'broken' }, what);
});
