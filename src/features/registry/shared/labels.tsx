// The one wording of the registry: dates known to the day, month or year, 年度, every coded value
// (status, field, format, organiser, category, group kind, plan status, provenance) and which stored
// addresses become links. Public pages, back office, CSV/XLSX and the API all read it from here, so
// a value is worded the same everywhere. Coded values are tables of { ja, en }: a page picks its
// language, an export writes the Japanese.
import type {
  AgreementCategory,
  DatePrecision,
  GroupKind,
  OrganiserKind,
  PlanProgressStatus,
  ProjectFormat,
  ProjectStatus,
  Provenance,
} from '../../../db/schema.ts';
import { fiscalYearEra, formatFiscalYear } from '../../../domain/fiscal-year.ts';
import { eraOf, eraYearLabel, formatEnglishDate, formatJapaneseDate } from '../../../domain/japanese-date.ts';
import { prefectureNamesEn } from '../../../domain/regions.ts';
import type { PageContext } from '../../../views/context.ts';
import type { Government, PartialDate, Party } from '../model/shapes.ts';
import { projectFieldByNumber } from '../projects/fields.ts';

export interface Wording {
  ja: string;
  en: string;
}

export function say(ctx: PageContext, wording: Wording): string {
  return ctx.tFormat(wording.ja, wording.en);
}

