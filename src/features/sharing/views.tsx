// The sitemap page: the site's sections for people (sitemap.xml lists every address for crawlers),
// then the pages about the site with the titles the secretariat gave them.
import type { PageContext } from '../../views/context.ts';
import type { SitePageLink } from '../pages/index.ts';
import { Layout } from '../../views/layout.tsx';
import { sitePages } from './locations.ts';

export function SitemapPage({ ctx, pages }: { ctx: PageContext; pages: SitePageLink[] }): JSX.Element {
  const title = ctx.t('サイトマップ', 'Site map');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <ul class="rk-sitemap">
        {sitePages.map((p) => (
          <li>
            <a href={p.path} safe>
              {ctx.tFormat(p.ja, p.en)}
            </a>
          </li>
        ))}
        {pages.map((p) => (
          <li>
            <a href={p.path} safe>
              {ctx.lang === 'en' && p.en ? p.en : p.ja}
            </a>
          </li>
        ))}
        <li>
          <a href="/register">{ctx.t('会員登録（全国の自治体職員の方）', 'Register (staff of local governments)')}</a>
        </li>
        <li>
          <a href="/login">{ctx.t('ログイン', 'Sign in')}</a>
        </li>
      </ul>
      <p class="rk-note">
        {ctx.t('検索エンジン向けのサイトマップ：', 'For search engines: ')}
        <a href="/sitemap.xml">sitemap.xml</a>
      </p>
    </Layout>
  );
}
