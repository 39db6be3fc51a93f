// 荒川区の交流自治体・協定 (sourced; see types.ts).
import type { PartnerSeed, WardAgreementSeed, WardPartnersFile } from './types.ts';

/** The 18 domestic 交流都市 the ward listed in 2009 (keys kept from registry/agreements.ts). */
const LIST_2009: readonly PartnerSeed[] = [
  ['埼玉県', '秩父市', '荒川村'],
  ['千葉県', '大多喜町'],
  ['新潟県', '上越市', '吉川町'],
  ['山梨県', '北杜市', '高根町'],
  ['千葉県', '鴨川市'],
  ['福島県', '福島市'],
  ['福島県', '桑折町'],
  ['福島県', '石川町'],
  ['岩手県', '釜石市'],
  ['新潟県', '村上市', '荒川町'],
  ['富山県', '射水市', '下村'],
  ['山形県', '鮭川村'],
  ['茨城県', '潮来市'],
  ['福井県'],
  ['福島県', '二本松市', '東和町'],
  ['福島県', '小野町'],
  ['茨城県', 'つくば市'],
  ['新潟県', '津南町'],
];

/** Later sources (second round) that name a 2009 交流都市 as still in exchange with the ward: key part → [sources, note]. */
const LATER: Readonly<Record<string, readonly [readonly string[], string]>> = {
  潮来市: [
    ['itako2022'],
    '第2ラウンドで追加: 荒川区の報道発表(2022年5月30日の表敬訪問、更新日2022年5月31日)は「荒川区の交流都市である茨城県潮来市」と記載し、区長は「潮来市とは長年の交流があり兄弟のような関係です」と述べている。',
  ],
  福井県: [
    ['fukui2010'],
    '第2ラウンドで追加: 荒川区「写真でみる区長の行動(平成22年1月)」は、平成22年1月13日の福井県水仙まつりPRの表敬訪問について「福井県との交流は、福井県知事の荒川区来訪を契機に始まり、川の手あらかわまつり、荒川区産業展、荒川区伝統技術展への参加など様々な交流を進めています」と記載。',
  ],
};

const list2009 = LIST_2009.map(
  (p): WardAgreementSeed => ({
    key: `arakawa/2009/${p[1] ?? p[0]}`,
    partners: [p],
    type: 'friendship-exchange',
    title: '交流都市',
    signed: null,
    sources: ['arakawa2009', ...(LATER[p[1] ?? p[0]]?.[0] ?? [])],
    notes: [
      '荒川区「交流都市」(更新日2009年4月30日、web.archive.org の写し)は「国内18都市、海外4都市と友好交流」とし、国内の交流都市18自治体の一つとして挙げる。協定名と締結日はこの一覧に記載がない。',
      p[2] ? `出典では「${p[1]}(旧${p[2]})」と記載。` : null,
      p[1] === undefined ? '相手は県(福井県)。' : null,
      '個別の協定(姉妹提携・友好交流協定・災害時相互応援協定)が出典で確認できたものは別の記録にした。',
      LATER[p[1] ?? p[0]]?.[1] ?? null,
    ]
      .filter((s) => s !== null)
      .join(' '),
  }),
);

