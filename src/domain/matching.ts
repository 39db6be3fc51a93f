// Partner matching (連携先のマッチング): member municipalities and wards publish what they offer
// (提供できること) and what they seek (探していること); Renkei suggests partners, ranked by
// complementary offers and needs, shared fields, ties in the registry (or their absence) and
// geography (same prefecture, neighbouring prefectures, same region), and explains each suggestion
// in one sentence. Pure: the entries, the ties and the date come in; nothing here reads the
// database or the clock.
import { prefectureTile } from './prefecture-tiles.ts';
import { arePrefecturesAdjacent } from './prefecture-adjacency.ts';
import { prefectureNamesEn, regionOfPrefecture } from './regions.ts';

// ─── Vocabulary ──────────────────────────────────────────────────────────────────────────────────

export type Direction = 'offer' | 'seek';

export const matchingKindIds = ['products', 'outlet', 'venue', 'tourism', 'pr-space', 'experience', 'relocation', 'staff', 'disaster', 'youth', 'culture', 'other'] as const;
export type MatchingKindId = (typeof matchingKindIds)[number];

export interface MatchingKind {
  id: MatchingKindId;
  /** As an offer: 「…を掲げています」 reads after it. */
  offerJa: string;
  offerEn: string;
  /** As a need: 「…を探している」 reads after it. */
  seekJa: string;
  seekEn: string;
  /** The offers that answer this need (itself included where the same thing is exchanged). */
  answeredBy: readonly MatchingKindId[];
}

/**
 * Every kind of offer and need, in the order forms and filters list them. The one place that says
 * which offer answers which need: seeking a venue is answered by 会場の提供; seeking outlets for
 * local products by a ward's sales space or a venue for a fair; seeking a place for tourism PR by
 * a PR space, a venue or a sales space (where products and PR go together).
 */
export const matchingKinds: readonly MatchingKind[] = Object.freeze([
  { id: 'products', offerJa: '特産品の販売', offerEn: 'selling local products', seekJa: '特産品の出店者', seekEn: 'local products for a fair', answeredBy: ['products'] },
  { id: 'outlet', offerJa: '販売の場の提供', offerEn: 'a place to sell', seekJa: '特産品の販路', seekEn: 'outlets for local products', answeredBy: ['outlet', 'venue'] },
  { id: 'venue', offerJa: '会場の提供', offerEn: 'a venue', seekJa: '物産展やイベントの会場', seekEn: 'a venue for a fair or an event', answeredBy: ['venue'] },
  { id: 'tourism', offerJa: '観光PR', offerEn: 'tourism promotion', seekJa: '観光PRの出展者', seekEn: 'tourism promotion for an event', answeredBy: ['tourism'] },
  { id: 'pr-space', offerJa: 'PRの場の提供', offerEn: 'a space for promotion', seekJa: '観光PRの場', seekEn: 'a place for tourism promotion', answeredBy: ['pr-space', 'venue', 'outlet'] },
  { id: 'experience', offerJa: '体験交流', offerEn: 'hands-on exchange (farm and nature stays)', seekJa: '体験交流の受け入れ先', seekEn: 'a host for hands-on exchange', answeredBy: ['experience'] },
  { id: 'relocation', offerJa: '移住相談', offerEn: 'advice on moving there', seekJa: '移住相談の出展者', seekEn: 'relocation advice for residents', answeredBy: ['relocation'] },
  { id: 'staff', offerJa: '職員派遣', offerEn: 'seconding staff', seekJa: '職員の派遣', seekEn: 'seconded staff', answeredBy: ['staff'] },
  { id: 'disaster', offerJa: '防災・災害時の協力', offerEn: 'disaster preparedness and aid', seekJa: '防災・災害時の協力先', seekEn: 'a partner for disaster preparedness', answeredBy: ['disaster'] },
  { id: 'youth', offerJa: '子ども・学校の交流', offerEn: 'exchanges of children and schools', seekJa: '子ども・学校の交流先', seekEn: 'a partner for school exchanges', answeredBy: ['youth', 'experience'] },
  { id: 'culture', offerJa: '文化・スポーツの交流', offerEn: 'cultural and sports exchange', seekJa: '文化・スポーツの交流先', seekEn: 'a partner for culture and sport', answeredBy: ['culture'] },
  { id: 'other', offerJa: 'その他の協力', offerEn: 'other help', seekJa: 'その他の協力', seekEn: 'other help', answeredBy: ['other'] },
] satisfies MatchingKind[]);

const kindById = new Map<string, MatchingKind>(matchingKinds.map((k) => [k.id, k]));

export function isMatchingKind(value: string): value is MatchingKindId {
  return kindById.has(value);
}

export function matchingKind(id: MatchingKindId): MatchingKind {
  return kindById.get(id)!;
}