// ─── Dates ──────────────────────────────────────────────────────────────────────────────────────

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The era years a period spans: 「令和2年」, or 「平成31年・令和元年」 for 2019 as a whole. */
function eraYearsOf(firstDay: string, lastDay: string): string {
  const a = eraOf(firstDay);
  const b = eraOf(lastDay);
  const first = eraYearLabel(a.era, a.year);
  const last = eraYearLabel(b.era, b.year);
  return first === last ? first : `${first}・${last}`;
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function partialDateText(lang: 'ja' | 'en', iso: string, precision: DatePrecision): string {
  if (precision === 'day') return lang === 'en' ? formatEnglishDate(iso) : formatJapaneseDate(iso);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  if (!Number.isInteger(year) || !(month >= 1 && month <= 12)) throw new RangeError(iso);
  if (precision === 'month') {
    return lang === 'en' ? `${MONTHS_EN[month - 1]} ${year}` : `${year}年(${eraYearsOf(`${iso.slice(0, 7)}-01`, lastDayOfMonth(year, month))})${month}月`;
  }
  return lang === 'en' ? String(year) : `${year}年(${eraYearsOf(`${year}-01-01`, `${year}-12-31`)})`;
}

// Formatting a date asks ICU for the era and the day in Japan (formatToParts), which a list of
// thousands of rows would repeat per row; the few thousand distinct dates are remembered instead.
const dateTexts = new Map<string, string>();
const MAX_REMEMBERED_DATES = 20_000;

/**
 * A date with its precision (stored as the first day of its month or year): 「2016年(平成28年)4月26日」,
 * 「2020年(令和2年)2月」, 「2019年(平成31年・令和元年)」; 「不明」 when unknown. A stored value that is
 * not a real calendar date is shown as stored, never a 500.
 */
export function formatPartialDate(ctx: PageContext, date: string | null, precision: DatePrecision = 'day'): string {
  if (!date) return ctx.t('不明', 'Unknown');
  const key = `${ctx.lang}${precision}${date}`;
  let text = dateTexts.get(key);
  if (text === undefined) {
    try {
      text = partialDateText(ctx.lang, date, precision);
    } catch {
      text = date;
    }
    if (dateTexts.size >= MAX_REMEMBERED_DATES) dateTexts.clear();
    dateTexts.set(key, text);
  }
  return text;
}

export function formatDateOf(ctx: PageContext, d: PartialDate): string {
  return formatPartialDate(ctx, d.date, d.precision);
}

/** 「2024年(令和6年)10月30日〜11月2日」 style, both ends in full; '' when neither is known. */
export function periodLabel(ctx: PageContext, startsOn: string | null, endsOn: string | null): string {
  if (startsOn && endsOn && startsOn !== endsOn) return `${formatPartialDate(ctx, startsOn)}${ctx.t('〜', ' – ')}${formatPartialDate(ctx, endsOn)}`;
  if (startsOn) return formatPartialDate(ctx, startsOn);
  if (endsOn) return ctx.tFormat(`〜${formatPartialDate(ctx, endsOn)}`, `until ${formatPartialDate(ctx, endsOn)}`);
  return '';
}

/** 「2024年度(令和6年度)」, or 'FY2024'; 「不明」 when unknown. */
export function fiscalYearLabel(ctx: PageContext, fy: number | null): string {
  if (fy === null) return ctx.t('不明', 'Unknown');
  return ctx.lang === 'en' ? `FY${fy}` : formatFiscalYear(fy);
}

/** 「令和元年度」: the era form alone, as the plan's period is printed. */
export function eraFiscalYearLabel(fy: number): string {
  const { era, year } = fiscalYearEra(fy);
  return `${era}${year === 1 ? '元' : year}年度`;
}

export const precisionLabels: Readonly<Record<DatePrecision, Wording>> = {
  day: { ja: '日', en: 'Day' },
  month: { ja: '月', en: 'Month' },
  year: { ja: '年', en: 'Year' },
};

/** How precise a date is, as the edit forms ask it. */
export const precisionChoices: Readonly<Record<DatePrecision, Wording>> = {
  day: { ja: '日まで分かる', en: 'Day' },
  month: { ja: '月まで分かる', en: 'Month' },
  year: { ja: '年だけ分かる', en: 'Year' },
};

// ─── Coded values ───────────────────────────────────────────────────────────────────────────────

export const statusLabels: Readonly<Record<ProjectStatus, Wording>> = {
  実施: { ja: '実施', en: 'Held' },
  予定: { ja: '予定', en: 'Planned' },
  中止: { ja: '中止', en: 'Cancelled' },
  延期: { ja: '延期', en: 'Postponed' },
};

export function statusLabel(ctx: PageContext, status: ProjectStatus): string {
  return say(ctx, statusLabels[status] ?? { ja: status, en: status });
}

/** 中止 and 延期 are marked with a badge (text, not only colour). */
export function isInterrupted(status: ProjectStatus): boolean {
  return status === '中止' || status === '延期';
}

export const formatLabels: Readonly<Record<ProjectFormat, Wording>> = {
  offline: { ja: '対面', en: 'In person' },
  online: { ja: 'オンライン', en: 'Online' },
  hybrid: { ja: '併用', en: 'In person and online' },
};

export function formatLabel(ctx: PageContext, format: ProjectFormat): string {
  return say(ctx, formatLabels[format]);
}

export const organiserKindLabels: Readonly<Record<OrganiserKind, Wording>> = {
  wards: { ja: '各区', en: 'Individual wards' },
  joint: { ja: '23区共同', en: 'All 23 wards jointly' },
};

export function organiserKindLabel(ctx: PageContext, kind: OrganiserKind): string {
  return say(ctx, organiserKindLabels[kind]);
}

export function fieldLabel(ctx: PageContext, field: number): string {
  const f = projectFieldByNumber(field);
  return f ? ctx.tFormat(f.nameJa, f.nameEn) : String(field);
}

export const categoryLabels: Readonly<Record<AgreementCategory, Wording>> = {
  friendship: { ja: '友好・交流', en: 'Friendship and exchange' },
  disaster: { ja: '災害時の応援・防災', en: 'Disaster support' },
  other: { ja: 'その他', en: 'Other' },
};

export function categoryLabel(ctx: PageContext, category: AgreementCategory): string {
  return say(ctx, categoryLabels[category]);
}

export type AgreementState = 'live' | 'ended';

export const stateLabels: Readonly<Record<AgreementState, Wording>> = {
  live: { ja: '継続中', en: 'In force' },
  ended: { ja: '終了', en: 'Ended' },
};

export function stateLabel(ctx: PageContext, state: AgreementState): string {
  return say(ctx, stateLabels[state]);
}

export const groupKindLabels: Readonly<Record<GroupKind, Wording>> = {
  city_mayors: { ja: '市長会', en: 'Association of city mayors' },
  town_village_mayors: { ja: '町村会', en: 'Association of town and village mayors' },
};

export function groupKindLabel(ctx: PageContext, kind: GroupKind): string {
  return say(ctx, groupKindLabels[kind]);
}

/** What a group's members are, by its rule: 「京都府の市」. */
export function groupRuleLabel(ctx: PageContext, kind: GroupKind, prefectureName: string, prefectureNameEn: string): string {
  return kind === 'city_mayors'
    ? ctx.tFormat(`${prefectureName}の市`, `the cities of ${prefectureNameEn}`)
    : ctx.tFormat(`${prefectureName}の町村`, `the towns and villages of ${prefectureNameEn}`);
}

export const planStatuses: readonly PlanProgressStatus[] = ['done', 'in_progress', 'planned', 'not_started'];

export const planStatusLabels: Readonly<Record<PlanProgressStatus, Wording>> = {
  done: { ja: '完了', en: 'Done' },
  in_progress: { ja: '実施中', en: 'In progress' },
  planned: { ja: '予定', en: 'Planned' },
  not_started: { ja: '未着手', en: 'Not started' },
};

export function planStatusLabel(ctx: PageContext, status: PlanProgressStatus): string {
  return say(ctx, planStatusLabels[status]);
}

const municipalityKindsEn: Record<string, string> = { 市: 'City', 町: 'Town', 村: 'Village', 特別区: 'Special ward' };

export function municipalityKindLabel(ctx: PageContext, kind: string): string {
  return ctx.tFormat(kind, municipalityKindsEn[kind] ?? kind);
}

/** Where a record came from, as its history says it. */
export const provenanceLabels: Readonly<Record<Provenance, Wording>> = {
  seed: { ja: '初期データ（出典あり）', en: 'Seed (sourced)' },
  entry: { ja: '画面から入力', en: 'Entered' },
  import: { ja: 'ファイルの取り込み', en: 'Imported' },
  sample: { ja: 'サンプル', en: 'Sample' },
  synthetic: { ja: '合成データ', en: 'Synthetic data' },
};

/** Records that are not real facts say so next to their title. */
export function provenanceLabel(ctx: PageContext, provenance: Provenance): string | undefined {
  return provenance === 'sample' || provenance === 'synthetic' ? say(ctx, provenanceLabels[provenance]) : undefined;
}

export function ProvenanceBadge({ ctx, provenance }: { ctx: PageContext; provenance: Provenance }): JSX.Element {
  const label = provenanceLabel(ctx, provenance);
  return label ? (
    <span class="rk-badge" safe>
      {label}
    </span>
  ) : (
    ''
  );
}

// ─── Names ──────────────────────────────────────────────────────────────────────────────────────

/** A prefecture's name; in English with its Japanese name beside it. */
export function prefectureName(ctx: PageContext, p: Pick<Government, 'prefectureCode' | 'name'>): string {
  return ctx.lang === 'en' ? `${prefectureNamesEn[p.prefectureCode] ?? p.name} (${p.name})` : p.name;
}

/** 「名寄市（北海道）」; a prefecture, or a group (whose name says its prefecture), is its own name. */
export function partyLabel(ctx: PageContext, p: Party, prefectureNames: ReadonlyMap<string, string>): string {
  if (p.kind !== 'municipality' || !p.prefectureCode) return p.name;
  const pref = prefectureNames.get(p.prefectureCode);
  if (!pref) return p.name;
  return ctx.tFormat(`${p.name}（${pref}）`, `${p.name} (${prefectureNamesEn[p.prefectureCode] ?? pref})`);
}

/** 「名寄市（北海道）（締結時：風連町）」 when the partner has since merged. */
export function partyLabelWithFormerName(ctx: PageContext, p: Party, prefectureNames: ReadonlyMap<string, string>): string {
  const name = partyLabel(ctx, p, prefectureNames);
  return p.formerName ? ctx.tFormat(`${name}（締結時：${p.formerName}）`, `${name} (signed as ${p.formerName})`) : name;
}

export function joinNames(ctx: PageContext, names: readonly string[]): string {
  return names.join(ctx.lang === 'en' ? ', ' : '、');
}

// ─── Links and text ─────────────────────────────────────────────────────────────────────────────

/** Only http(s) addresses become links: a stored value is never trusted as a URL scheme. */
export function isWebUrl(url: string | null | undefined): boolean {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url);
}