/** 災害時における相互応援に関する協定: [key part, partner, signed, sources, notes]. */
const DISASTER: readonly (readonly [string, PartnerSeed, string | null, readonly string[], string])[] = [
  ['chichibu', ['埼玉県', '秩父市', '荒川村'], '1995-10', ['chichibu', 'murakami2020', 'saito'],
    '荒川区「埼玉県秩父市」は「平成7年10月 災害時における相互応援に関する協定調印」と記載(和暦を換算、日は記載なし)。締結時の相手は旧荒川村(平成17年4月に合併し秩父市)。'],
  ['kamogawa', ['千葉県', '鴨川市'], '1995-11', ['kamogawa', 'murakami2020', 'saito'],
    '荒川区「千葉県鴨川市」は「平成7年11月 災害時における相互応援に関する協定調印」と記載(和暦を換算、日は記載なし)。'],
  ['otaki', ['千葉県', '大多喜町'], '1995-10-01', ['otaki', 'murakami2020', 'saito'],
    '大多喜町「友好都市」は「平成7年10月1日 災害時相互応援協定締結」と記載(和暦を換算)。'],
  ['joetsu', ['新潟県', '上越市'], null, ['murakami2020', 'saito'],
    '荒川区の報道発表(2020年9月)が災害時相互応援協定の締結先17都市の一つに「新潟県上越市」を挙げる。区議会議員のサイトは「新潟県上越市(旧吉川町)」と記載。締結日と締結時の相手(旧吉川町か上越市か)は出典に記載がない。'],
  ['fukushima', ['福島県', '福島市'], '2006', ['fukushimaDiary', 'murakami2020', 'saito'],
    '荒川区「区長ダイアリー」(2026年2月13日)は「平成18年には『災害時における相互応援協定』を締結」と記載(和暦を換算、月日は記載なし)。'],
  ['ishikawa', ['福島県', '石川町'], null, ['murakami2020', 'saito'], '締結日は出典に記載がない。'],
  ['kori', ['福島県', '桑折町'], null, ['murakami2020', 'saito'], '締結日は出典に記載がない。'],
  ['kamaishi', ['岩手県', '釜石市'], null, ['murakami2020', 'saito'], '締結日は出典に記載がない。'],
  ['ogaki', ['岐阜県', '大垣市'], '2011-08-24', ['ogaki', 'murakami2020', 'saito'],
    '大垣市の広報(平成23年9月1日号)は「8月24日に東京都荒川区と…災害時相互応援協定を新たに締結」と記載。奥の細道の旅立ちの地である荒川区とは芭蕉や俳句を通じて交流してきた。'],
  ['sakegawa', ['山形県', '鮭川村'], null, ['murakami2020', 'saito'], '締結日は出典に記載がない。'],
  ['tsukuba', ['茨城県', 'つくば市'], null, ['murakami2020', 'saito'], '締結日は出典に記載がない。'],
  ['tsunan', ['新潟県', '津南町'], null, ['murakami2020', 'saito'], '締結日は出典に記載がない。'],
  ['imizu', ['富山県', '射水市'], null, ['murakami2020', 'saito'], '締結日は出典に記載がない。2009年の交流都市一覧では「射水市(旧下村)」。'],
  ['shimoda', ['静岡県', '下田市'], '2014-10-17', ['shimoda', 'murakami2020', 'saito'],
    '荒川区「静岡県下田市と『災害時における相互応援に関する協定書』を締結しました」(更新日2014年10月21日)は平成26年10月17日締結と記載(和暦を換算)。区の下田臨海学園での相互応援を含む。'],
  ['hokuto', ['山梨県', '北杜市'], null, ['murakami2020', 'saito'], '締結日は出典に記載がない。'],
  ['minamialps', ['山梨県', '南アルプス市'], null, ['saito', 'murakami2020'],
    '区議会議員のサイトの「災害時相互応援協定を結んだ自治体」一覧に「山梨県南アルプス市」。荒川区の報道発表(2020年9月)の17都市の列挙は読めた範囲では「山梨県北杜市、山…」で切れており、南アルプス市をそこで確認できていない。締結日は記載なし。'],
  ['itako', ['茨城県', '潮来市'], null, ['saito', 'murakami2020'],
    '区議会議員のサイトの「災害時相互応援協定を結んだ自治体」一覧に「茨城県潮来市」。荒川区の報道発表(2020年9月)の17都市の列挙は読めた範囲では途中で切れており、潮来市をそこで確認できていない。締結日は記載なし。'],
  ['murakami', ['新潟県', '村上市'], '2020-09-01', ['murakami2020', 'saito'],
    '荒川区の報道発表(更新日2020年9月2日)は「令和2年9月1日(火曜)、新潟県村上市と『災害時における相互応援に関する協定書』を締結」と記載(和暦を換算)。新型コロナのため締結式は開かれなかった。締結時点で区の同種協定は17都市、村上市で18都市目。'],
];

const disaster = DISASTER.map(
  ([k, partner, signed, sources, notes]): WardAgreementSeed => ({
    key: `arakawa/${k}/disaster`,
    partners: [partner],
    type: 'disaster-mutual-support',
    title: '災害時における相互応援に関する協定',
    signed,
    sources,
    notes,
    ...(k === 'minamialps' || k === 'itako'
      ? { review: '区の公式の一覧では締結を確認できておらず、区議会議員のサイトの一覧だけが出典。区の防災課の協定一覧で確認してほしい。' }
      : {}),
  }),
);

