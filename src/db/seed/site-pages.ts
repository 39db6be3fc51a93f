// The first texts of the site pages the secretariat edits (/admin/pages). Facts only from a source
// named beside them: the project's history (shared/research/domain.md §0), the contacts printed in
// the project's pamphlet 「会員登録のご案内」, and what this code base itself stores and tests (for
// the privacy policy and the accessibility test result). What only the secretariat can know (the
// postal address, a mail address, a retention period the organisers decide) is left as a marked
// placeholder, never made up. Each page is inserted once, by its address: an edited page is never
// overwritten, and a text changed here later (the English site and privacy policies, added after the
// first release) reaches only a database seeded after it; an older one gets it through /admin/pages.
// The first test result goes in with the accessibility page, so a row the secretariat removed does
// not come back on the next start.
import type { Kysely } from 'kysely';
import { bumpRevision } from '../revisions.ts';
import type { Database } from '../schema.ts';

/** What the secretariat still has to write in (searched for by the admin list, which flags the page). */
export const placeholderMark = '（事務局で記入してください）';
/** The same placeholder in the English texts. */
export const placeholderMarkEn = '(to be filled in by the secretariat)';

interface SeedPage {
  slug: string;
  titleJa: string;
  titleEn: string;
  bodyJa: string;
  bodyEn: string;
}

const about: SeedPage = {
  slug: 'about',
  titleJa: 'プロジェクトについて',
  titleEn: 'About the project',
  bodyJa: [
    '特別区全国連携プロジェクトは、東京と各地域を対立する関係としてではなく、ともに発展する関係として捉え、特別区長会が2014年（平成26年）9月に始めた取組みです。区民の暮らしが全国各地域に支えられていることを踏まえ、23区が一体となって全国の自治体との連携・交流を進めています。',
    '',
    '## 目標',
    '',
    '- 共存共栄による日本の元気創造',
    '- 相互補完による地域課題の克服',
    '- 信頼関係・絆の強化',
    '',
    '## 運営',
    '',
    '特別区長会と公益財団法人特別区協議会が連携して運営しています。特別区長会は、東京23区の区長で組織する団体です（1947年（昭和22年）5月1日設立）。',
    '',
    '## これまでの歩み',
    '',
    '- 2014年(平成26年)9月16日　特別区長会が趣意書を発表し、特別区全国連携プロジェクトを開始',
    '- 2015年(平成27年)6月30日　特別区全国連携プロジェクトのホームページを開設（[出典](https://www.tokyo23city-kuchokai.jp/katsudo/zenkoku.html)）',
    '- 2016年(平成28年)4月26日　全国連携シンポジウムを開催。北海道町村会、京都府市長会・京都府町村会と広域連携協定を締結（[出典](http://collabo.tokyo-23city.or.jp/renkei/archive/2016/zenkoku_symposium_2016.html)）',
    '- 2018年(平成30年)5月1日　埼玉県町村会と協定を締結（11団体321自治体に）（[出典](https://www.nikkei.com/article/DGXMZO30043990R00C18A5L83000/)）',
    '- 2018年(平成30年)8月23日　第一生命保険株式会社と初の企業との包括連携協定を締結（[出典](https://www.sankei.com/region/amp/180824/rgn1808240003-a.html)）',
    '- 2022年(令和4年)3月29日　明治安田生命保険相互会社と包括連携協定を締結（[出典](https://collabo.tokyo-23city.or.jp/renkei/kucho-miryoku_2024.html)）',
  ].join('\n'),
  bodyEn: [
    'The project was started by the Special Ward Mayors’ Association in September 2014. It treats Tokyo and the rest of Japan not as rivals but as partners that grow together: the lives of ward residents rest on the whole country, so the 23 wards work together with municipalities nationwide.',
    '',
    '## Goals',
    '',
    '- Revitalising Japan through coexistence and mutual prosperity',
    '- Overcoming local challenges by complementing each other',
    '- Strengthening trust and ties',
    '',
    '## Organisers',
    '',
    'The project is run jointly by the Special Ward Mayors’ Association (the 23 ward mayors, founded on 1 May 1947) and the Special Wards Council Foundation.',
    '',
    '## Milestones',
    '',
    '- 16 September 2014: the Special Ward Mayors’ Association publishes its prospectus and starts the project',
    '- 30 June 2015: the project’s website opens ([source](https://www.tokyo23city-kuchokai.jp/katsudo/zenkoku.html))',
    '- 26 April 2016: national symposium; wide-area agreements with the Hokkaido, Kyoto city and Kyoto town-and-village associations ([source](http://collabo.tokyo-23city.or.jp/renkei/archive/2016/zenkoku_symposium_2016.html))',
    '- 1 May 2018: agreement with the Saitama town-and-village association (11 associations, 321 municipalities) ([source](https://www.nikkei.com/article/DGXMZO30043990R00C18A5L83000/))',
    '- 23 August 2018: first comprehensive agreement with a company (Dai-ichi Life) ([source](https://www.sankei.com/region/amp/180824/rgn1808240003-a.html))',
    '- 29 March 2022: comprehensive agreement with Meiji Yasuda Life ([source](https://collabo.tokyo-23city.or.jp/renkei/kucho-miryoku_2024.html))',
  ].join('\n'),
};

