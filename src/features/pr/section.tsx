// The public face of PR pages: the section shown on /municipalities/:code, the top page's few
// recent pages and the directory's badge. Texts are plain (paragraphs and line breaks kept), never
// HTML: whatever staff type is shown as text.
import type { PageContext } from '../../views/context.ts';
import { formatDate } from '../../views/format.ts';
import { fileUrl } from '../files/index.ts';
import { projectFieldByNumber } from '../registry/index.ts';
import type { PrSummary } from './queries.ts';
import type { PrPage } from './record.ts';

/** The page's address on the municipality's page. */
export function prPath(code: string): string {
  return `/municipalities/${code}#pr`;
}

export function photoUrls(photo: { fileId: string; thumbId: string }): { full: string; thumb: string } {
  return { full: fileUrl({ id: photo.fileId, name: 'photo.jpg' }), thumb: fileUrl({ id: photo.thumbId, name: 'photo-small.webp' }) };
}

/** Text typed in a textarea: blank lines make paragraphs, single new lines stay. */
export function Paragraphs({ text }: { text: string }): JSX.Element {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p) => (
          <p>
            {p.split('\n').map((line, i) => (
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

export function SampleNote({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <p class="rk-notice rk-notice--warning">
      {ctx.t('サンプル：表示の確認用に作った架空の内容です。自治体の実際の発表ではありません。', 'Sample: made-up content to show the page; not a statement of the municipality.')}
    </p>
  );
}

export function fieldName(ctx: PageContext, n: number): string {
  const field = projectFieldByNumber(n);
  return field ? ctx.tFormat(field.nameJa, field.nameEn) : String(n);
}

function TextPart({ id, title, text }: { id: string; title: string; text: string }): JSX.Element {
  if (!text) return '';
  return (
    <section aria-labelledby={id}>
      <h3 id={id} class="rk-heading-3" safe>
        {title}
      </h3>
      <Paragraphs text={text} />
    </section>
  );
}

/** The PR section of a municipality's page (only for a visible page; the caller checks). */
export function PrSection({ ctx, page, name }: { ctx: PageContext; page: PrPage; name: string }): JSX.Element {
  return (
    <section id="pr" class="rk-section" aria-labelledby="pr-title">
      <h2 id="pr-title" class="rk-heading-2" safe>
        {ctx.tFormat(`${name}からのPR`, `From ${name}`)}
      </h2>
      {page.provenance === 'sample' ? <SampleNote ctx={ctx} /> : ''}
      <p class="rk-lead" safe>
        {page.catchCopy}
      </p>
      <PrBody ctx={ctx} page={page} />
      <p class="rk-muted" safe>
        {ctx.tFormat(`最終更新：${formatDate(ctx, page.updatedAt)}（${name}が作成）`, `Last updated ${formatDate(ctx, page.updatedAt)} (written by ${name})`)}
      </p>
    </section>
  );
}

/** Photos and texts of a page (also the secretariat's view of a version). */
export function PrBody({ ctx, page }: { ctx: PageContext; page: Pick<PrPage, 'photos' | 'introduction' | 'specialities' | 'sightseeing' | 'relocation' | 'fields' | 'contactDepartment' | 'contactPhone' | 'contactEmail' | 'links' | 'sourceUrl'> }): JSX.Element {
  const hasContact = page.contactDepartment || page.contactPhone || page.contactEmail;
  return (
    <>
      {page.photos.length > 0 ? (
        <ul class="rk-photos" aria-label={ctx.t('写真', 'Photos')}>
          {page.photos.map((photo) => {
            const urls = photoUrls(photo);
            return (
              <li>
                <figure class="rk-photo">
                  <a href={urls.full}>
                    <img src={urls.thumb} alt={photo.alt} loading="lazy" />
                  </a>
                  {photo.caption ? <figcaption safe>{photo.caption}</figcaption> : ''}
                </figure>
              </li>
            );
          })}
        </ul>
      ) : (
        ''
      )}
      <TextPart id="pr-introduction" title={ctx.t('紹介', 'Introduction')} text={page.introduction} />
      <TextPart id="pr-specialities" title={ctx.t('特産品', 'Specialities')} text={page.specialities} />
      <TextPart id="pr-sightseeing" title={ctx.t('観光', 'Sightseeing')} text={page.sightseeing} />
      <TextPart id="pr-relocation" title={ctx.t('移住・二地域居住の情報', 'Moving here')} text={page.relocation} />
      {page.fields.length > 0 ? (
        <section aria-labelledby="pr-fields">
          <h3 id="pr-fields" class="rk-heading-3">
            {ctx.t('連携したい分野', 'Fields for collaboration')}
          </h3>
          <ul>
            {page.fields.map((n) => (
              <li safe>{fieldName(ctx, n)}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {hasContact ? (
        <section aria-labelledby="pr-contact">
          <h3 id="pr-contact" class="rk-heading-3">
            {ctx.t('問い合わせ先', 'Contact')}
          </h3>
          <dl class="rk-facts">
            {page.contactDepartment ? (
              <div class="rk-facts__row">
                <dt>{ctx.t('担当部署', 'Department')}</dt>
                <dd safe>{page.contactDepartment}</dd>
              </div>
            ) : (
              ''
            )}
            {page.contactPhone ? (
              <div class="rk-facts__row">
                <dt>{ctx.t('電話', 'Phone')}</dt>
                <dd safe>{page.contactPhone}</dd>
              </div>
            ) : (
              ''
            )}
            {page.contactEmail ? (
              <div class="rk-facts__row">
                <dt>{ctx.t('メール', 'E-mail')}</dt>
                <dd>
                  <a href={`mailto:${page.contactEmail}`} safe>
                    {page.contactEmail}
                  </a>
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
      {page.links.length > 0 ? (
        <section aria-labelledby="pr-links">
          <h3 id="pr-links" class="rk-heading-3">
            {ctx.t('公式リンク', 'Official links')}
          </h3>
          <ul>
            {page.links.map((l) => (
              <li>
                <a href={l.url} rel="noopener" safe>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {page.sourceUrl ? (
        <p class="rk-note">
          {ctx.t('出典：', 'Source: ')}
          <a href={page.sourceUrl} safe>
            {page.sourceUrl}
          </a>
        </p>
      ) : (
        ''
      )}
    </>
  );
}

/** The top page's few recently updated PR pages. */
export function RecentPrSection({ ctx, pages }: { ctx: PageContext; pages: readonly PrSummary[] }): JSX.Element {
  if (pages.length === 0) return '';
  return (
    <section class="rk-section" aria-labelledby="recent-pr-title">
      <h2 id="recent-pr-title" class="rk-heading-2">
        {ctx.t('自治体からのPR', 'From the municipalities')}
      </h2>
      <ul class="rk-news-list">
        {pages.map((p) => (
          <li class="rk-news-item">
            <h3 class="rk-news-item__title rk-heading-3">
              <a href={prPath(p.code)} safe>
                {`${p.prefectureName}${p.name}`}
              </a>
            </h3>
            <p class="rk-news-item__summary" safe>
              {p.catchCopy}
            </p>
            <p class="rk-news-item__meta rk-muted" safe>
              {ctx.tFormat(`${formatDate(ctx, p.updatedAt)} 更新${p.provenance === 'sample' ? '・サンプル' : ''}`, `Updated ${formatDate(ctx, p.updatedAt)}${p.provenance === 'sample' ? ' · sample' : ''}`)}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a class="rk-link-arrow" href="/municipalities?pr=1">
          {ctx.t('PRページのある自治体の一覧', 'Municipalities with a PR page')}
        </a>
      </p>
    </section>
  );
}

/** The directory's mark of a municipality with a visible PR page. */
export function PrBadge({ ctx }: { ctx: PageContext }): JSX.Element {
  return <span class="rk-badge">{ctx.t('PRページあり', 'PR page')}</span>;
}
