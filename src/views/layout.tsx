// The page frame every HTML response uses: skip link, header with navigation and the language
// switch, main landmark, footer with the organisers' contacts (from the project's pamphlet).
import type { Children } from '@kitajs/html';
import { assetUrl } from './assets.ts';
import type { PageContext } from './context.ts';
import { CsrfField } from './components/form-fields.tsx';

export interface LayoutProps {
  ctx: PageContext;
  /** The page's own title; the site name is appended. */
  title: string;
  /** Top-level section this page belongs to, to mark the current navigation item. */
  section?: 'home' | 'about' | 'news' | 'events' | 'collaboration' | 'projects' | 'wards' | 'municipalities' | 'none';
  breadcrumbs?: Array<{ href?: string; label: string }>;
  /** One or two sentences for search results and shared links (OGP); the site's own by default. */
  description?: string;
  /** 'article' for a news article or an event; 'website' otherwise (OGP). */
  ogType?: 'website' | 'article';
  /** Feeds announced in the head (RSS, Atom, iCalendar) with `<link rel="alternate">`. */
  alternates?: Array<{ type: string; href: string; title: string }>;
  children?: Children;
}

export function siteName(ctx: PageContext): string {
  return ctx.t('特別区全国連携プロジェクト', 'Tokyo 23 City All Nippon Collaboration Project');
}

