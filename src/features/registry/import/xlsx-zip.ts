// An uploaded XLSX is a zip. Before exceljs sees one, this module reads the zip's own table of
// contents (the central directory at its end) and refuses what would cost too much to unpack: too
// many entries, too many bytes once uncompressed, or a compression ratio no spreadsheet has (a
// "zip bomb"). Then it inflates every entry once with the output capped at the size the directory
// declares, so that a directory that lies about the sizes is caught too. exceljs (through JSZip)
// finds the entries through this same central directory, so it reads exactly what was checked here:
// the reader below insists that the directory ends where the EOCD record begins, because JSZip
// shifts every offset by any gap there (for self-extracting archives) and would then read other
// bytes than the ones checked.
//
// Zip layout (PKWARE APPNOTE 6.3.x, little-endian), only what is used here:
//
//   [local file header + data] … [central directory file header] … [end of central directory]
//
//   End of central directory record (EOCD), 22 bytes + a comment of up to 65,535 bytes:
//     0 signature 0x06054b50 · 4 this disk · 6 disk of the directory · 8 entries on this disk
//     10 entries in all · 12 directory size · 16 directory offset · 20 comment length
//   Central directory file header, 46 bytes + name + extra + comment:
//     0 signature 0x02014b50 · 4 made by · 6 needed · 8 flags · 10 method · 12 time · 14 date
//     16 CRC-32 · 20 compressed size · 24 uncompressed size · 28 name length · 30 extra length
//     32 comment length · 34 disk · 36 internal attributes · 38 external attributes
//     42 offset of the local header
//   Local file header, 30 bytes + name + extra, then the data:
//     0 signature 0x04034b50 · 4 needed · 6 flags · 8 method · 10 time · 12 date · 14 CRC-32
//     18 compressed size · 22 uncompressed size · 26 name length · 28 extra length
//
// ZIP64 (sizes or counts of 0xFFFF/0xFFFFFFFF), split archives, encryption and methods other than
// stored (0) and deflate (8) are refused: no spreadsheet within the upload limit needs them.
import { inflateRawSync } from 'node:zlib';

export const xlsxLimits = Object.freeze({
  /** An exported XLSX has 16 entries; Excel's own files a few dozen, more with pictures. */
  maxEntries: 1_000,
  /**
   * The sum of the entries' uncompressed sizes. exceljs holds a whole workbook in memory, about ten
   * times its XML; the 50,000-row maximum (maxImportRows) as exported comes to about 40 MB.
   */
  maxUncompressedBytes: 50 * 1024 * 1024,
  /** Uncompressed ÷ compressed of one entry; spreadsheets stay far below (an export: up to ~25). */
  maxRatio: 200,
  /** Entries smaller than this are not held to the ratio (tiny parts compress oddly and cost nothing). */
  ratioFloorBytes: 1024 * 1024,
});

export interface ZipEntry {
  /** The name as stored, read as UTF-8 (part names of a workbook are ASCII). */
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's compressed data starts in the file (after its local header). */
  dataOffset: number;
}

export type ZipProblem =
  /** Not a zip we can read: no directory, a header out of bounds, ZIP64, encrypted, … */
  | 'broken'
  | 'too-many-entries'
  | 'too-large'
  | 'ratio';

export type ZipReading = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
/** Flag bit 0: encrypted. */
const FLAG_ENCRYPTED = 0x0001;

/**
 * Reads the central directory and applies the limits to what it declares. Cheap: it touches the
 * directory and each entry's local header, never the compressed data.
 */
export function readZipDirectory(bytes: Buffer, limits = xlsxLimits): ZipReading {
  const broken = { ok: false, problem: 'broken' } as const;
  // The EOCD is the last record; only its comment (up to 65,535 bytes) may follow it. The last
  // occurrence of its signature is taken, as JSZip does.
  let eocd = -1;
  for (let at = bytes.length - EOCD_SIZE; at >= 0 && at >= bytes.length - EOCD_SIZE - MAX_COMMENT; at--) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return broken;
  const thisDisk = bytes.readUInt16LE(eocd + 4);
  const directoryDisk = bytes.readUInt16LE(eocd + 6);
  const entriesOnDisk = bytes.readUInt16LE(eocd + 8);
  const entryCount = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (thisDisk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) return broken; // split archive
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return broken; // ZIP64
  // No gap between the directory and the EOCD (see the top of this file), no overlap either.
  if (directoryOffset + directorySize !== eocd) return broken;
  // Checked before reading a single header, so that the loop below is bounded by the limit.
  if (entryCount > limits.maxEntries) return { ok: false, problem: 'too-many-entries' };

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + CENTRAL_SIZE > directoryOffset + directorySize || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) return broken;
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > directoryOffset + directorySize) return broken;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) return broken; // ZIP64
    if (flags & FLAG_ENCRYPTED || (method !== 0 && method !== 8)) return broken;
    if (method === 0 && compressedSize !== uncompressedSize) return broken;
    const name = bytes.toString('utf8', at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    if (names.has(name)) return broken; // two entries of one name: which one a reader takes is anyone's guess
    names.add(name);

    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) return { ok: false, problem: 'too-large' };
    if (uncompressedSize >= limits.ratioFloorBytes && uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)) {
      return { ok: false, problem: 'ratio' };
    }

    // The data follows the entry's local header, whose name and extra lengths may differ from the
    // directory's (the extra field often does), so they are read there.
    if (localOffset + LOCAL_SIZE > directoryOffset || bytes.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) return broken;
    const dataOffset = localOffset + LOCAL_SIZE + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > directoryOffset) return broken;

    entries.push({
      name,
      method,
      compressedSize,
      uncompressedSize,
      dataOffset,
    });
    at = next;
  }
  return { ok: true, entries };
}

/**
 * Inflates each entry once with the output capped at its declared size: a deflate stream that
 * yields more (the directory lies), or that does not end within its compressed size, is 'broken'.
 * `inspect` sees each entry's checked content (for a look at the sheets before exceljs reads them).
 * Memory: one entry at a time, at most its declared size.
 */
export function verifyZipEntries(bytes: Buffer, entries: readonly ZipEntry[], inspect?: (entry: ZipEntry, content: Buffer) => void): ZipProblem | null {
  for (const e of entries) {
    const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let content: Buffer;
    if (e.method === 0) content = data; // stored: its size was checked against the compressed size
    else {
      try {
        // maxOutputLength 0 would mean "no limit"; an empty entry is inflated with a 1-byte cap.
        content = inflateRawSync(data, { maxOutputLength: Math.max(e.uncompressedSize, 1) });
      } catch {
        return 'broken';
      }
      if (content.length !== e.uncompressedSize) return 'broken';
    }
    inspect?.(e, content);
  }
  return null;
}
