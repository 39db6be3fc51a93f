// The one wording of an event's dates, times, place and marks, shared by every events page, the
// feeds and the top page's section.
import { formatDate } from '../../views/format.ts';
import type { PageContext } from '../../views/context.ts';
import type { EventProvenance } from '../../db/schema.ts';
import type { Event } from './record.ts';
import { isMarkedProvenance, kindLabel, provenanceLabel } from './vocabulary.ts';

/** 「2024年(令和6年)10月30日 10:00〜2024年(令和6年)10月31日 17:00」, shortened when on one day. */
export function eventDateText(ctx: PageContext, e: Pick<Event, 'startsOn' | 'endsOn' | 'startTime' | 'endTime'>): string {
  const start = formatDate(ctx, e.startsOn);
  const sep = ctx.lang === 'en' ? ' – ' : '〜';
  if (e.startsOn === e.endsOn) {
    const times = e.startTime ? (e.endTime ? `${e.startTime}${sep}${e.endTime}` : ctx.tFormat(`${e.startTime}から`, `from ${e.startTime}`)) : '';
    return times ? `${start} ${times}` : start;
  }
  const end = formatDate(ctx, e.endsOn);
  const startPart = e.startTime ? `${start} ${e.startTime}` : start;
  const endPart = e.endTime ? `${end} ${e.endTime}` : end;
  return `${startPart}${sep}${endPart}`;
}

/** 「オンライン」, or the venue's name, or empty. */
export function placeText(ctx: PageContext, e: Pick<Event, 'venueName' | 'online'>): string {
  if (e.online && e.venueName) return ctx.tFormat(`${e.venueName}・オンライン`, `${e.venueName} and online`);
  if (e.online) return ctx.tFormat('オンライン', 'Online');
  return e.venueName;
}

/** The kind, and 「サンプル」/「合成データ」 for events that are not real. */
export function EventMarks({ ctx, kind, provenance }: { ctx: PageContext; kind?: string; provenance: EventProvenance }): JSX.Element {
  return (
    <>
      {kind ? (
        <span class="rk-badge rk-badge--kind" safe>
          {kindLabel(ctx, kind)}
        </span>
      ) : (
        ''
      )}
      {isMarkedProvenance(provenance) ? (
        <span class="rk-badge" safe>
          {provenanceLabel(ctx, provenance)}
        </span>
      ) : (
        ''
      )}
    </>
  );
}

export function eventPath(id: string): string {
  return `/events/${id}`;
}

/** The title in the page's language (the English title when there is one). */
export function eventTitle(ctx: PageContext, e: Pick<Event, 'title' | 'titleEn'>): string {
  return ctx.lang === 'en' && e.titleEn ? e.titleEn : e.title;
}

export function Lines({ text }: { text: string }): JSX.Element {
  const paragraphs = text.split(/\r?\n\s*\r?\n/).map((p) => p.split(/\r?\n/));
  return (
    <>
      {paragraphs.map((lines) => (
        <p>
          {lines.map((line, i) => (
            <>
              {i > 0 ? <br /> : ''}
              <span safe>{line}</span>
            </>
          ))}
        </p>
      ))}
    </>
  );
}
