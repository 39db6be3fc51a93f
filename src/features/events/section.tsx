// The sections of upcoming events other pages show (exported through index.ts): the top page's and
// a municipality's page's.
import type { PageContext } from '../../views/context.ts';
import type { Event } from './record.ts';
import { EventSummaryList } from './views.tsx';

function UpcomingSection({ ctx, id, events, more }: { ctx: PageContext; id: string; events: readonly Event[]; more: { href: string; label: string } }): JSX.Element {
  return (
    <section class="rk-section" aria-labelledby={id}>
      <h2 id={id} class="rk-heading-2">
        {ctx.t('開催予定のイベント', 'Upcoming events')}
      </h2>
      {events.length > 0 ? <EventSummaryList ctx={ctx} events={events} /> : <p>{ctx.t('開催予定のイベントはありません。', 'No upcoming events.')}</p>}
      <p>
        <a class="rk-link-arrow" href={more.href} safe>
          {more.label}
        </a>
      </p>
    </section>
  );
}

/** The top page's 「開催予定のイベント」: a heading, the next events and a link to all of them. */
export function UpcomingEventsSection({ ctx, events }: { ctx: PageContext; events: readonly Event[] }): JSX.Element {
  return <UpcomingSection ctx={ctx} id="upcoming-events-title" events={events} more={{ href: '/events', label: ctx.t('イベント情報をすべて見る', 'All events') }} />;
}

/** A municipality's page: its next events and a link to all of them. */
export function MunicipalityEventsSection({ ctx, events, code, name }: { ctx: PageContext; events: readonly Event[]; code: string; name: string }): JSX.Element {
  return <UpcomingSection ctx={ctx} id="municipality-events-title" events={events} more={{ href: `/events?muni=${code}`, label: ctx.tFormat(`${name}のイベントをすべて見る`, `All events of ${name}`) }} />;
}