/**
 * A record's source. A web address becomes a link: 「出典」 (in a table row, whose header says whose
 * source it is; `of` tells screen readers), or 「出典（www.example.jp）」 with `showHost`. Anything
 * else stored is shown as text, never as a link.
 */
export function SourceLink({ ctx, url, of, showHost = false }: { ctx: PageContext; url: string | null; of?: string; showHost?: boolean }): JSX.Element {
  if (!url) return '';
  if (!isWebUrl(url)) {
    return (
      <span>
        {ctx.t('出典：', 'Source: ')}
        <span safe>{url}</span>
      </span>
    );
  }
  const host = showHost ? hostOf(url) : '';
  if (host) {
    return (
      <a href={url} rel="noopener noreferrer" safe>
        {ctx.tFormat(`出典（${host}）`, `Source (${host})`)}
      </a>
    );
  }
  return (
    <a href={url} rel="noopener noreferrer">
      {ctx.t('出典', 'Source')}
      {of ? (
        <span class="rk-visually-hidden" safe>
          {ctx.tFormat(`：${of}`, `: ${of}`)}
        </span>
      ) : (
        ''
      )}
    </a>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** A title that links to its web address when it has one (the address itself when there is no title). */
export function TitleLink({ url, title }: { url: string | null; title: string }): JSX.Element {
  return url !== null && isWebUrl(url) ? (
    <a href={url} rel="noopener noreferrer" safe>
      {title || url}
    </a>
  ) : (
    <span safe>{title}</span>
  );
}

/** A stored address: a link when it is a web address, text otherwise. */
export function WebLink({ url }: { url: string | null }): JSX.Element {
  if (url === null || url === '') return '';
  return isWebUrl(url) ? (
    <a href={url} rel="noopener noreferrer" safe>
      {url}
    </a>
  ) : (
    <span safe>{url}</span>
  );
}

/** Lines of a multi-line text field, trimmed, without empty lines. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Text typed on several lines, as paragraphs. */
export function Paragraphs({ text }: { text: string }): JSX.Element {
  return (
    <>
      {linesOf(text).map((line) => (
        <p safe>{line}</p>
      ))}
    </>
  );
}

/** Names stored joined with ';' (full-width too). */
export function namesOf(text: string): string[] {
  return text
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
