// The sources a record cites, as a list: each one's title (a link when it has a web address), who
// published it and the date it states for itself. Shown on the public record page and in the
// secretariat's 出典の一覧.
import type { PageContext } from '../../../views/context.ts';
import { formatDateOf, TitleLink } from '../shared/labels.tsx';
import type { Source } from './record.ts';

/** 「品川区・令和5年4月1日現在」: the publisher and the source's own date, as printed when known. */
export function sourceByline(ctx: PageContext, source: Source): string {
  const date = source.statedText || (source.stated.date ? formatDateOf(ctx, source.stated) : '');
  return date ? `${source.publisher}・${date}` : source.publisher;
}

export function SourceTitle({ source }: { source: Source }): JSX.Element {
  return <TitleLink url={source.url} title={source.title} />;
}

export function SourceCitations({ ctx, sources }: { ctx: PageContext; sources: readonly Source[] }): JSX.Element {
  return (
    <ol class="rk-source-list">
      {sources.map((source) => (
        <li>
          <SourceTitle source={source} />
          <span class="rk-muted" safe>
            {ctx.tFormat(`（${sourceByline(ctx, source)}）`, ` (${sourceByline(ctx, source)})`)}
          </span>
        </li>
      ))}
    </ol>
  );
}