const contact: SeedPage = {
  slug: 'contact',
  titleJa: 'お問い合わせ',
  titleEn: 'Contact',
  bodyJa: [
    '内容に応じて、次の担当までお問い合わせください。受付時間は各担当の開庁時間に準じます。',
    '',
    '## 特別区全国連携プロジェクトについて',
    '',
    '特別区長会事務局 調査第1課 全国連携プロジェクト担当',
    '',
    '- 電話：[03-5210-9747](tel:0352109747)',
    `- 所在地：${placeholderMark}`,
    `- 受付時間：${placeholderMark}`,
    '',
    '## 会員専用ホームページ・会員登録・公式SNSについて',
    '',
    '公益財団法人特別区協議会 事業部事業推進課',
    '',
    '- 電話：[03-5210-9067](tel:0352109067)',
    `- 所在地：${placeholderMark}`,
    `- 受付時間：${placeholderMark}`,
    '',
    '## 各イベントについて',
    '',
    'イベントの内容・申込みは、各イベントのページに記載の問い合わせ先（主催の自治体またはイベント事務局）へお問い合わせください。',
    '',
    '## ご注意',
    '',
    '- このサイトには問い合わせ用の入力フォームはありません。',
    '- 会員の方のパスワードや二要素認証の設定は、ログイン後の「会員ページ」から変更できます。事務局が電話でパスワードを伺うことはありません。',
    '',
    '電話番号の出典：特別区全国連携プロジェクト「会員登録のご案内」（パンフレット）の「お問い合わせ」欄。',
  ].join('\n'),
  bodyEn: [
    'Please contact the office in charge of your question. Inquiries are answered in Japanese.',
    '',
    '## About the project',
    '',
    'Secretariat of the Special Ward Mayors’ Association, Research Section 1, National Collaboration Project',
    '',
    '- Tel.: [03-5210-9747](tel:0352109747)',
    '',
    '## Members’ site, registration and official social media',
    '',
    'Special Wards Council Foundation, Project Promotion Section',
    '',
    '- Tel.: [03-5210-9067](tel:0352109067)',
    '',
    '## Events',
    '',
    'For an event, contact the organiser named on the event’s page.',
    '',
    'Source of the telephone numbers: the project’s pamphlet for member registration (「会員登録のご案内」).',
  ].join('\n'),
};

