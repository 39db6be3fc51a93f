import type { PageContext } from '../../views/context.ts';
import { formatDate } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';

/** Milestones of the project, each from a public source (see ../shared/research/domain.md §0). */
const milestones: Array<{ date: string; ja: string; en: string }> = [
  { date: '2014-09-16', ja: '特別区長会が趣意書を発表し、特別区全国連携プロジェクトを開始', en: 'The Special Ward Mayors’ Association publishes its prospectus and starts the project' },
  { date: '2015-06-30', ja: '特別区全国連携プロジェクトのホームページを開設', en: 'The project’s website opens' },
  { date: '2016-04-26', ja: '全国連携シンポジウムを開催。北海道町村会、京都府市長会・京都府町村会と広域連携協定を締結', en: 'National symposium; wide-area agreements with the Hokkaido, Kyoto city and Kyoto town-and-village associations' },
  { date: '2018-05-01', ja: '埼玉県町村会と協定を締結（11団体321自治体に）', en: 'Agreement with the Saitama town-and-village association (11 associations, 321 municipalities)' },
  { date: '2018-08-23', ja: '第一生命保険株式会社と初の企業との包括連携協定を締結', en: 'First comprehensive agreement with a company (Dai-ichi Life)' },
  { date: '2022-03-29', ja: '明治安田生命保険相互会社と包括連携協定を締結', en: 'Comprehensive agreement with Meiji Yasuda Life' },
];

export function AboutPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const title = ctx.t('プロジェクトについて', 'About the project');
  return (
    <Layout ctx={ctx} title={title} section="about" breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { label: title }]}>
      <h1 class="rk-heading-1">
        {title}
      </h1>
      <p class="rk-lead">
        {ctx.t(
          '特別区全国連携プロジェクトは、東京と各地域を対立する関係としてではなく、ともに発展する関係として捉え、特別区長会が2014年（平成26年）9月に始めた取組みです。区民の暮らしが全国各地域に支えられていることを踏まえ、23区が一体となって全国の自治体との連携・交流を進めています。',
          'The project was started by the Special Ward Mayors’ Association in September 2014. It treats Tokyo and the rest of Japan not as rivals but as partners that grow together: the lives of ward residents rest on the whole country, so the 23 wards work together with municipalities nationwide.',
        )}
      </p>
      <h2 class="rk-heading-2">{ctx.t('目標', 'Goals')}</h2>
      <ul class="rk-goals">
        <li>{ctx.t('共存共栄による日本の元気創造', 'Revitalising Japan through coexistence and mutual prosperity')}</li>
        <li>{ctx.t('相互補完による地域課題の克服', 'Overcoming local challenges by complementing each other')}</li>
        <li>{ctx.t('信頼関係・絆の強化', 'Strengthening trust and ties')}</li>
      </ul>
      <h2 class="rk-heading-2">{ctx.t('運営', 'Organisers')}</h2>
      <p>
        {ctx.t(
          '特別区長会と公益財団法人特別区協議会が連携して運営しています。特別区長会は、東京23区の区長で組織する団体です（1947年（昭和22年）5月1日設立）。',
          'The project is run jointly by the Special Ward Mayors’ Association (the 23 ward mayors, founded on 1 May 1947) and the Special Wards Council Foundation.',
        )}
      </p>
      <h2 class="rk-heading-2">{ctx.t('これまでの歩み', 'Milestones')}</h2>
      <ol class="rk-timeline">
        {milestones.map((m) => (
          <li class="rk-timeline__item">
            <time class="rk-timeline__date" datetime={m.date} safe>
              {formatDate(ctx, m.date)}
            </time>
            <span safe>{ctx.tFormat(m.ja, m.en)}</span>
          </li>
        ))}
      </ol>
    </Layout>
  );
}

export function AccessibilityPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const title = ctx.t('ウェブアクセシビリティ方針', 'Accessibility policy');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { label: title }]}>
      <h1 class="rk-heading-1">
        {title}
      </h1>
      <p>
        {ctx.t(
          '特別区全国連携プロジェクトのウェブサイトは、高齢の方や障害のある方を含め、誰もが利用しやすいサイトを目指しています。',
          'This website aims to be usable by everyone, including older people and people with disabilities.',
        )}
      </p>
      <h2 class="rk-heading-2">{ctx.t('目標とする適合レベル', 'Target conformance level')}</h2>
      <p>
        {ctx.t(
          'JIS X 8341-3:2016 の適合レベルAAに準拠すること、あわせてWCAG 2.2 のレベルAAを満たすことを目標とします。',
          'We aim to conform to JIS X 8341-3:2016 level AA and to meet WCAG 2.2 level AA.',
        )}
      </p>
      <h2 class="rk-heading-2">{ctx.t('対象範囲', 'Scope')}</h2>
      <p>
        {ctx.t('このウェブサイトの公開ページ、会員ページおよび事務局の管理ページのすべてのページテンプレート。', 'Every page template of this site: public pages, member pages and the secretariat’s pages.')}
      </p>
      <h2 class="rk-heading-2">{ctx.t('取組み', 'What we do')}</h2>
      <ul>
        <li>{ctx.t('変更のたびに、すべてのページテンプレートを自動検査（axe-core）し、違反がないことを確認しています。', 'Every change is checked automatically with axe-core on every page template; no violation may remain.')}</li>
        <li>{ctx.t('JavaScriptが無効でも、すべてのページと入力フォームを利用できます。', 'Every page and form works without JavaScript.')}</li>
        <li>{ctx.t('地図やグラフには、同じ内容の表を併記します。', 'Maps and charts come with a table of the same data.')}</li>
        <li>{ctx.t('外部のサーバーから文字や画像を読み込まないため、庁内ネットワークからも同じ表示で利用できます。', 'Nothing is loaded from other servers, so the site looks the same from behind government proxies.')}</li>
      </ul>
      <p class="rk-muted">
        {ctx.t(
          'JIS X 8341-3:2016 附属書JBおよびWAICの試験実施ガイドラインに基づく試験の結果は、実施後に公開します。',
          'Results of a test following JIS X 8341-3:2016 Annex JB and the WAIC test guidelines will be published once carried out.',
        )}
      </p>
    </Layout>
  );
}
