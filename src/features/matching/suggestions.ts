// Suggested partners for an entry or for a whole municipality: the current entries of everyone else
// as candidates, the subject's ties from the registry, ranked and explained by src/domain/matching.ts;
// and the board link that starts the conversation with one of them.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { explainSuggestion, rankPartners, WEIGHTS, type Explanation, type MatchingParty, type Reason } from '../../domain/matching.ts';
import { loadPartnerTies, projectFieldByNumber } from '../registry/index.ts';
import { currentParties } from './queries.ts';
import type { EntryRecord } from './record.ts';

export interface ShownSuggestion {
  partnerCode: string;
  partnerName: string;
  score: number;
  explanation: Explanation;
  /** The pair the explanation names: the subject's entry and the partner's. */
  subjectEntry: EntryRecord;
  partnerEntry: EntryRecord;
  /** The kinds of reasons that contributed, strongest first (for the page's details). */
  reasons: Reason['kind'][];
}

const fieldNames = (n: number) => {
  const f = projectFieldByNumber(n);
  return f ? { ja: f.nameJa, en: f.nameEn } : undefined;
};

/** How many suggestions a page shows. */
export const suggestionLimit = 5;

export async function suggestionsFor(db: Kysely<Database>, subject: Omit<MatchingParty, 'entries'> & { entries: readonly EntryRecord[] }, asOf: string): Promise<ShownSuggestion[]> {
  const [parties, ties] = await Promise.all([currentParties(db, asOf), loadPartnerTies(db, subject.code, asOf)]);
  const ranked = rankPartners(subject, [...parties.values()], ties, WEIGHTS, { asOf, limit: suggestionLimit });
  return ranked.map((s) => {
    const pair = s.reasons.find((r) => r.kind === 'complement')!;
    const [subjectEntry, partnerEntry] = (pair.seeker === 'subject' ? [pair.seek, pair.offer] : [pair.offer, pair.seek]) as [EntryRecord, EntryRecord];
    return {
      partnerCode: s.partner.code,
      partnerName: s.partner.name,
      score: s.score,
      explanation: explainSuggestion(subject, s, fieldNames),
      subjectEntry,
      partnerEntry,
      reasons: [...new Set(s.reasons.map((r) => r.kind))],
    };
  });
}

/**
 * The board's prefilled new thread (category 「連携の呼びかけ」) addressed to the partner, which the
 * board notifies when it is posted: the explanation and the addresses of both entries. In Japanese,
 * the language the two municipalities write to each other in.
 */
export function boardCallHref(siteUrl: string, subjectName: string, s: ShownSuggestion): string {
  const title = `${subjectName}から${s.partnerName}へ：${s.subjectEntry.title}`.slice(0, 100);
  const body = [
    s.explanation.ja,
    '',
    `${subjectName}の掲載「${s.subjectEntry.title}」：${siteUrl}/matching/${s.subjectEntry.id}`,
    `${s.partnerName}の掲載「${s.partnerEntry.title}」：${siteUrl}/matching/${s.partnerEntry.id}`,
  ].join('\n');
  const query = new URLSearchParams({ category: 'calls', to: s.partnerCode, title, body });
  return `/board/new?${query.toString()}`;
}