const sitePolicy: SeedPage = {
  slug: 'site-policy',
  titleJa: 'サイトポリシー',
  titleEn: 'Site policy',
  bodyJa: [
    'このウェブサイトは、特別区長会と公益財団法人特別区協議会が運営する、特別区全国連携プロジェクトのウェブサイトです。ご利用の前に、次の事項をお読みください。',
    '',
    '## 著作権',
    '',
    'このサイトに掲載している文章・写真・図表などの著作権は、特別区長会、公益財団法人特別区協議会または原著作者に帰属します。私的使用や引用など、著作権法で認められた場合を除き、無断で転載・改変することはできません。',
    '',
    '出典を明記した記事・資料は、それぞれの出典の利用条件に従ってください。',
    '',
    '## リンク',
    '',
    'このサイトへのリンクは原則として自由です。リンクの際にご連絡は不要ですが、次のようなリンクはお断りします。',
    '',
    '- 法令や公序良俗に反するサイトからのリンク',
    '- このサイトのページを、他のサイトの一部であるかのように表示するリンク（フレーム内での表示など）',
    '',
    'このサイトから他のサイトへのリンク先の内容については、責任を負いかねます。',
    '',
    '## 免責事項',
    '',
    '掲載する情報には細心の注意を払っていますが、その正確性・完全性を保証するものではありません。このサイトの利用によって生じた損害について、運営者は責任を負いません。掲載内容は予告なく変更・削除することがあります。',
    '',
    'イベント情報は、各自治体から提供された情報や各自治体の公開情報をもとに掲載しています。開催の有無や内容は、各イベントの主催者にご確認ください。',
    '',
    '## 推奨する閲覧環境',
    '',
    '- 最新版の主要なブラウザ（Microsoft Edge、Google Chrome、Mozilla Firefox、Safari）でご覧ください。',
    '- JavaScript が無効でも、すべてのページと入力フォームを利用できます。',
    '- このサイトは外部のサーバーから文字・画像・スクリプトを読み込みません。',
    '',
    '## クッキー（Cookie）と個人情報',
    '',
    'このサイトが使うクッキーと、お預かりする個人情報の取扱いは、[プライバシーポリシー](/privacy)をご覧ください。',
    '',
    '## ウェブアクセシビリティ',
    '',
    '[ウェブアクセシビリティ方針](/accessibility)をご覧ください。',
  ].join('\n'),
  bodyEn: [
    'This is the website of the Tokyo 23 City All Nippon Collaboration Project, run by the Special Ward Mayors’ Association and the Special Wards Council Foundation. Please read the following before using it.',
    '',
    '## Copyright',
    '',
    'The copyright in the texts, photographs, figures and other material on this site belongs to the Special Ward Mayors’ Association, the Special Wards Council Foundation or the original authors. Except where the Copyright Act allows it, such as private use or quotation, it may not be reproduced or altered without permission.',
    '',
    'For articles and documents with a stated source, follow the terms of use of that source.',
    '',
    '## Links',
    '',
    'As a rule, you may link to this site freely. You need not tell us when you link, but we do not accept links such as these:',
    '',
    '- links from sites that break the law or offend public order and morals',
    '- links that show a page of this site as though it were part of another site (for example, inside a frame)',
    '',
    'We cannot take responsibility for the content of other sites linked from this site.',
    '',
    '## Disclaimer',
    '',
    'We take great care with the information we publish, but we do not guarantee that it is accurate or complete. The operators accept no liability for any damage arising from the use of this site. Content may be changed or removed without notice.',
    '',
    'Event information is published on the basis of information provided by each municipality and information each municipality has made public. Please check with the organiser of each event whether it takes place and what it involves.',
    '',
    '## Recommended browsers',
    '',
    '- Please use the latest version of a major browser (Microsoft Edge, Google Chrome, Mozilla Firefox, Safari).',
    '- Every page and form can be used with JavaScript turned off.',
    '- This site loads no fonts, images or scripts from other servers.',
    '',
    '## Cookies and personal information',
    '',
    'For the cookies this site uses and how the personal information we hold is handled, see the [privacy policy](/privacy).',
    '',
    '## Web accessibility',
    '',
    'See the [accessibility policy](/accessibility).',
  ].join('\n'),
};

