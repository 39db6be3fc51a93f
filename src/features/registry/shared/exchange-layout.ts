// The column layout of the registry's CSV/XLSX files, shared by export (which writes it) and import
// (which reads it), so that export → import gives back the same records. One record per line;
// lists inside a cell are joined with LIST_SEPARATOR; dates are ISO (YYYY-MM-DD); codes are the
// 6-digit 全国地方公共団体コード and are written as text (a spreadsheet must not drop a leading 0).
//
// `id` empty on import = a new record; an existing id = replace that record. Columns marked
// `informational` are written for people (names, 年度 derived from a date) and ignored on import.

import type { TabularColumn } from '../../../views/tabular.ts';
import { formatLabels, organiserKindLabels, precisionLabels, type Wording } from './labels.tsx';

export const LIST_SEPARATOR = ';';

export interface ExchangeColumn extends TabularColumn {
  /** Written for people (names, a 年度 derived from a date) and ignored on import. */
  informational?: true;
}

/** Cell words of the coded values: the Japanese of the one wording (labels.tsx), so that a file
 * reads as Japanese and imports back. */
export const organiserKindWords = japaneseOf(organiserKindLabels);
export const formatWords = japaneseOf(formatLabels);
export const precisionWords = japaneseOf(precisionLabels);

function japaneseOf<K extends string>(labels: Readonly<Record<K, Wording>>): Readonly<Record<K, string>> {
  return Object.fromEntries(Object.entries<Wording>(labels).map(([k, w]) => [k, w.ja])) as Record<K, string>;
}

export function joinList(values: readonly string[]): string {
  return values.join(LIST_SEPARATOR);
}

/** Splits a list cell; accepts the full-width ；, 、 and , too, because people type them. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[;；、,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
