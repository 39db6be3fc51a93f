// The shape of one ward's file of sourced partners (issue: the wards' real partners). Each file
// holds one ward's agreements with municipalities, prefectures or groups, every one citing the
// sources it was read in, so that a reviewer can check one ward at a time against its sources.

/** A page, press release, article or document that states a fact. */
export interface SourceSeed {
  /** The page's own address; null only for printed material without a public URL. */
  url: string | null;
  /** The title as the source prints it. */
  title: string;
  /** Who published it: 「品川区」, 「山北町」, 「日本経済新聞」, 「特別区長会」… */
  publisher: string;
  /**
   * The date the source states for itself ('YYYY-MM-DD' | 'YYYY-MM' | 'YYYY'): its 「…現在」 date,
   * its publication or update date. null when it states none.
   */
  statedOn: string | null;
  /** That date as printed, e.g. 「令和5年4月1日現在」「更新日:2023年4月1日」「2022年7月22日 報道発表」. */
  statedText?: string;
}

/**
 * A partner as the source names it: [prefecture, municipality] — or [prefecture] alone when the
 * partner is the prefecture itself. A third item is the municipality's name at signing when it has
 * since merged (e.g. ['北海道', '名寄市', '風連町'] for 旧風連町, now 名寄市).
 */
export type PartnerSeed = readonly [prefecture: string, municipality?: string, nameAtSigning?: string];

export interface WardAgreementSeed {
  /** Globally unique, stable key, prefixed with the ward's slug: 'shinagawa/yamakita/exchange'. The record id is derived from it: never change it once loaded. */
  key: string;
  /** The wards party to it; defaults to the file's ward. A joint agreement is written once, in one ward's file. */
  wards?: readonly string[];
  partners: readonly PartnerSeed[];
  /** agreement_types.id: the vocabulary in src/db/seed/wards.ts, or a type added in this file's `types`. */
  type: string;
  /** The agreement's name as the source prints it. */
  title: string;
  /** Signing date 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' as precise as the source gives it; null when no source gives it. */
  signed: string | null;
  /** Re-signing dates (ISO), e.g. after a merger. */
  resigned?: readonly string[];
  /** When the agreement ended, if a source says so. */
  ended?: string | null;
  /** The origin story (きっかけ) when a source tells it. */
  background?: string;
  /** Keys of this file's `sources`; the first is the main source. At least one. */
  sources: readonly string[];
  /** Anything a reviewer should know: what each source says, how a date was read. */
  notes?: string;
  /** 要確認: why the secretariat should check this record (sources disagree, date unclear…). */
  review?: string;
}

export interface AgreementTypeSeed {
  id: string;
  name: string;
  nameEn: string;
  category: 'friendship' | 'disaster' | 'other';
}

export interface WardPartnersFile {
  /** The ward's name, e.g. '品川区'. */
  ward: string;
  sources: Readonly<Record<string, SourceSeed>>;
  /** Agreement types the vocabulary lacked; an id defined in two files must be defined identically. */
  types?: readonly AgreementTypeSeed[];
  agreements: readonly WardAgreementSeed[];
  /** For the closing report and the reviewer: what was read and what stays open. */
  report: {
    /** Questions left open (e.g. a partner named without a date; a source that could not be found). */
    openQuestions: readonly string[];
  };
}
