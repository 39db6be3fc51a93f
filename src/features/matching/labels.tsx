// The words of matching entries in the page's language: direction, kind, fields, period, and the
// 「サンプル」 mark of demo entries.
import { formatEnglishDate, formatJapaneseDate } from '../../domain/japanese-date.ts';
import { kindLabel, type Direction, type MatchingKindId } from '../../domain/matching.ts';
import type { PageContext } from '../../views/context.ts';
import { projectFieldByNumber } from '../registry/index.ts';
import type { EntryRecord } from './record.ts';

export function directionLabel(ctx: PageContext, direction: Direction): string {
  return direction === 'offer' ? ctx.t('提供できること', 'Offers') : ctx.t('探していること', 'Seeks');
}

export function kindText(ctx: PageContext, kind: MatchingKindId, direction: Direction): string {
  return kindLabel(kind, direction, ctx.lang);
}

export function fieldName(ctx: PageContext, n: number): string {
  const f = projectFieldByNumber(n);
  return f ? ctx.tFormat(f.nameJa, f.nameEn) : String(n);
}

export function fieldsText(ctx: PageContext, fields: readonly number[]): string {
  return fields.map((n) => fieldName(ctx, n)).join(ctx.lang === 'en' ? ', ' : '・');
}

const dateText = (ctx: PageContext, iso: string) => (ctx.lang === 'en' ? formatEnglishDate(`${iso}T00:00:00+09:00`) : formatJapaneseDate(`${iso}T00:00:00+09:00`));

/** 「2027年(令和9年)4月1日〜2027年(令和9年)9月30日」, 「…から」, 「…まで」 or 「期間の定めなし」. */
export function periodText(ctx: PageContext, e: Pick<EntryRecord, 'periodStart' | 'periodEnd'>): string {
  const { periodStart: from, periodEnd: to } = e;
  if (from && to) return ctx.tFormat(`${dateText(ctx, from)}〜${dateText(ctx, to)}`, `${dateText(ctx, from)} to ${dateText(ctx, to)}`);
  if (from) return ctx.tFormat(`${dateText(ctx, from)}から`, `From ${dateText(ctx, from)}`);
  if (to) return ctx.tFormat(`${dateText(ctx, to)}まで`, `Until ${dateText(ctx, to)}`);
  return ctx.t('期間の定めなし', 'No set period');
}

export function statusText(ctx: PageContext, status: EntryRecord['status']): string {
  return status === 'open' ? ctx.t('掲載中', 'Open') : ctx.t('締め切り', 'Closed');
}

/** The direction as a badge, the kind, and 「サンプル」 for demo entries. */
export function EntryMarks({ ctx, entry }: { ctx: PageContext; entry: EntryRecord }): JSX.Element {
  return (
    <>
      <span class="rk-badge rk-badge--plain" safe>
        {directionLabel(ctx, entry.direction)}
      </span>
      <span safe>{kindText(ctx, entry.kind, entry.direction)}</span>
      {entry.provenance === 'sample' ? <span class="rk-badge">{ctx.t('サンプル', 'Sample')}</span> : ''}
    </>
  );
}

export const entryPath = (id: string) => `/matching/${id}`;
