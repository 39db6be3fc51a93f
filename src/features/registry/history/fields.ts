// How a record's change history shows each field of its snapshots: its label and how a stored value
// reads (names for codes, the vocabulary's words for coded values, dates in the one wording). Each
// record declares its own fields in order (agreements/history-fields.ts, projects/history-fields.ts);
// the ways of showing a value live here, shared.
import type { DatePrecision, OrganiserKind, ProjectFormat, ProjectStatus, Provenance } from '../../../db/schema.ts';
import type { PageContext } from '../../../views/context.ts';
import {
  fieldLabel,
  fiscalYearLabel,
  formatLabels,
  formatPartialDate,
  joinNames,
  organiserKindLabels,
  precisionChoices,
  provenanceLabels,
  say,
  statusLabel,
  type Wording,
} from '../shared/labels.tsx';

/** Names the history page needs, looked up once for the whole page. */
export interface HistoryNames {
  /** Local government names by code. */
  governments: ReadonlyMap<string, string>;
  types: ReadonlyMap<string, Wording>;
  groups: ReadonlyMap<string, string>;
}

export type ShowValue = (ctx: PageContext, value: unknown, snapshot: Record<string, unknown> | null, names: HistoryNames) => string;

export interface HistoryField {
  key: string;
  label: Wording;
  /** How the value reads; plain text when absent. */
  show?: ShowValue;
}

const codeName = (names: HistoryNames, code: string) => {
  const name = names.governments.get(code);
  return name ? `${name}（${code}）` : code;
};
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const wordingOf = <K extends string>(labels: Readonly<Record<K, Wording>>, value: unknown): Wording | undefined => labels[String(value) as K];

/** The ways a stored value reads. */
export const show = {
  governments: ((ctx, value, _s, names) => joinNames(ctx, strings(value).map((c) => codeName(names, c)))) as ShowValue,
  groups: ((ctx, value, _s, names) => joinNames(ctx, strings(value).map((g) => names.groups.get(g) ?? g))) as ShowValue,
  agreementType: ((ctx, value, _s, names) => {
    const type = names.types.get(String(value));
    return type ? say(ctx, type) : String(value);
  }) as ShowValue,
  formerNames: ((ctx, value, _s, names) =>
    joinNames(
      ctx,
      Object.entries((value ?? {}) as Record<string, string>).map(([code, name]) => `${codeName(names, code)}: ${name}`),
    )) as ShowValue,
  date: ((ctx, value) => formatPartialDate(ctx, String(value))) as ShowValue,
  dates: ((ctx, value) => joinNames(ctx, strings(value).map((d) => formatPartialDate(ctx, d)))) as ShowValue,
  /** A date stored with its precision in another key of the snapshot. */
  dateWithPrecisionIn: (precisionKey: string): ShowValue => (ctx, value, snapshot) => formatPartialDate(ctx, String(value), (snapshot?.[precisionKey] as DatePrecision | undefined) ?? 'day'),
  precision: ((ctx, value) => {
    const wording = wordingOf(precisionChoices, value);
    return wording ? say(ctx, wording) : String(value);
  }) as ShowValue,
  fiscalYear: ((ctx, value) => fiscalYearLabel(ctx, Number(value))) as ShowValue,
  projectField: ((ctx, value) => fieldLabel(ctx, Number(value))) as ShowValue,
  organiserKind: ((ctx, value) => {
    const wording = wordingOf<OrganiserKind>(organiserKindLabels, value);
    return wording ? say(ctx, wording) : String(value);
  }) as ShowValue,
  projectFormat: ((ctx, value) => {
    const wording = wordingOf<ProjectFormat>(formatLabels, value);
    return wording ? say(ctx, wording) : String(value);
  }) as ShowValue,
  projectStatus: ((ctx, value) => statusLabel(ctx, String(value) as ProjectStatus)) as ShowValue,
  provenance: ((ctx, value) => {
    const wording = wordingOf<Provenance>(provenanceLabels, value);
    return wording ? say(ctx, wording) : String(value);
  }) as ShowValue,
};

/** A value in words; 「—」 for nothing. */
export function historyValue(ctx: PageContext, field: HistoryField | undefined, value: unknown, snapshot: Record<string, unknown> | null, names: HistoryNames): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (field?.show) return field.show(ctx, value, snapshot, names);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields every registry record's history has at its end. */
export const recordOriginFields: readonly HistoryField[] = [
  { key: 'sourceUrl', label: { ja: '出典のアドレス', en: 'Source address' } },
  { key: 'notes', label: { ja: '備考', en: 'Notes' } },
  { key: 'provenance', label: { ja: '記録の出所', en: 'Provenance' }, show: show.provenance },
];
