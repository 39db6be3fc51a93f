// 年度 (the Japanese fiscal year): April to March, named by the calendar year it starts in,
// with the day decided in Japan time.
import { eraOf, toJstParts, type DateInput, type Era, type EraYear } from './japanese-date.ts';

export interface FiscalYearRange {
  /** ISO date 'YYYY-04-01'. */
  start: string;
  /** ISO date 'YYYY+1-03-31'. */
  end: string;
}

/**
 * First Gregorian year of each era, and the last fiscal year that still starts (1 April) in it.
 * 平成31年度 is a real name for FY2019 because 1 April 2019 was still 平成; 昭和64年度 is not,
 * because 昭和 ended on 7 January 1989.
 */
const ERA_FISCAL_SPANS: Record<Era, { first: number; last: number }> = {
  明治: { first: 1868, last: 1912 },
  大正: { first: 1912, last: 1926 },
  昭和: { first: 1926, last: 1988 },
  平成: { first: 1989, last: 2019 },
  令和: { first: 2019, last: Infinity },
};

/** Earliest fiscal year we can name: 明治 is the first supported era. */
const MIN_FISCAL_YEAR = 1868;
const MAX_FISCAL_YEAR = 9998;

function assertFiscalYear(fy: number): void {
  if (!Number.isInteger(fy) || fy < MIN_FISCAL_YEAR || fy > MAX_FISCAL_YEAR) {
    throw new RangeError(`expected a fiscal year ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}, got ${fy}`);
  }
}

/** January–March belong to the previous 年度. */
export function fiscalYearOf(d: DateInput): number {
  const { year, month } = toJstParts(d);
  return month >= 4 ? year : year - 1;
}

export function fiscalYearRange(fy: number): FiscalYearRange {
  assertFiscalYear(fy);
  return { start: `${String(fy).padStart(4, '0')}-04-01`, end: `${String(fy + 1).padStart(4, '0')}-03-31` };
}

/**
 * The era name of a 年度, taken on 31 December of its start year: that is the usage of 官公庁,
 * so FY2019 is 令和元年度 (not 平成31年度) and FY1988 is 昭和63年度.
 */
export function fiscalYearEra(fy: number): EraYear {
  assertFiscalYear(fy);
  return eraOf(`${fy}-12-31`);
}

// The era comes from ICU (Intl.DateTimeFormat#formatToParts), which costs far more than the
// string; there are only a few dozen 年度 in use, so each label is made once.
const fiscalYearLabels = new Map<number, string>();

/** '2019年度(令和元年度)'. */
export function formatFiscalYear(fy: number): string {
  let label = fiscalYearLabels.get(fy);
  if (label === undefined) {
    const { era, year } = fiscalYearEra(fy);
    label = `${fy}年度(${era}${year === 1 ? '元' : year}年度)`;
    fiscalYearLabels.set(fy, label);
  }
  return label;
}

/** 'FY2024 (April 2024 – March 2025)', with an en dash. */
export function formatFiscalYearEnglish(fy: number): string {
  assertFiscalYear(fy);
  return `FY${fy} (April ${fy} – March ${fy + 1})`;
}

const WESTERN = /^(?:fy)?(\d{4})(?:年度)?$/;
const JAPANESE = /^(明治|大正|昭和|平成|令和)(元|\d{1,2})年度$/;
const BOTH = /^(\d{4})年度\((明治|大正|昭和|平成|令和)(元|\d{1,2})年度\)$/;

function fromEra(era: Era, yearText: string): number | null {
  const n = yearText === '元' ? 1 : Number(yearText);
  const span = ERA_FISCAL_SPANS[era];
  const fy = span.first + n - 1;
  return n >= 1 && fy <= span.last ? fy : null;
}

function inRange(fy: number): number | null {
  return fy >= MIN_FISCAL_YEAR && fy <= MAX_FISCAL_YEAR ? fy : null;
}

/**
 * Reads a 年度 as people type it: '2019', '2019年度', 'FY2019', '令和元年度', '平成31年度', the
 * output of formatFiscalYear, and full-width forms (NFKC). Returns null for anything else, including
 * era years that name no real 年度 such as 昭和64年度.
 */
export function parseFiscalYearLabel(s: string): number | null {
  const text = s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
  const western = WESTERN.exec(text);
  if (western) return inRange(Number(western[1]));
  const japanese = JAPANESE.exec(text);
  if (japanese) {
    const fy = fromEra(japanese[1] as Era, japanese[2]!);
    return fy === null ? null : inRange(fy);
  }
  const both = BOTH.exec(text);
  if (both) {
    const fy = Number(both[1]);
    return fromEra(both[2] as Era, both[3]!) === fy ? inRange(fy) : null;
  }
  return null;
}
