// The small shapes every registry record is read with: a date known to the day, month or year, a
// ward, a party (municipality, prefecture or wide-area group), and what every record carries about
// its origin. The records themselves are shaped in their subjects' record.ts files.
import type { DatePrecision, GovernmentKind, Provenance } from '../../../db/schema.ts';

/** A date known to the day, month or year (stored as the first day of the period); date null = unknown. */
export interface PartialDate {
  date: string | null;
  precision: DatePrecision;
}

export interface WardRef {
  code: string;
  name: string;
}

/** A partner of a record other than the wards. */
export interface Party {
  kind: 'municipality' | 'prefecture' | 'group';
  /** The local government code, or the group's id. */
  key: string;
  name: string;
  /** The name when the record was made, when the partner has since merged (旧風連町); '' otherwise. */
  formerName: string;
  /** Two digits; a group's prefecture for a group. */
  prefectureCode: string;
}

/** Where a record came from and what it says about itself. */
export interface RecordOrigin {
  sourceUrl: string | null;
  notes: string;
  provenance: Provenance;
}

/** A row of the master data of local governments, as the registry reads it. */
export interface Government {
  code: string;
  name: string;
  kana: string;
  /** Position in 五十音 order, computed once by the seed (Intl.Collator('ja')). */
  kanaRank: number;
  prefectureCode: string;
  level: 'prefecture' | 'municipality';
  kind: GovernmentKind;
  isCounted: boolean;
  validFrom: string | null;
  validTo: string | null;
}

/** Code-point order: the same on every engine and machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO dates ascending, unknown last. */
export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

/** North to south by code; a group sits with its prefecture, after the prefecture's municipalities. */
export function partyOrder(a: Party, b: Party): number {
  const key = (p: Party) => (p.kind === 'group' ? `${p.prefectureCode}9999${p.key}` : p.key);
  return compareText(key(a), key(b));
}

/** ISO dates joined with ';' in a column → the list (anything that is not a date is dropped). */
export function splitDates(s: string): string[] {
  return s
    .split(';')
    .map((d) => d.trim())
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Text to find keywords in: NFKC and lower case, parts on separate lines so that a keyword (which
 * has no spaces) never matches across two of them. */
export function searchTextOf(parts: ReadonlyArray<string>): string {
  return parts.join('\n').normalize('NFKC').toLowerCase();
}
