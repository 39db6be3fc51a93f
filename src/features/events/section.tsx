// The top page's section of upcoming events (exported through index.ts).
import type { PageContext } from '../../views/context.ts';
import type { Event } from './record.ts';
import { EventSummaryList } from './views.tsx';

/** The top page's 「開催予定のイベント」: a heading, the next events and a link to all of them. */
export function UpcomingEventsSection({ ctx, events }: { ctx: PageContext; events: readonly Event[] }): JSX.Element {
  return (
    <section class="rk-section" aria-labelledby="upcoming-events-title">
      <h2 id="upcoming-events-title" class="rk-heading-2">
        {ctx.t('開催予定のイベント', 'Upcoming events')}
      </h2>
      {events.length > 0 ? <EventSummaryList ctx={ctx} events={events} /> : <p>{ctx.t('開催予定のイベントはありません。', 'No upcoming events.')}</p>}
      <p>
        <a class="rk-link-arrow" href="/events">
          {ctx.t('イベント情報をすべて見る', 'All events')}
        </a>
      </p>
    </section>
  );
}
