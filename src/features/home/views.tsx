import type { PageContext } from '../../views/context.ts';
import { formatCount } from '../../views/format.ts';
import { Layout, siteName } from '../../views/layout.tsx';
import { HeadlineFiguresSection, type Headline } from '../registry/index.ts';
import { LatestNewsSection, type ArticleSummary } from '../news/index.ts';
import { UpcomingEventsSection, type Event } from '../events/index.ts';
import { RecentPrSection, type PrSummary } from '../pr/index.ts';
import type { MasterDataSummary } from './queries.ts';

export function HomePage({ ctx, summary, figures, news, events, prPages }: { ctx: PageContext; summary: MasterDataSummary; figures: Headline; news: ArticleSummary[]; events: Event[]; prPages: PrSummary[] }): JSX.Element {
  return (
    <Layout ctx={ctx} title={ctx.t('トップ', 'Home')} section="home">
      <section class="rk-hero" aria-labelledby="hero-title">
        <p class="rk-hero__eyebrow">Tokyo 23 City All Nippon Collaboration Project</p>
        <h1 id="hero-title" class="rk-hero__title" safe>
          {siteName(ctx)}
        </h1>
        <p class="rk-hero__lead">
          {ctx.t(
            '東京23区と全国各地域が、ともに発展・成長し共存共栄を図るためのプロジェクトです。産業・観光・文化・スポーツなど様々な分野で、自治体どうしの連携・交流を進めています。',
            'A project in which the 23 special wards of Tokyo and municipalities all over Japan grow together, through collaboration in industry, tourism, culture, sport and disaster support.',
          )}
        </p>
        <form class="rk-search" action="/municipalities" method="get" role="search">
          <label class="rk-search__label" for="home-q">
            {ctx.t('全国の自治体をさがす', 'Find a municipality')}
          </label>
          <p id="home-q-hint" class="rk-hint">
            {ctx.t('名称・よみがな・団体コードで検索できます（例：ちよだ、131016）', 'Search by name, reading or code (e.g. 千代田, 131016)')}
          </p>
          <div class="rk-search__row">
            <input id="home-q" class="rk-input" type="search" name="q" maxlength="100" aria-describedby="home-q-hint" />
            <button class="rk-button" type="submit">
              {ctx.t('検索', 'Search')}
            </button>
          </div>
        </form>
      </section>

      <div class="rk-columns">
        <LatestNewsSection ctx={ctx} rows={news} />
        <UpcomingEventsSection ctx={ctx} events={events} />
      </div>

      <RecentPrSection ctx={ctx} pages={prPages} />

      <HeadlineFiguresSection ctx={ctx} figures={figures} />

      <section class="rk-section" aria-labelledby="master-title">
        <h2 id="master-title" class="rk-heading-2">
          {ctx.t('全国の自治体', 'Local governments of Japan')}
        </h2>
        <p safe>
          {ctx.tFormat(
            `Renkeiは全国${formatCount(summary.prefectures)}都道府県・${formatCount(summary.municipalities)}市区町村（市${formatCount(summary.byKind.市)}・町${formatCount(summary.byKind.町)}・村${formatCount(summary.byKind.村)}・特別区${formatCount(summary.byKind.特別区)}）を全国地方公共団体コードで管理しています。`,
            `Renkei keeps all ${formatCount(summary.prefectures)} prefectures and ${formatCount(summary.municipalities)} municipalities (${formatCount(summary.byKind.市)} cities, ${formatCount(summary.byKind.町)} towns, ${formatCount(summary.byKind.村)} villages and ${formatCount(summary.byKind.特別区)} special wards) by their local government code.`,
          )}
        </p>
        <p>
          <a class="rk-link-arrow" href="/municipalities">
            {ctx.t('自治体の一覧を見る', 'Browse all municipalities')}
          </a>
        </p>
      </section>

      <section class="rk-section" aria-labelledby="about-title">
        <h2 id="about-title" class="rk-heading-2">
          {ctx.t('プロジェクトの目標', 'Goals of the project')}
        </h2>
        <ul class="rk-goals">
          <li>{ctx.t('共存共栄による日本の元気創造', 'Revitalising Japan through coexistence and mutual prosperity')}</li>
          <li>{ctx.t('相互補完による地域課題の克服', 'Overcoming local challenges by complementing each other')}</li>
          <li>{ctx.t('信頼関係・絆の強化', 'Strengthening trust and ties')}</li>
        </ul>
        <p>
          <a class="rk-link-arrow" href="/about">
            {ctx.t('プロジェクトについて詳しく見る', 'More about the project')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