const privacy: SeedPage = {
  slug: 'privacy',
  titleJa: 'プライバシーポリシー（個人情報の取扱い）',
  titleEn: 'Privacy policy',
  bodyJa: [
    '特別区長会と公益財団法人特別区協議会（以下「運営者」）は、このウェブサイトで取り扱う個人情報を、個人情報の保護に関する法律その他の関係法令に従い、適切に取り扱います。',
    '',
    '## ログインせずに閲覧する方',
    '',
    '- 氏名や連絡先などの個人情報を入力していただくことはありません。',
    '- アクセス解析のためのサービスや広告、外部のサーバーからのスクリプトは使っていません。',
    '- 不正な送信への対策として、送信元のIPアドレスを、回数制限の計数（原則として24時間以内に削除）と、不正な送信の記録（操作記録）に使います。',
    '- サーバーの動作記録（ログ）に、アクセスしたページと送信元のIPアドレスが残ることがあります。',
    '',
    '## 会員登録をする方（全国の自治体の職員）',
    '',
    '会員登録では、次の情報をお預かりします。',
    '',
    '- メールアドレス、所属する自治体、所属部署、氏名、氏名のふりがな、表示名、電話番号',
    '- パスワード（復元できない形に変換して保存し、運営者も元のパスワードを知ることはできません）',
    '- 二要素認証を設定した場合はその設定情報（暗号化して保存）と、予備のコード（復元できない形で保存）',
    '- 利用規約に同意した日時、メールアドレスを確認した日時、承認の記録',
    '',
    '利用の目的は次のとおりです。',
    '',
    '- 自治体の職員であることの確認と、会員の承認',
    '- ログインと、本人であることの確認',
    '- 会員あての連絡（登録の確認、パスワードの再設定、お知らせの通知。通知の頻度は会員ページで選べます）',
    '- 自治体のPRページやイベント情報の登録・管理',
    '',
    'メールアドレスの確認が24時間以内に行われなかった申込みは、自動的に削除します。',
    '',
    '## ログイン中の記録',
    '',
    '- ログインごとに、ログインの記録（セッション）として、開始日時、最後に利用した日時、IPアドレス、ブラウザの種類（User-Agent）を保存します。会員ページの「ログイン中の端末」で確認・終了できます。セッションは、30分操作がないとき、または開始から12時間で終了し、その後削除します。',
    '- ログイン、ログインの失敗、パスワードの変更、承認、記事の更新などの操作は、日時・操作した会員・IPアドレスとともに操作記録（監査ログ）に残します。不正利用の調査のためで、事務局だけが閲覧できます。',
    `- 操作記録の保存期間：${placeholderMark}`,
    '',
    '## クッキー（Cookie）',
    '',
    'このサイトは、次のクッキーだけを使います。いずれもこのサイトの動作に必要なもので、他のサイトに送られることはなく、広告や行動の追跡には使いません。',
    '',
    '| 名前 | 目的 | 保存期間 |',
    '| --- | --- | --- |',
    '| renkei_session（HTTPSでは __Host-renkei_session） | ログイン状態の保持 | ログインから最長12時間 |',
    '| renkei_csrf（HTTPSでは __Host-renkei_csrf） | なりすましによるフォーム送信（CSRF）の防止 | ブラウザを閉じるまで |',
    '| lang | 表示言語（日本語・English）の選択 | 1年 |',
    '',
    'クッキーを無効にしても閲覧はできますが、ログインやフォームの送信はできません。',
    '',
    '## 第三者への提供',
    '',
    '法令に基づく場合を除き、ご本人の同意なく個人情報を第三者に提供しません。会員の表示名は、氏名の代わりに会員向けの画面に表示されます。',
    '',
    '## 安全管理',
    '',
    '通信の暗号化、パスワードの不可逆な変換、事務局の二要素認証の義務化、権限による閲覧の制限、操作記録などにより、個人情報の漏えい・滅失・毀損の防止に努めます。',
    '',
    '## 開示・訂正・削除',
    '',
    '登録した情報の多くは、会員ページから確認・変更できます。開示・訂正・利用停止・削除のご請求は、[お問い合わせ](/contact)に記載の公益財団法人特別区協議会 事業部事業推進課までご連絡ください。',
    '',
    `## 制定日・改定日`,
    '',
    `${placeholderMark}`,
  ].join('\n'),
  bodyEn: [
    'The Special Ward Mayors’ Association and the Special Wards Council Foundation (“the operators”) handle the personal information dealt with on this website properly, in accordance with the Act on the Protection of Personal Information and other relevant laws and regulations.',
    '',
    '## Visitors who do not sign in',
    '',
    '- You are never asked to enter personal information such as your name or contact details.',
    '- We use no analytics services, no advertising and no scripts from other servers.',
    '- To counter abusive submissions, the sender’s IP address is used for counting against rate limits (as a rule deleted within 24 hours) and for recording abusive submissions (the operations log).',
    '- The server’s operating records (logs) may contain the pages accessed and the sender’s IP address.',
    '',
    '## Those who register as members (staff of municipalities nationwide)',
    '',
    'When you register as a member, we hold the following information:',
    '',
    '- email address, municipality, department, name, reading of the name (furigana), display name, telephone number',
    '- password (stored in a form that cannot be reversed; not even the operators can know the original password)',
    '- if you set up two-factor authentication, its settings (stored encrypted) and backup codes (stored in a form that cannot be reversed)',
    '- when you agreed to the terms of use, when you confirmed your email address, and the record of approval',
    '',
    'The purposes of use are:',
    '',
    '- confirming that you are a member of a municipality’s staff, and approving members',
    '- signing in and confirming your identity',
    '- contacting members (confirming registration, resetting passwords, notifying them of news; how often notifications are sent can be chosen on the member page)',
    '- entering and managing municipalities’ PR pages and event information',
    '',
    'Applications whose email address is not confirmed within 24 hours are deleted automatically.',
    '',
    '## Records while signed in',
    '',
    '- For each sign-in, we store a sign-in record (session) with the time it began, the time it was last used, the IP address and the type of browser (User-Agent). You can see and end these under “Signed-in devices” on the member page. A session ends after 30 minutes without activity or 12 hours after it began, and is then deleted.',
    '- Operations such as signing in, failed sign-ins, password changes, approvals and updates of articles are kept in the operations log (audit log) together with the time, the member who acted and the IP address. This is for investigating misuse, and only the secretariat can see it.',
    `- Retention period of the operations log: ${placeholderMarkEn}`,
    '',
    '## Cookies',
    '',
    'This site uses only the following cookies. All of them are needed for the site to work; they are never sent to other sites and are not used for advertising or tracking.',
    '',
    '| Name | Purpose | Kept for |',
    '| --- | --- | --- |',
    '| renkei_session (__Host-renkei_session over HTTPS) | Keeping you signed in | At most 12 hours from sign-in |',
    '| renkei_csrf (__Host-renkei_csrf over HTTPS) | Preventing forged form submissions (CSRF) | Until the browser is closed |',
    '| lang | The chosen display language (日本語・English) | 1 year |',
    '',
    'With cookies turned off you can still read the site, but you cannot sign in or submit forms.',
    '',
    '## Disclosure to third parties',
    '',
    'Except where required by law, we do not provide personal information to third parties without the consent of the person concerned. On the screens for members, a member’s display name is shown instead of their name.',
    '',
    '## Security',
    '',
    'We work to prevent leaks, loss or damage of personal information by encrypting communication, transforming passwords irreversibly, requiring two-factor authentication for the secretariat, restricting access by permissions, keeping an operations log, and other measures.',
    '',
    '## Disclosure, correction and deletion',
    '',
    'Most of the information you registered can be checked and changed on the member page. For requests for disclosure, correction, suspension of use or deletion, please contact the Project Promotion Section of the Special Wards Council Foundation named on the [contact page](/contact).',
    '',
    '## Date of establishment and revision',
    '',
    placeholderMarkEn,
  ].join('\n'),
};