export function Layout({ ctx, title, section = 'none', breadcrumbs, description, ogType = 'website', alternates = [], children }: LayoutProps): JSX.Element {
  const nav = [
    { id: 'home', href: '/', label: ctx.t('トップ', 'Home') },
    { id: 'about', href: '/about', label: ctx.t('プロジェクトについて', 'About') },
    { id: 'news', href: '/news', label: ctx.t('お知らせ', 'News') },
    { id: 'events', href: '/events', label: ctx.t('イベント', 'Events') },
    { id: 'collaboration', href: '/collaboration', label: ctx.t('連携の状況', 'Collaboration') },
    { id: 'projects', href: '/projects', label: ctx.t('連携事業', 'Projects') },
    { id: 'wards', href: '/wards', label: ctx.t('特別区', 'Special wards') },
    { id: 'municipalities', href: '/municipalities', label: ctx.t('全国の自治体', 'Municipalities') },
  ] as const;
  const otherLang = ctx.lang === 'ja' ? 'en' : 'ja';
  const switchHref = `/lang/${otherLang}?next=${encodeURIComponent(ctx.currentUrl)}`;
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} | ${siteName(ctx)}`}</title>
          <SharingMeta ctx={ctx} title={title} description={description ?? siteDescription(ctx)} type={ogType} />
          <link rel="stylesheet" href={assetUrl('tokens.css')} />
          <link rel="stylesheet" href={assetUrl('site.css')} />
          <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
          {alternates.map((a) => (
            <link rel="alternate" type={a.type} href={a.href} title={a.title} />
          ))}
        </head>
        <body>
          <a class="rk-skip-link" href="#main">
            {ctx.t('本文へ移動', 'Skip to main content')}
          </a>
          <header class="rk-header">
            <div class="rk-header__inner">
              <a class="rk-header__brand" href="/">
                <span class="rk-header__mark" aria-hidden="true">
                  連携
                </span>
                <span class="rk-header__name" safe>
                  {siteName(ctx)}
                </span>
              </a>
              <div class="rk-header__tools">
                <a class="rk-header__link" href="/search">
                  {ctx.t('サイト内検索', 'Search')}
                </a>
                <a class="rk-header__lang" href={switchHref} lang={otherLang} hreflang={otherLang}>
                  {otherLang === 'en' ? 'English' : '日本語'}
                </a>
                {ctx.viewer ? (
                  <>
                    <a class="rk-header__link" href="/member">
                      {ctx.t('マイページ', 'My page')}
                      <span class="rk-header__who" safe>
                        {ctx.tFormat(`（${ctx.viewer.displayName}）`, ` (${ctx.viewer.displayName})`)}
                      </span>
                    </a>
                    <a class="rk-header__link" href="/board">
                      {ctx.t('掲示板', 'Board')}
                    </a>
                    {ctx.viewer.role === 'secretariat' ? (
                      <a class="rk-header__link" href="/admin">
                        {ctx.t('事務局', 'Secretariat')}
                      </a>
                    ) : (
                      ''
                    )}
                    <form class="rk-header__logout" action="/logout" method="post">
                      <CsrfField ctx={ctx} />
                      <button class="rk-header__button" type="submit">
                        {ctx.t('ログアウト', 'Sign out')}
                      </button>
                    </form>
                  </>
                ) : (
                  <>
                    <a class="rk-header__link" href="/login">
                      {ctx.t('ログイン', 'Sign in')}
                    </a>
                    <a class="rk-header__link" href="/register">
                      {ctx.t('会員登録', 'Register')}
                    </a>
                  </>
                )}
              </div>
            </div>
            {/* On a phone the menu is closed and opens as the target of the メニュー link: no script. */}
            <a class="rk-menu-open" href="#site-menu">
              {ctx.t('メニュー', 'Menu')}
            </a>
            <nav id="site-menu" class="rk-nav" aria-label={ctx.t('メインメニュー', 'Main menu')}>
              <ul class="rk-nav__list">
                {nav.map((item) => (
                  <li>
                    <a class="rk-nav__link" href={item.href} aria-current={item.id === section ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
              <a class="rk-menu-close" href="#">
                {ctx.t('メニューを閉じる', 'Close the menu')}
              </a>
            </nav>
          </header>
          {breadcrumbs && breadcrumbs.length > 0 ? (
            <nav class="rk-breadcrumbs" aria-label={ctx.t('現在位置', 'Breadcrumb')}>
              <ol class="rk-breadcrumbs__list">
                {breadcrumbs.map((b) => (
                  <li class="rk-breadcrumbs__item">
                    {b.href ? (
                      <a href={b.href} safe>
                        {b.label}
                      </a>
                    ) : (
                      <span aria-current="page" safe>
                        {b.label}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            </nav>
          ) : (
            ''
          )}
          <main id="main" class="rk-main" tabindex="-1">
            {children}
          </main>
          <Footer ctx={ctx} />
        </body>
      </html>
    </>
  );
}

export function siteDescription(ctx: PageContext): string {
  return ctx.t(
    '東京23区と全国各地域が、ともに発展・成長し共存共栄を図るための特別区全国連携プロジェクトの公式サイトです。',
    'The official site of the project in which the 23 special wards of Tokyo and municipalities all over Japan grow together.',
  );
}

/** The page's address without the query parts that only change how it is shown to one visitor. */
export function canonicalUrl(ctx: PageContext): string {
  const url = new URL(ctx.currentUrl, 'http://canonical.invalid');
  for (const transient of ['done', 'lang', 'next']) url.searchParams.delete(transient);
  const query = url.searchParams.toString();
  return `${ctx.siteUrl}${url.pathname}${query ? `?${query}` : ''}`;
}

/**
 * The canonical address and the Open Graph / card metadata that chat tools and social networks
 * read when a page is shared. Plain meta elements: no script and nothing from another origin.
 */
function SharingMeta({ ctx, title: rawTitle, description: rawDescription, type }: { ctx: PageContext; title: string; description: string; type: 'website' | 'article' }): JSX.Element {
  const url = canonicalUrl(ctx);
  // Angle brackets are harmless inside an attribute, but the previews other tools build from these
  // values may not escape them: they are shown as full-width brackets.
  const plain = (text: string) => text.replace(/</g, '＜').replace(/>/g, '＞');
  const title = plain(rawTitle);
  const description = plain(rawDescription);
  return (
    <>
      <meta name="description" content={description} />
      <link rel="canonical" href={url} />
      <meta property="og:site_name" content={siteName(ctx)} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:type" content={type} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={ctx.lang === 'en' ? 'en_US' : 'ja_JP'} />
      <meta property="og:image" content={`${ctx.siteUrl}${assetUrl('og-image.png')}`} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:site" content="@Zenkoku_Renkei" />
    </>
  );
}

function Footer({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <footer class="rk-footer">
      <div class="rk-footer__inner">
        <section class="rk-footer__contacts" aria-labelledby="footer-contacts">
          <h2 id="footer-contacts" class="rk-footer__heading">
            {ctx.t('お問い合わせ', 'Contact')}
          </h2>
          <dl class="rk-footer__list">
            <div>
              <dt>{ctx.t('特別区全国連携プロジェクトについて', 'About the project')}</dt>
              <dd>
                {ctx.t('特別区長会事務局 調査第1課 全国連携プロジェクト担当', 'Secretariat of the Special Ward Mayors’ Association, Research Section 1')}
                <br />
                {ctx.t('電話', 'Tel.')} <a href="tel:0352109747">03-5210-9747</a>
              </dd>
            </div>
            <div>
              <dt>{ctx.t('会員専用ホームページ・会員登録・公式SNSについて', 'Members’ site, registration and official social media')}</dt>
              <dd>
                {ctx.t('公益財団法人特別区協議会 事業部事業推進課', 'Special Wards Council Foundation, Project Promotion Section')}
                <br />
                {ctx.t('電話', 'Tel.')} <a href="tel:0352109067">03-5210-9067</a>
              </dd>
            </div>
          </dl>
        </section>
        <ul class="rk-footer__links">
          <li>
            <a href="/about">{ctx.t('プロジェクトについて', 'About')}</a>
          </li>
          <li>
            <a href="/contact">{ctx.t('お問い合わせ', 'Contact')}</a>
          </li>
          <li>
            <a href="/site-policy">{ctx.t('サイトポリシー', 'Site policy')}</a>
          </li>
          <li>
            <a href="/privacy">{ctx.t('プライバシーポリシー', 'Privacy policy')}</a>
          </li>
          <li>
            <a href="/accessibility">{ctx.t('ウェブアクセシビリティ方針', 'Accessibility policy')}</a>
          </li>
          <li>
            <a href="/sitemap">{ctx.t('サイトマップ', 'Site map')}</a>
          </li>
          <li>
            <a href="https://x.com/Zenkoku_Renkei" rel="noopener noreferrer">
              {ctx.t('公式X（旧Twitter）@Zenkoku_Renkei', 'Official X (Twitter) @Zenkoku_Renkei')}
            </a>
          </li>
        </ul>
        <p class="rk-footer__org">
          {ctx.t('運営：特別区長会・公益財団法人特別区協議会', 'Run by the Special Ward Mayors’ Association and the Special Wards Council Foundation')}
        </p>
      </div>
    </footer>
  );
}
