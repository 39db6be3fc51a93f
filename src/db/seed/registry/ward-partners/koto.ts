// 江東区の交流自治体・協定 (sourced; see types.ts).
import type { WardPartnersFile } from './types.ts';

export default {
  ward: '江東区',
  sources: {
    minamisuna: {
      url: 'https://minamisuna1.com/14059/',
      title: '江東区友好都市「岩手県平泉町」への旅',
      publisher: '南砂一丁目(個人ブログ)',
      statedOn: '2023-09',
      statedText: '2023年9月現在',
    },
    fukagawa: {
      url: 'https://fukagawa-web.com/wpfuka02/?p=14129',
      title: '平泉水かけ神輿に深川から参加(タウン誌「深川」284号掲載記事)',
      publisher: 'タウン誌「深川」',
      statedOn: null,
    },
    takinoue2016: {
      url: 'http://town.takinoue.hokkaido.jp/chosei/chocho/welcome/2016/20160617.html',
      title: '町長室へようこそ No.97 東京江東区とオホーツク15町村との連携交流事業',
      publisher: '滝上町',
      statedOn: null,
    },
  },
  agreements: [
    {
      key: 'koto/hiraizumi/friendship',
      partners: [['岩手県', '平泉町']],
      type: 'friendship-city',
      title: '友好交流に関する覚書',
      signed: '2009-12-08',
      background: '1996年に富岡八幡宮神輿連合会の指導で「平泉水かけ神輿」が始まったことがきっかけ。江東区民まつりでの特産物販売、「奥の細道サミット」への参加などを経た。',
      sources: ['minamisuna', 'fukagawa'],
      notes: '個人ブログ(2023年9月現在)は「2009年12月8日、「友好交流に関する覚書」が取り交わされました」とし、江東区の友好都市を平泉町と川俣町とする。タウン誌「深川」は「2009年には江東区と平泉町が友好都市に」と記載。江東区・平泉町の公式ページ(ブログが挙げる https://www.city.koto.lg.jp/101021/yuko_shimai.html 等)は保存コピーに見つからず未読。',
      review: '出典が個人ブログとタウン誌のみ。江東区「友好都市・姉妹都市」ページで日付と名称を確認すること。',
    },
    {
      key: 'koto/kawamata/friendship',
      partners: [['福島県', '川俣町']],
      type: 'friendship-exchange',
      title: '友好都市',
      signed: null,
      sources: ['minamisuna'],
      notes: '個人ブログ(2023年9月現在)が「江東区の友好都市は「岩手県平泉町」と「福島県川俣町」」と記載。協定名・締結日は出典に記載がない。',
      review: '出典が個人ブログのみで、協定名と締結日が不明。2022-03-01時点で友好都市であったかも未確認。',
    },
  ],
  report: {
    openQuestions: [
      '第2ラウンドで相手側(平泉町・川俣町)のページ、報道、災害時相互援助協定、環境(森林)分野の協定も探したが、保存コピーに江東区の公式ページ・相手側の公式ページは見つからず、新たな交流自治体・協定や日付は確認できなかった。',
      '江東区の公式ページ(友好都市・姉妹都市、災害時相互援助協定の一覧、地域防災計画の資料編)は保存コピーに見つからなかった。区外自治体との災害時相互応援協定があるかは未確認。',
      '川俣町との友好都市の締結日・協定名は未確認(個人ブログのみ)。平泉町の覚書も区・町の公式ページで未確認。',
      'オホーツク管内15町村との連携交流事業(滝上町「町長室へようこそ No.97」、2016年)は regional-exchanges.ts で地域間交流として記録済み。出典が15町村を個別に列挙していないため、このファイルでは町村ごとの記録を作っていない。',
      '江東区民まつり「はるばるバザール」等への出店自治体(約40市町村)はイベント参加であり、交流自治体と明記した出典がないため記録していない。',
    ],
  },
} satisfies WardPartnersFile;