const accessibility: SeedPage = {
  slug: 'accessibility',
  titleJa: 'ウェブアクセシビリティ方針',
  titleEn: 'Accessibility policy',
  bodyJa: [
    '特別区全国連携プロジェクトのウェブサイトは、高齢の方や障害のある方を含め、誰もが利用しやすいサイトを目指しています。',
    '',
    '## 目標とする適合レベル',
    '',
    'JIS X 8341-3:2016 の適合レベルAAに準拠すること、あわせてWCAG 2.2 のレベルAAを満たすことを目標とします。',
    '',
    '## 対象範囲',
    '',
    'このウェブサイトの公開ページ、会員ページおよび事務局の管理ページのすべてのページテンプレート。',
    '',
    '## 取組み',
    '',
    '- 変更のたびに、すべてのページテンプレートを自動検査（axe-core）し、違反がないことを確認しています。',
    '- JavaScriptが無効でも、すべてのページと入力フォームを利用できます。',
    '- 地図やグラフには、同じ内容の表を併記します。',
    '- 外部のサーバーから文字や画像を読み込まないため、庁内ネットワークからも同じ表示で利用できます。',
    '',
    'JIS X 8341-3:2016 附属書JBおよびWAICの試験実施ガイドラインに基づく試験の結果は、実施後に公開します。',
  ].join('\n'),
  bodyEn: [
    'This website aims to be usable by everyone, including older people and people with disabilities.',
    '',
    '## Target conformance level',
    '',
    'We aim to conform to JIS X 8341-3:2016 level AA and to meet WCAG 2.2 level AA.',
    '',
    '## Scope',
    '',
    'Every page template of this site: public pages, member pages and the secretariat’s pages.',
    '',
    '## What we do',
    '',
    '- Every change is checked automatically with axe-core on every page template; no violation may remain.',
    '- Every page and form works without JavaScript.',
    '- Maps and charts come with a table of the same data.',
    '- Nothing is loaded from other servers, so the site looks the same from behind government proxies.',
    '',
    'Results of a test following JIS X 8341-3:2016 Annex JB and the WAIC test guidelines will be published once carried out.',
  ].join('\n'),
};

