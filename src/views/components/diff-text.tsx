// A line-by-line comparison of two texts (an earlier version and the current one), shared by the
// back-office pages that keep versions (news, site pages, PR pages; see version-history.tsx).
// Removed lines are <del>, added <ins>.
import { diffLines } from 'diff';
import type { PageContext } from '../context.ts';

export function DiffText({ ctx, before, after }: { ctx: PageContext; before: string; after: string }): JSX.Element {
  if (before === after) return <p class="rk-muted">{ctx.t('変更なし', 'No change')}</p>;
  return (
    <pre class="rk-diff">
      {diffLines(before, after).map((part) =>
        part.added ? (
          <ins safe>{part.value}</ins>
        ) : part.removed ? (
          <del safe>{part.value}</del>
        ) : (
          <span safe>{part.value}</span>
        ),
      )}
    </pre>
  );
}
