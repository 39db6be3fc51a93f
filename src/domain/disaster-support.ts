// The ledger of support the 23 wards gave together to municipalities hit by disasters: money
// (復興支援金, 見舞金, 義援金) adds up, but staff figures do not. A staff figure is cumulative as of a
// date (「職員派遣：累計7,174人 ※令和3年10月1日現在」), so a newer figure for the same disaster replaces
// the older one; adding two snapshots would count the same people twice.

export type SupportKind = 'recovery_fund' | 'sympathy_money' | 'donation' | 'staff' | 'goods';

export const supportKinds: readonly SupportKind[] = ['recovery_fund', 'sympathy_money', 'donation', 'staff', 'goods'];

/** The words the pamphlet uses, and their English. */
export const supportKindLabels: Readonly<Record<SupportKind, { ja: string; en: string }>> = {
  recovery_fund: { ja: '復興支援金', en: 'Recovery support fund' },
  sympathy_money: { ja: '見舞金', en: 'Sympathy money' },
  donation: { ja: '義援金', en: 'Donations' },
  staff: { ja: '職員派遣', en: 'Staff dispatched' },
  goods: { ja: '物資', en: 'Relief goods' },
};

export interface SupportLine {
  disasterId: string;
  kind: SupportKind;
  /** Yen, for the money kinds; null when the amount is not recorded. */
  amountYen: number | null;
  /** People, for kind staff: cumulative as of asOf. Null when the source gives no number. */
  staffCount: number | null;
  /** ISO date of the staff figure. */
  asOf: string | null;
}

export interface StaffFigure {
  count: number;
  /** Null when the source gives no date (only used when no dated figure exists). */
  asOf: string | null;
  /**
   * How many figures of a later date were set aside because they are smaller: a running total
   * never falls, so a smaller later number is not a running total (e.g. the staff on long-term
   * dispatch in one year) or is a correction to check. 0 for a consistent series.
   */
  setAside: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Yen and people are whole numbers; a fraction or a negative is a data-entry error, not a value. */
function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/**
 * The figure to show for one disaster: the latest running total. Staff figures are cumulative as of
 * their date, so they are never added together; the newest one replaces the older ones.
 *
 * - Figures without a number are ignored; undated figures count only when there is no dated one.
 * - Two figures of the same date give the larger, so the result never depends on row order.
 * - A running total never falls: when a later figure is smaller than an earlier one, it cannot be
 *   the running total, and the largest figure (the latest of those that are largest) is used; the
 *   later, smaller figures are counted in `setAside` so that the page can say so. For a consistent
 *   series this is simply the figure with the latest date.
 */
export function latestStaffFigure(snapshots: ReadonlyArray<{ staffCount: number | null; asOf: string | null }>): StaffFigure | null {
  const figures: Array<{ count: number; asOf: string | null }> = [];
  for (const s of snapshots) {
    if (s.staffCount === null) continue;
    assertCount(s.staffCount, 'staffCount');
    if (s.asOf !== null && !ISO_DATE.test(s.asOf)) throw new RangeError(`asOf must be an ISO date, got ${JSON.stringify(s.asOf)}`);
    figures.push({ count: s.staffCount, asOf: s.asOf });
  }
  const dated = figures.filter((f) => f.asOf !== null);
  const pool = dated.length > 0 ? dated : figures;
  let best: { count: number; asOf: string | null } | null = null;
  for (const f of pool) {
    // Zero-padded ISO dates compare correctly as strings.
    if (best === null || f.count > best.count || (f.count === best.count && (f.asOf ?? '') > (best.asOf ?? ''))) best = f;
  }
  if (best === null) return null;
  const chosen = best;
  const setAside = chosen.asOf === null ? 0 : pool.filter((f) => f.asOf !== null && f.asOf > chosen.asOf!).length;
  return { count: chosen.count, asOf: chosen.asOf, setAside };
}

export interface SupportSummary {
  recoveryFundYen: number;
  sympathyMoneyYen: number;
  donationYen: number;
  /** The latest cumulative figure of each disaster that has one, in order of first appearance. */
  staffByDisaster: Map<string, StaffFigure>;
  /** Sum over disasters of their latest figures. */
  staffTotal: number;
  /** The earliest and latest as-of dates among the figures summed (null when none is dated). */
  staffAsOfRange: { from: string; to: string } | null;
}

/** Money totals by kind and staff dispatched, from every support line of the ledger. */
export function summariseSupport(lines: readonly SupportLine[]): SupportSummary {
  let recoveryFundYen = 0;
  let sympathyMoneyYen = 0;
  let donationYen = 0;
  const staffLines = new Map<string, SupportLine[]>();
  for (const line of lines) {
    if (line.kind === 'staff') {
      let list = staffLines.get(line.disasterId);
      if (!list) staffLines.set(line.disasterId, (list = []));
      list.push(line);
      continue;
    }
    if (line.amountYen === null) continue;
    assertCount(line.amountYen, 'amountYen');
    if (line.kind === 'recovery_fund') recoveryFundYen += line.amountYen;
    else if (line.kind === 'sympathy_money') sympathyMoneyYen += line.amountYen;
    else if (line.kind === 'donation') donationYen += line.amountYen;
  }
  const staffByDisaster = new Map<string, StaffFigure>();
  let staffTotal = 0;
  const dates: string[] = [];
  for (const [disasterId, list] of staffLines) {
    const figure = latestStaffFigure(list);
    if (!figure) continue;
    staffByDisaster.set(disasterId, figure);
    staffTotal += figure.count;
    if (figure.asOf) dates.push(figure.asOf);
  }
  dates.sort();
  const staffAsOfRange = dates.length > 0 ? { from: dates[0]!, to: dates[dates.length - 1]! } : null;
  for (const n of [recoveryFundYen, sympathyMoneyYen, donationYen, staffTotal]) {
    if (!Number.isSafeInteger(n)) throw new RangeError('total exceeds the safe integer range');
  }
  return { recoveryFundYen, sympathyMoneyYen, donationYen, staffByDisaster, staffTotal, staffAsOfRange };
}

const group3 = new Intl.NumberFormat('ja-JP');

const JAPANESE_UNITS: ReadonlyArray<readonly [bigint, string]> = [
  [10n ** 16n, '京'],
  [10n ** 12n, '兆'],
  [10n ** 8n, '億'],
  [10n ** 4n, '万'],
];

/**
 * Yen as the pamphlet writes it: 万・億・兆 units, each part with a thousands comma, zero parts left
 * out — 1000000000 → 「10億円」, 113000000 → 「1億1,300万円」, 55000000 → 「5,500万円」,
 * 12345 → 「1万2,345円」, 0 → 「0円」.
 */
export function formatYen(yen: number): string {
  assertCount(yen, 'yen');
  if (yen === 0) return '0円';
  let rest = BigInt(yen);
  let text = '';
  for (const [unit, name] of JAPANESE_UNITS) {
    const part = rest / unit;
    if (part > 0n) text += `${group3.format(part)}${name}`;
    rest %= unit;
  }
  if (rest > 0n) text += group3.format(rest);
  return `${text}円`;
}

const englishNumber = new Intl.NumberFormat('en-GB');

/** '¥113,000,000' for the English pages. */
export function formatYenEnglish(yen: number): string {
  assertCount(yen, 'yen');
  return `¥${englishNumber.format(yen)}`;
}