export default {
  ward: '荒川区',
  sources: {
    arakawa2009: {
      url: 'https://web.archive.org/web/20100115021150/http:/www.city.arakawa.tokyo.jp/a001/b008/d01500002.html',
      title: '交流都市',
      publisher: '荒川区(web.archive.org による写し)',
      statedOn: '2009-04-30',
      statedText: '更新日2009年4月30日',
    },
    murakami2020: {
      url: 'https://www.city.arakawa.tokyo.jp/a004/kouhou/houdou/20200902.html',
      title: '新潟県村上市と「災害時における相互応援に関する協定」を締結!(9月1日 荒川区役所)',
      publisher: '荒川区',
      statedOn: '2020-09-02',
      statedText: '更新日:2020年9月2日',
    },
    saito: {
      url: 'https://saito-yasunori.jp/service7.html',
      title: '顔の見える都市交流',
      publisher: 'saito-yasunori.jp(荒川区議会議員のサイト)',
      statedOn: null,
    },
    shimoda: {
      url: 'http://www.city.arakawa.tokyo.jp/kurashi/bosaibohan/saigaikyoutei/i00300600.html',
      title: '静岡県下田市と「災害時における相互応援に関する協定書」を締結しました',
      publisher: '荒川区',
      statedOn: '2014-10-21',
      statedText: '更新日:2014年10月21日',
    },
    ogaki: {
      url: 'http://www.city.ogaki.lg.jp/0000011721.html',
      title: '大規模災害に備え広域での応援協定',
      publisher: '大垣市(広報おおがき)',
      statedOn: '2011-09-01',
      statedText: '[2011年9月1日] (平成23年9月1日号)',
    },
    kamogawa: {
      url: 'https://www.city.arakawa.tokyo.jp/a015/bunkageijutsu/kokusai/kamogawa.html',
      title: '千葉県鴨川市',
      publisher: '荒川区',
      statedOn: '2024-02-15',
      statedText: '更新日:2024年2月15日',
    },
    chichibu: {
      url: 'https://www.city.arakawa.tokyo.jp/a015/bunkageijutsu/kokusai/chichibu.html?mode=preview',
      title: '埼玉県秩父市',
      publisher: '荒川区',
      statedOn: null,
    },
    chichibuMayor: {
      url: 'https://city.chichibu.lg.jp/dd.aspx?R1_14262_BlogCal_para=7951&moduleid=14261&pfromdate=795101',
      title: '秩父市長の活動記録(荒川区 西川区長への市長就任あいさつ。表題は読めた抜粋になく、内容から付けた)',
      publisher: '秩父市',
      statedOn: null,
    },
    otaki: {
      url: 'https://www.town.otaki.chiba.jp/gyousei/otaki_shoukai/2/1316.html',
      title: '友好都市',
      publisher: '大多喜町',
      statedOn: '2024-03-29',
      statedText: '更新日:2024年03月29日',
    },
    fukushima10: {
      url: 'https://d3nu0ovbfpktls.cloudfront.net/a004/kouhou/houdou/20260213-2.html',
      title: '荒川区・福島市友好都市協定締結10周年記念式典を開催しました',
      publisher: '荒川区',
      statedOn: '2026-02-13',
      statedText: '更新日:2026年2月13日',
    },
    fukushimaDiary: {
      url: 'https://d3nu0ovbfpktls.cloudfront.net/a003/kunogaiyou/kucho/photodiary/2026/2/08_0213diary-2.html',
      title: '令和8年2月13日(金曜日) 荒川区・福島市友好都市協定締結10周年記念式典',
      publisher: '荒川区',
      statedOn: '2026-02-13',
      statedText: '更新日:2026年2月13日',
    },
    minpo2016: {
      url: 'http://www.minpo.jp/news/detail/2016031429550',
      title: '末永い関係維持願う 福島市と荒川区友好都市締結交流会',
      publisher: '福島民報',
      statedOn: null,
    },
    itako2022: {
      url: 'https://www.city.arakawa.tokyo.jp/a004/kouhou/houdou/20220530.html',
      title: '潮来市長御一行があやめ娘とともに荒川区長を表敬訪問~水郷潮来あやめまつりをPR~',
      publisher: '荒川区',
      statedOn: '2022-05-31',
      statedText: '更新日:2022年5月31日',
    },
    fukui2010: {
      url: 'http://www.city.arakawa.tokyo.jp/kucho/shashin/h21/201001.html',
      title: '写真でみる区長の行動(平成22年1月)',
      publisher: '荒川区',
      statedOn: '2010-03-23',
      statedText: '更新日:2010年3月23日',
    },
    kushiro: {
      url: 'https://www.kushiro.pref.hokkaido.lg.jp/ts/tss/kcs/208696.html',
      title: 'くしろ地域と荒川区の連携事業',
      publisher: '北海道釧路総合振興局',
      statedOn: null,
    },
  },
  agreements: [
    ...list2009,
    ...disaster,
    {
      key: 'arakawa/chichibu/sister',
      partners: [['埼玉県', '秩父市', '荒川村']],
      type: 'sister-city',
      title: '姉妹提携協定',
      signed: '1981-04-25',
      background: '昭和56年の区制50周年記念事業の一環として、荒川の上流と下流で結ばれる同じ名前の自治体として交流が始まった。',
      sources: ['chichibu', 'chichibuMayor'],
      notes: '荒川区「埼玉県秩父市」は「昭和56年4月 姉妹提携協定調印」(和暦を換算、日は記載なし)。秩父市の市長活動記録は「昭和56年4月25日に姉妹提携」と日まで記載するので、日付はこちらによった。締結時の相手は旧荒川村(平成17年4月に荒川村・大滝村・吉田町・秩父市が合併)。',
    },
    {
      key: 'arakawa/chichibu/forest',
      partners: [['埼玉県', '秩父市']],
      type: 'other',
      title: '森林保全に関する協定',
      signed: '2007-08',
      sources: ['chichibu'],
      notes: '荒川区「埼玉県秩父市」は「平成19年8月 森林保全に関する協定調印」と記載(和暦を換算、日は記載なし)。',
    },
    {
      key: 'arakawa/chichibu/woodstart',
      partners: [['埼玉県', '秩父市']],
      type: 'other',
      title: '木育円卓事業・ウッドスタート宣言',
      signed: '2015-03',
      sources: ['chichibu'],
      notes: '荒川区「埼玉県秩父市」は「平成27年3月 木育円卓事業・ウッドスタート宣言調印」と記載(和暦を換算、日は記載なし)。',
    },
    {
      key: 'arakawa/kamogawa/exchange',
      partners: [['千葉県', '鴨川市']],
      type: 'exchange',
      title: '友好交流協定',
      signed: '1991-10',
      background: '昭和62年、区内小中学生による農家ホームステイと農・漁業体験事業で交流が始まった。',
      sources: ['kamogawa'],
      notes: '荒川区「千葉県鴨川市」は「平成3年10月 友好交流協定調印」と記載(和暦を換算、日は記載なし)。鴨川市は平成17年2月に天津小湊町と合併したが名称は変わらない。',
    },
    {
      key: 'arakawa/otaki/exchange',
      partners: [['千葉県', '大多喜町']],
      type: 'exchange',
      title: '友好交流協定',
      signed: '1995-10-01',
      background: '昭和60年4月の第1回大多喜世界レンゲまつりの「レンゲの里交流宣言」に荒川区長らが参加したことが交流の始まり。',
      sources: ['otaki'],
      notes: '大多喜町「友好都市」は「平成7年10月1日 友好交流協定締結」と記載(和暦を換算)。同日に災害時相互応援協定も締結。',
    },
    {
      key: 'arakawa/fukushima/friendship',
      partners: [['福島県', '福島市']],
      type: 'friendship-city',
      title: '友好都市協定',
      signed: '2016-02',
      background: '昭和19年の学童疎開が縁。平成6年に学童疎開50周年を記念して区民が疎開先の福島市を訪れるバスツアーを行い、交流が始まった。',
      sources: ['fukushima10', 'fukushimaDiary', 'minpo2016'],
      notes: '荒川区の報道発表(2026年2月13日)は「平成28年2月の協定締結」と記載(和暦を換算、日は記載なし)。福島民報の記事は「2月に友好都市協定を結んだ」とし、福島市長の言として荒川区が「市の友好都市協定の第1号」とする。',
    },
  ],
  report: {
    openQuestions: [
      '災害時相互応援協定の締結日が出典にない: 上越市、石川町、桑折町、釜石市、鮭川村、つくば市、津南町、射水市、北杜市、南アルプス市、潮来市。区の防災課の協定一覧(区のサイトの「災害時相互応援協定」ページ)で確認したい。',
      '南アルプス市と潮来市の災害時相互応援協定は区議会議員のサイトの一覧だけで確認した(区の2020年9月の報道発表の列挙は読めた範囲で途中までだった)。',
      '2009年の交流都市一覧の18自治体のうち、二本松市(旧東和町)、小野町、村上市(旧荒川町)の交流の現状と協定の有無が未確認(第2ラウンドで潮来市は2022年、福井県は2010年の区の出典で交流が続いていることを確認し、出典を追加した)。射水市・鮭川村・潮来市・つくば市・津南町・桑折町・石川町・釜石市・上越市・北杜市の友好協定の有無・日付も区の各都市ページで確認したい(区のページは /a015/bunkageijutsu/kokusai/ 以下)。',
      '第2ラウンドでは南アルプス市・潮来市・石川町・桑折町などの側から協定の報道発表を探したが、締結日を書いた出典は見つからなかった。',
      'くしろ地域(釧路総合振興局管内8市町村)と荒川区は「北海道釧路地域・東京都特別区交流推進協議会」(平成27年度から)で連携しているが、読んだ出典に8市町村の名がないため記録していない。',
    ],
  },
} satisfies WardPartnersFile;
