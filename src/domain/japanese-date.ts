// Dates as people in Japan read them. Everything is computed in Asia/Tokyo, never in the
// machine's time zone, so a server running in UTC shows the same day a resident would.

/** A Date, an ISO calendar date 'YYYY-MM-DD' (that day in Japan), or a full ISO timestamp. */
export type DateInput = Date | string;

export type Era = '明治' | '大正' | '昭和' | '平成' | '令和';

export interface JstParts {
  year: number;
  month: number;
  day: number;
}

export interface EraYear {
  era: Era;
  year: number;
}

const TIME_ZONE = 'Asia/Tokyo';
const ERAS: readonly Era[] = ['明治', '大正', '昭和', '平成', '令和'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An offset is required: a bare local time would be read in the machine's zone.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

// Formatters are costly to build; one of each per process. The Gregorian calendar and h23 are
// explicit so the output does not depend on ICU locale defaults.
const jstFieldsFormat = new Intl.DateTimeFormat('en-US-u-ca-gregory', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});
const eraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});

/**
 * Converts input to an instant. A bare 'YYYY-MM-DD' means midnight of that day in Japan, not UTC,
 * so it never slips to the previous day. Throws RangeError on anything unparseable or impossible.
 */
export function toInstant(d: DateInput): Date {
  if (d instanceof Date) {
    if (Number.isNaN(d.getTime())) throw new RangeError('invalid Date');
    return d;
  }
  const dateOnly = ISO_DATE.exec(d);
  if (dateOnly) {
    const [, y, m, day] = dateOnly;
    const instant = new Date(`${y}-${m}-${day}T00:00:00+09:00`);
    // Reject dates like 2024-02-30 that Date would otherwise roll over or refuse.
    if (Number.isNaN(instant.getTime()) || formatIsoDateOf(jstFields(instant)) !== d) {
      throw new RangeError(`invalid calendar date: ${JSON.stringify(d)}`);
    }
    return instant;
  }
  if (ISO_TIMESTAMP.test(d)) {
    const instant = new Date(d);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  throw new RangeError(`expected an ISO date or timestamp, got ${JSON.stringify(d)}`);
}

interface JstFields extends JstParts {
  hour: number;
  minute: number;
}

function jstFields(instant: Date): JstFields {
  const fields: Record<string, number> = {};
  for (const part of jstFieldsFormat.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields['year'] ?? NaN,
    month: fields['month'] ?? NaN,
    day: fields['day'] ?? NaN,
    hour: fields['hour'] ?? NaN,
    minute: fields['minute'] ?? NaN,
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatIsoDateOf(p: JstParts): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Calendar year, month (1–12) and day as seen in Japan. */
export function toJstParts(d: DateInput): JstParts {
  if (typeof d === 'string') {
    const known = partsByText.get(d);
    if (known) return { ...known };
  }
  const { year, month, day } = jstFields(toInstant(d));
  if (typeof d === 'string') remember(partsByText, d, { year, month, day });
  return { year, month, day };
}

// Dates arrive as text ('2024-10-30' or an ISO timestamp) and the same few thousand are formatted
// again on every page: each costs two or three Intl calls (about a tenth of an uncached
// municipality page's time went there). A date's text always gives the same result, so results
// are kept by the text, a bounded number of them.
const MAX_REMEMBERED_DATES = 20_000;
const partsByText = new Map<string, JstParts>();
const japaneseDateByText = new Map<string, string>();

function remember<T>(map: Map<string, T>, text: string, value: T): void {
  if (map.size >= MAX_REMEMBERED_DATES) map.clear();
  map.set(text, value);
}

/** The Japanese era and era year in force on that day in Japan. Throws RangeError before 明治. */
export function eraOf(d: DateInput): EraYear {
  let era: string | undefined;
  let yearText: string | undefined;
  for (const part of eraFormat.formatToParts(toInstant(d))) {
    if (part.type === 'era') era = part.value;
    else if (part.type === 'year') yearText = part.value;
  }
  if (era === undefined || !(ERAS as readonly string[]).includes(era) || yearText === undefined) {
    throw new RangeError(`date is before 明治 or not representable: ${String(d)}`);
  }
  // ICU prints the first year of an era as 元 (gannen).
  const year = yearText === '元' ? 1 : Number(yearText);
  if (!Number.isInteger(year) || year < 1) {
    throw new RangeError(`unexpected era year ${JSON.stringify(yearText)}`);
  }
  return { era: era as Era, year };
}

/** '令和元年' for the first year of an era, '令和6年' otherwise. */
export function eraYearLabel(era: Era, year: number): string {
  return `${era}${year === 1 ? '元' : year}年`;
}

/** '2024年(令和6年)10月30日'. */
export function formatJapaneseDate(d: DateInput): string {
  if (typeof d !== 'string') return japaneseDateOf(toInstant(d));
  const known = japaneseDateByText.get(d);
  if (known !== undefined) return known;
  const text = japaneseDateOf(toInstant(d));
  remember(japaneseDateByText, d, text);
  return text;
}

function japaneseDateOf(instant: Date): string {
  const { year, month, day } = jstFields(instant);
  const e = eraOf(instant);
  return `${year}年(${eraYearLabel(e.era, e.year)})${month}月${day}日`;
}

/** '2024年(令和6年)10月30日 14:05', 24-hour clock, Japan time. */
export function formatJapaneseDateTime(d: DateInput): string {
  const instant = toInstant(d);
  const { hour, minute } = jstFields(instant);
  return `${formatJapaneseDate(instant)} ${pad(hour)}:${pad(minute)}`;
}

/** 'YYYY-MM-DD' of the day in Japan. */
export function formatIsoDate(d: DateInput): string {
  return formatIsoDateOf(toJstParts(d));
}

/** '30 October 2024', for the English UI; written out by hand so it does not vary with ICU data. */
export function formatEnglishDate(d: DateInput): string {
  const { year, month, day } = toJstParts(d);
  return `${day} ${MONTHS_EN[month - 1]} ${year}`;
}