/** The kind's wording for a direction: 「会場の提供」 (offer) or 「物産展やイベントの会場」 (seek). */
export function kindLabel(id: MatchingKindId, direction: Direction, lang: 'ja' | 'en'): string {
  const k = matchingKind(id);
  if (direction === 'offer') return lang === 'en' ? k.offerEn : k.offerJa;
  return lang === 'en' ? k.seekEn : k.seekJa;
}

/** True when an offer of `offer` answers a need of `seek`. */
export function answers(offer: MatchingKindId, seek: MatchingKindId): boolean {
  return matchingKind(seek).answeredBy.includes(offer);
}

// ─── Weights ─────────────────────────────────────────────────────────────────────────────────────

/** Every weight of the ranking, in one place. Points add up; a higher score ranks first. */
export const WEIGHTS = Object.freeze({
  /** A need of one side answered by an offer of the other: the reason to suggest anyone at all. */
  complement: 10,
  /** …and exactly the same kind (会場 ↔ 会場の提供) rather than a near one (販路 ↔ 会場の提供). */
  exactKind: 2,
  /** Complementary pairs counted: past three, more entries should not drown the other reasons. */
  maxComplements: 3,
  /** Each field of collaboration both sides name: a shared interest makes a project easier to agree. */
  sharedField: 1.5,
  /** Shared fields counted at most: the six fields are broad, naming them all proves little. */
  maxSharedFields: 3,
  /**
   * An agreement or exchange in force between them: people already know each other, so a new
   * project starts fastest. Worth more than the most shared fields can add (3 × 1.5), less than a
   * complementary pair.
   */
  existingTie: 5,
  /**
   * No tie at all: the project exists to widen the network, so a new partner is worth suggesting
   * too; a little less than an existing tie, so that among equals the known partner comes first.
   */
  newPartner: 2,
  /** Same prefecture: joint fairs and shared transport are easy. */
  samePrefecture: 2,
  /**
   * Neighbouring prefectures (a common land boundary, src/domain/prefecture-adjacency.ts): a day
   * trip apart, even across a region's line (新潟県–福島県); less than the same prefecture, more
   * than only the same region, which can be far apart (青森県–宮城県).
   */
  neighbouringPrefecture: 1.5,
  /** Same region (地方), neither the same nor a neighbouring prefecture. */
  sameRegion: 1,
});

export type MatchingWeights = { readonly [K in keyof typeof WEIGHTS]: number };

// ─── Ranking ─────────────────────────────────────────────────────────────────────────────────────

export interface MatchingEntry {
  id: string;
  /** The municipality or ward whose entry it is (6 digits). */
  code: string;
  direction: Direction;
  kind: MatchingKindId;
  /** The registry's fields of collaboration (1–6). */
  fields: readonly number[];
  title: string;
  /** ISO dates, inclusive; null = open-ended. */
  periodStart: string | null;
  periodEnd: string | null;
  status: 'open' | 'closed';
}

export interface MatchingParty {
  code: string;
  name: string;
  /** 2 digits. */
  prefectureCode: string;
  entries: readonly MatchingEntry[];
}

/** A tie between the subject and a candidate, from the registry. */
export interface PartnerTie {
  kind: 'agreement' | 'exchange';
  /** 交流自治体協定 / 地域間交流（上川）. */
  titleJa: string;
  titleEn: string;
  /** The year it began: a calendar year for an agreement, a 年度 for an exchange; null when unknown. */
  since: number | null;
}

export type Reason =
  | { kind: 'complement'; points: number; seeker: 'subject' | 'candidate'; seek: MatchingEntry; offer: MatchingEntry }
  | { kind: 'shared-fields'; points: number; fields: number[] }
  | { kind: 'existing-tie'; points: number; tie: PartnerTie }
  | { kind: 'new-partner'; points: number }
  | { kind: 'same-prefecture'; points: number; prefectureCode: string }
  | { kind: 'neighbouring-prefecture'; points: number; prefectureCodes: [string, string] }
  | { kind: 'same-region'; points: number; prefectureCodes: [string, string] };

export interface Suggestion {
  partner: MatchingParty;
  score: number;
  /** Strongest first; the complementary pairs always come before the rest. */
  reasons: Reason[];
}

/** Open and within its period on `asOf` (an entry whose period has not begun yet still counts). */
export function isCurrent(entry: MatchingEntry, asOf: string): boolean {
  return entry.status === 'open' && (entry.periodEnd === null || entry.periodEnd >= asOf);
}

