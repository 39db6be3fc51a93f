// One article as readers see it: on its public page and in the back office's preview. Everything it
// shows is resolved beforehand (files, names of related wards and municipalities, projects).
import type { StoredFile } from '../files/index.ts';
import { fileLabel, fileUrl } from '../files/index.ts';
import type { ProjectReference } from '../registry/index.ts';
import { eventDateText, eventPath, eventTitle, type Event } from '../events/index.ts';
import type { PageContext } from '../../views/context.ts';
import { formatDate } from '../../views/format.ts';
import { renderMarkdown } from '../../views/markdown.ts';
import { categoryLabel } from './categories.ts';
import type { GovernmentName } from './queries.ts';
import type { ArticleContent } from './record.ts';

export interface ResolvedArticle {
  content: ArticleContent;
  publishAt: string | null;
  files: Map<string, StoredFile>;
  governments: Map<string, GovernmentName>;
  projects: ProjectReference[];
  /** Related events that are published. */
  events: Event[];
}

/** 「2024年(令和6年)10月17日 掲載」 */
export function PostedOn({ ctx, at }: { ctx: PageContext; at: string }): JSX.Element {
  return (
    <time datetime={at} safe>
      {ctx.tFormat(`${formatDate(ctx, at)} 掲載`, `Posted ${formatDate(ctx, at)}`)}
    </time>
  );
}

export function CategoryBadge({ ctx, category }: { ctx: PageContext; category: string }): JSX.Element {
  return (
    <span class="rk-badge rk-badge--plain" safe>
      {categoryLabel(ctx, category)}
    </span>
  );
}

export function governmentLabel(g: GovernmentName): string {
  return `${g.prefecture}${g.name}`;
}

export function ArticleBody({ ctx, article, headingId }: { ctx: PageContext; article: ResolvedArticle; headingId: string }): JSX.Element {
  const { content } = article;
  const attachments = content.attachments.flatMap((a) => {
    const file = article.files.get(a.fileId);
    return file ? [{ ...a, file }] : [];
  });
  const photos = content.photos.flatMap((p) => {
    const file = article.files.get(p.fileId);
    return file ? [{ ...p, file }] : [];
  });
  const related = (kind: 'ward' | 'municipality') =>
    content.links.filter((l) => l.kind === kind).flatMap((l) => {
      const g = article.governments.get(l.target);
      return g ? [g] : [];
    });
  const wards = related('ward');
  // Rendered by markdown-it with raw HTML off and links/images filtered (src/views/markdown.ts).
  const safeBodyHtml = renderMarkdown(content.body);
  const municipalities = related('municipality');
  return (
    <article class="rk-article" aria-labelledby={headingId}>
      <p class="rk-article__meta">
        <CategoryBadge ctx={ctx} category={content.category} />
        {article.publishAt ? <PostedOn ctx={ctx} at={article.publishAt} /> : <span>{ctx.t('（未公開）', '(not published)')}</span>}
      </p>
      <h1 id={headingId} class="rk-heading-1" safe>
        {content.title}
      </h1>
      {content.summary ? (
        <p class="rk-lead" safe>
          {content.summary}
        </p>
      ) : (
        ''
      )}
      <div class="rk-prose">{safeBodyHtml}</div>
      {attachments.length > 0 ? (
        <section class="rk-section" aria-labelledby="article-files">
          <h2 id="article-files" class="rk-heading-2">
            {ctx.t('資料', 'Documents')}
          </h2>
          <ul class="rk-link-list">
            {attachments.map((a) => (
              <li>
                <a href={fileUrl(a.file)} download={a.file.name}>
                  <span safe>{a.label}</span>
                  <span class="rk-muted" safe>
                    {ctx.tFormat(`（${fileLabel(a.file)}）`, ` (${fileLabel(a.file)})`)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {photos.length > 0 ? (
        <section class="rk-section" aria-labelledby="article-photos">
          <h2 id="article-photos" class="rk-heading-2">
            {ctx.t('写真', 'Photos')}
          </h2>
          <ul class="rk-photos">
            {photos.map((p) => (
              <li>
                <figure class="rk-photo">
                  <img src={fileUrl(p.file)} alt={p.label} loading="lazy" />
                  {p.caption ? <figcaption safe>{p.caption}</figcaption> : ''}
                </figure>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {wards.length + municipalities.length + article.projects.length + article.events.length > 0 ? (
        <section class="rk-section" aria-labelledby="article-related">
          <h2 id="article-related" class="rk-heading-2">
            {ctx.t('関連情報', 'Related')}
          </h2>
          <dl class="rk-facts">
            {wards.length > 0 ? (
              <div class="rk-facts__row">
                <dt>{ctx.t('特別区', 'Special wards')}</dt>
                <dd>
                  <ul class="rk-inline-list">
                    {wards.map((w) => (
                      <li>
                        <a href={`/wards/${w.code}`} safe>
                          {w.name}
                        </a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : (
              ''
            )}
            {municipalities.length > 0 ? (
              <div class="rk-facts__row">
                <dt>{ctx.t('自治体', 'Local governments')}</dt>
                <dd>
                  <ul class="rk-inline-list">
                    {municipalities.map((m) => (
                      <li>
                        <a href={`/municipalities/${m.code}`} safe>
                          {governmentLabel(m)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : (
              ''
            )}
            {article.projects.length > 0 ? (
              <div class="rk-facts__row">
                <dt>{ctx.t('連携事業', 'Collaboration projects')}</dt>
                <dd>
                  <ul class="rk-inline-list">
                    {article.projects.map((p) => (
                      <li>
                        <a href={p.href} safe>
                          {p.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : (
              ''
            )}
            {article.events.length > 0 ? (
              <div class="rk-facts__row">
                <dt>{ctx.t('イベント', 'Events')}</dt>
                <dd>
                  <ul class="rk-inline-list">
                    {article.events.map((e) => (
                      <li>
                        <a href={eventPath(e.id)} safe>
                          {eventTitle(ctx, e)}
                        </a>
                        <span class="rk-muted" safe>
                          {ctx.tFormat(`（${eventDateText(ctx, e)}）`, ` (${eventDateText(ctx, e)})`)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : (
              ''
            )}
          </dl>
        </section>
      ) : (
        ''
      )}
      {content.sourceUrl ? (
        <p class="rk-note">
          {ctx.t('出典：', 'Source: ')}
          <a href={content.sourceUrl} safe>
            {content.sourceUrl}
          </a>
        </p>
      ) : (
        ''
      )}
    </article>
  );
}
