// The words of events: kinds (種類), statuses, the organisers' roles and the fields of
// collaboration (the registry's 6 fields), each in Japanese and English.
import type { EventProvenance, EventStatus } from '../../db/schema.ts';
import type { PageContext } from '../../views/context.ts';
import { projectFieldByNumber, projectFields } from '../registry/index.ts';

export interface Wording {
  ja: string;
  en: string;
}

export const eventKinds = ['魅力発信イベント', '講演会', 'シンポジウム', '物産展', '展示', 'PR展示', 'パネル展', '協定締結式', 'その他'] as const;
export type EventKind = (typeof eventKinds)[number];

const kindEnglish: Record<EventKind, string> = {
  魅力発信イベント: 'Regional showcase',
  講演会: 'Lecture',
  シンポジウム: 'Symposium',
  物産展: 'Local products fair',
  展示: 'Exhibition',
  PR展示: 'PR exhibition',
  パネル展: 'Panel exhibition',
  協定締結式: 'Agreement signing ceremony',
  その他: 'Other',
};

export function isEventKind(value: string): value is EventKind {
  return (eventKinds as readonly string[]).includes(value);
}

export function kindLabel(ctx: PageContext, kind: string): string {
  return ctx.lang === 'en' && isEventKind(kind) ? kindEnglish[kind] : kind;
}

export const eventStatuses: readonly EventStatus[] = ['draft', 'pending', 'published', 'rejected', 'withdrawn'];

const statusWords: Record<EventStatus, Wording> = {
  draft: { ja: '下書き', en: 'Draft' },
  pending: { ja: '審査待ち', en: 'Awaiting review' },
  published: { ja: '公開中', en: 'Published' },
  rejected: { ja: '差し戻し', en: 'Returned' },
  withdrawn: { ja: '取り下げ', en: 'Withdrawn' },
};

export function statusLabel(ctx: PageContext, status: EventStatus): string {
  return ctx.tFormat(statusWords[status].ja, statusWords[status].en);
}

const provenanceWords: Record<EventProvenance, Wording> = {
  seed: { ja: '初期データ（出典あり）', en: 'Seed (sourced)' },
  entry: { ja: '事務局が入力', en: 'Entered by the secretariat' },
  member: { ja: '会員自治体の投稿', en: 'Submitted by a member' },
  import: { ja: 'ファイルの取り込み', en: 'Imported' },
  harvest: { ja: '自治体の公開データから収集', en: 'Harvested from the municipality’s feed' },
  sample: { ja: 'サンプル', en: 'Sample' },
  synthetic: { ja: '合成データ', en: 'Synthetic data' },
};

export function provenanceLabel(ctx: PageContext, provenance: EventProvenance): string {
  return ctx.tFormat(provenanceWords[provenance].ja, provenanceWords[provenance].en);
}

/** Not real events: marked next to their title wherever they are shown. */
export function isMarkedProvenance(provenance: EventProvenance): boolean {
  return provenance === 'sample' || provenance === 'synthetic';
}

/** The four roles of the organisations behind an event, in the order an announcement lists them. */
export const organiserRoles = ['organisers', 'coOrganisers', 'partners', 'supporters'] as const;
export type OrganiserRole = (typeof organiserRoles)[number];

const roleWords: Record<OrganiserRole, Wording> = {
  organisers: { ja: '主催', en: 'Organised by' },
  coOrganisers: { ja: '共催', en: 'Co-organised by' },
  partners: { ja: '連携協力', en: 'In cooperation with' },
  supporters: { ja: '後援', en: 'Supported by' },
};

export function roleLabel(ctx: PageContext, role: OrganiserRole): string {
  return ctx.tFormat(roleWords[role].ja, roleWords[role].en);
}

export function roleJapanese(role: OrganiserRole): string {
  return roleWords[role].ja;
}

export { projectFields as eventFields };

export function fieldLabel(ctx: PageContext, n: number | null): string {
  const field = n === null ? undefined : projectFieldByNumber(n);
  if (!field) return '';
  return ctx.tFormat(field.nameJa, field.nameEn);
}