function complementsBetween(subject: readonly MatchingEntry[], candidate: readonly MatchingEntry[], weights: MatchingWeights): Extract<Reason, { kind: 'complement' }>[] {
  const found: Extract<Reason, { kind: 'complement' }>[] = [];
  const pair = (seeker: 'subject' | 'candidate', seek: MatchingEntry, offer: MatchingEntry) => {
    if (seek.direction !== 'seek' || offer.direction !== 'offer' || !answers(offer.kind, seek.kind)) return;
    found.push({ kind: 'complement', points: weights.complement + (offer.kind === seek.kind ? weights.exactKind : 0), seeker, seek, offer });
  };
  for (const s of subject) {
    for (const c of candidate) {
      pair('subject', s, c);
      pair('candidate', c, s);
    }
  }
  // Exact pairs first, then the subject's own needs, then by title for a stable order.
  return found.sort((a, b) => b.points - a.points || (a.seeker === b.seeker ? 0 : a.seeker === 'subject' ? -1 : 1) || a.seek.title.localeCompare(b.seek.title, 'ja') || a.offer.id.localeCompare(b.offer.id));
}

function fieldsOf(entries: readonly MatchingEntry[]): Set<number> {
  return new Set(entries.flatMap((e) => e.fields));
}

/**
 * The candidates worth suggesting to `subject`, best first: only those with at least one
 * complementary pair, scored by `weights`. Entries closed or past their period are ignored on both
 * sides; the subject itself is never suggested. Ties in score go to the candidate's code.
 */
export function rankPartners(
  subject: MatchingParty,
  candidates: readonly MatchingParty[],
  ties: ReadonlyMap<string, readonly PartnerTie[]>,
  weights: MatchingWeights = WEIGHTS,
  options: { asOf: string; limit?: number } = { asOf: '0000-01-01' },
): Suggestion[] {
  const own = subject.entries.filter((e) => isCurrent(e, options.asOf));
  const suggestions: Suggestion[] = [];
  for (const candidate of candidates) {
    if (candidate.code === subject.code) continue;
    const theirs = candidate.entries.filter((e) => isCurrent(e, options.asOf));
    const complements = complementsBetween(own, theirs, weights).slice(0, weights.maxComplements);
    if (complements.length === 0) continue;
    const others: Reason[] = [];
    // Fields shared by the entries that complement each other: what the pair would work on.
    const subjectFields = fieldsOf(complements.map((c) => (c.seeker === 'subject' ? c.seek : c.offer)));
    const candidateFields = fieldsOf(complements.map((c) => (c.seeker === 'subject' ? c.offer : c.seek)));
    const shared = [...subjectFields].filter((f) => candidateFields.has(f)).sort((a, b) => a - b);
    if (shared.length > 0) others.push({ kind: 'shared-fields', points: weights.sharedField * Math.min(shared.length, weights.maxSharedFields), fields: shared });
    const known = ties.get(candidate.code) ?? [];
    if (known.length > 0) {
      // The oldest tie tells the longest story (unknown years last).
      const oldest = [...known].sort((a, b) => (a.since ?? 9999) - (b.since ?? 9999))[0]!;
      others.push({ kind: 'existing-tie', points: weights.existingTie, tie: oldest });
    } else {
      others.push({ kind: 'new-partner', points: weights.newPartner });
    }
    if (candidate.prefectureCode === subject.prefectureCode) {
      others.push({ kind: 'same-prefecture', points: weights.samePrefecture, prefectureCode: subject.prefectureCode });
    } else if (arePrefecturesAdjacent(subject.prefectureCode, candidate.prefectureCode)) {
      others.push({ kind: 'neighbouring-prefecture', points: weights.neighbouringPrefecture, prefectureCodes: [subject.prefectureCode, candidate.prefectureCode] });
    } else if (sameRegion(candidate.prefectureCode, subject.prefectureCode)) {
      others.push({ kind: 'same-region', points: weights.sameRegion, prefectureCodes: [subject.prefectureCode, candidate.prefectureCode] });
    }
    others.sort((a, b) => b.points - a.points);
    const reasons: Reason[] = [...complements, ...others];
    const score = reasons.reduce((sum, r) => sum + r.points, 0);
    suggestions.push({ partner: candidate, score, reasons });
  }
  suggestions.sort((a, b) => b.score - a.score || a.partner.code.localeCompare(b.partner.code));
  return options.limit === undefined ? suggestions : suggestions.slice(0, options.limit);
}

function sameRegion(a: string, b: string): boolean {
  try {
    return regionOfPrefecture(a).id === regionOfPrefecture(b).id;
  } catch {
    return false;
  }
}

// ─── Explanation ─────────────────────────────────────────────────────────────────────────────────

export interface Explanation {
  ja: string;
  en: string;
}

/** Names of the registry's fields (1–6), which the domain does not hold. */
export type FieldNames = (field: number) => { ja: string; en: string } | undefined;

function prefectureNameJa(code: string): string {
  return prefectureTile(code)?.name ?? code;
}

function regionName(code: string): { ja: string; en: string } {
  const r = regionOfPrefecture(code);
  return { ja: r.nameJa, en: r.nameEn };
}