export const seedSitePageList: readonly SeedPage[] = [about, contact, sitePolicy, privacy, accessibility];

/**
 * What this project's own browser tests check (test/browser/*.ts), recorded as the first result.
 * Only automated checks: no manual audit has been made, and the row says so.
 */
const firstTestResult = {
  standard: 'JIS X 8341-3:2016 ／ WCAG 2.2',
  target_level: 'AA',
  scope: '公開ページ、会員ページ、事務局の管理ページの各ページテンプレート（トップ、お知らせ、イベント、連携の状況、特別区・全国の自治体、検索、ログイン・会員登録、会員ページ、事務局の管理ページなど）',
  method: [
    'Chromium で各ページを開き、axe-core 4.13 により WCAG 2.0・2.1・2.2 のレベルA・AAの規則を自動検査（違反は1件も許容しない）。',
    '画面幅 320 CSS px で各ページが横にスクロールしないことを自動確認（リフロー）。',
    'JavaScript を無効にした状態での検索フォームとメニューの操作、キーボードでのスキップリンクの操作、外部サーバーへの通信がないことを自動確認。',
  ].join('\n'),
  result: 'axe-core の違反 0件。320 CSS px 幅で横スクロールが生じるページ 0件。',
  notes: '自動検査のみの結果です。代替テキストの内容の適切さや読み上げの順序など、自動では判定できない達成基準は含みません。JIS X 8341-3:2016 附属書JBに基づく人による試験は未実施です。試験日は、この記録を登録した日（このページの初期内容を登録した日）です。',
};

/** Today in Japan (YYYY-MM-DD): the day the first result is recorded. */
function todayInJapan(now: Date): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** Inserts each page that is not there yet (with its first version); returns how many were added. */
export async function seedSitePages(db: Kysely<Database>): Promise<number> {
  const existing = new Set((await db.selectFrom('site_pages').select('slug').execute()).map((r) => r.slug));
  const missing = seedSitePageList.filter((p) => !existing.has(p.slug));
  if (missing.length === 0) return 0;
  const at = new Date();
  const now = at.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const page of missing) {
      const content = { titleJa: page.titleJa, titleEn: page.titleEn, bodyJa: page.bodyJa, bodyEn: page.bodyEn };
      await trx
        .insertInto('site_pages')
        .values({ slug: page.slug, title_ja: page.titleJa, title_en: page.titleEn, body_ja: page.bodyJa, body_en: page.bodyEn, version: 1, updated_by: null, updated_at: now })
        .execute();
      await trx.insertInto('site_page_versions').values({ slug: page.slug, version: 1, snapshot: JSON.stringify(content), note: '初期内容', saved_by: null, saved_at: now }).execute();
      if (page.slug === 'accessibility') {
        await trx.insertInto('accessibility_test_results').values({ id: '9d3c1a52-6f0e-4c4b-9a51-2a7e8e4d0001', tested_on: todayInJapan(at), ...firstTestResult, version: 1, updated_by: null, updated_at: now }).execute();
      }
    }
    await bumpRevision(trx, 'site-pages');
  });
  return missing.length;
}