/**
 * One sentence from the strongest reasons: the best complementary pair, then the strongest other
 * reason (a tie with its year, shared fields, the absence of any tie, geography), and whether the
 * two are in neighbouring prefectures, e.g.
 * 「名寄市が物産展やイベントの会場を探しているのに対し、杉並区は会場の提供を掲げており、両者は1989年から交流自治体協定で結ばれています。」
 */
export function explainSuggestion(subject: Pick<MatchingParty, 'name'>, suggestion: Suggestion, fieldNames: FieldNames): Explanation {
  const pair = suggestion.reasons.find((r): r is Extract<Reason, { kind: 'complement' }> => r.kind === 'complement');
  if (!pair) throw new RangeError('a suggestion has at least one complementary pair');
  const partner = suggestion.partner.name;
  const [seekerName, offererName] = pair.seeker === 'subject' ? [subject.name, partner] : [partner, subject.name];
  const seekJa = kindLabel(pair.seek.kind, 'seek', 'ja');
  const offerJa = kindLabel(pair.offer.kind, 'offer', 'ja');
  const seekEn = kindLabel(pair.seek.kind, 'seek', 'en');
  const offerEn = kindLabel(pair.offer.kind, 'offer', 'en');
  const head = { ja: `${seekerName}が${seekJa}を探しているのに対し、${offererName}は${offerJa}を掲げて`, en: `${seekerName} is looking for ${seekEn} and ${offererName} offers ${offerEn}` };
  const next = suggestion.reasons.find((r) => r.kind !== 'complement');
  const tail = next ? clause(next, fieldNames) : undefined;
  // Being neighbours is told even when a tie or a new partnership is the stronger reason: unlike
  // the same prefecture, it is not plain from the two names.
  const neighbours = suggestion.reasons.find((r): r is Extract<Reason, { kind: 'neighbouring-prefecture' }> => r.kind === 'neighbouring-prefecture');
  const note = neighbours && neighbours !== next ? neighbourNote(neighbours.prefectureCodes) : { ja: '', en: '' };
  if (!tail) return { ja: `${head.ja}います${note.ja}。`, en: `${head.en}${note.en}.` };
  return { ja: `${head.ja}おり、${tail.ja}${note.ja}。`, en: `${head.en}; ${tail.en}${note.en}.` };
}

function neighbourNames([a, b]: [string, string]): { ja: string; en: string } {
  return { ja: `${prefectureNameJa(a)}と${prefectureNameJa(b)}`, en: `${prefectureNamesEn[a] ?? a} and ${prefectureNamesEn[b] ?? b}` };
}

/** The parenthesis that adds the neighbourhood to another reason. */
function neighbourNote(codes: [string, string]): Explanation {
  const names = neighbourNames(codes);
  return { ja: `（所在地は隣り合う${names.ja}）`, en: ` (in neighbouring prefectures, ${names.en})` };
}

function clause(reason: Exclude<Reason, { kind: 'complement' }>, fieldNames: FieldNames): Explanation | undefined {
  switch (reason.kind) {
    case 'existing-tie': {
      const { tie } = reason;
      const unit = tie.kind === 'exchange' ? '年度' : '年';
      if (tie.since === null) return { ja: `両者は${tie.titleJa}で結ばれています`, en: `the two are already linked (${tie.titleEn})` };
      return { ja: `両者は${tie.since}${unit}から${tie.titleJa}で結ばれています`, en: `the two have been linked since ${tie.kind === 'exchange' ? `fiscal ${tie.since}` : tie.since} (${tie.titleEn})` };
    }
    case 'new-partner':
      return { ja: '両者にはこれまで連携の記録はありません', en: 'the two have no recorded collaboration yet, a new partnership' };
    case 'shared-fields': {
      const names = reason.fields.map(fieldNames).filter((n): n is { ja: string; en: string } => n !== undefined);
      if (names.length === 0) return undefined;
      return { ja: `ともに${names.map((n) => n.ja).join('・')}の分野を挙げています`, en: `both name ${names.map((n) => n.en).join(', ')} as their field` };
    }
    case 'same-prefecture':
      return { ja: `ともに${prefectureNameJa(reason.prefectureCode)}にあります`, en: `both are in ${prefectureNamesEn[reason.prefectureCode] ?? reason.prefectureCode}` };
    case 'neighbouring-prefecture': {
      const names = neighbourNames(reason.prefectureCodes);
      return { ja: `両者は隣り合う${names.ja}にあります`, en: `the two are in neighbouring prefectures, ${names.en}` };
    }
    case 'same-region': {
      const region = regionName(reason.prefectureCodes[0]);
      return { ja: `ともに${region.ja}にあります`, en: `both are in the ${region.en} region` };
    }
  }
}
