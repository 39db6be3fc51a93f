// 練馬区の交流自治体・協定 (sourced; see types.ts).
import type { WardPartnersFile } from './types.ts';

export default {
  ward: '練馬区',
  sources: {
    nerimantimes: {
      url: 'https://nerimantimes.jp/archives/16123',
      title: '【別所温泉・上田城・お蕎麦♪】友好都市は海外だけじゃない!練馬区の国内友好都市って・・・?',
      publisher: 'ネリマンタイムズ',
      statedOn: null,
    },
    keizaiUeda: {
      url: 'https://nerima.keizai.biz/headline/1137',
      title: '練馬区が上田市との友好都市交流10周年記念グッズ作成 区内の児童に配布',
      publisher: '練馬経済新聞',
      statedOn: null,
    },
    fukushi: {
      url: 'http://fukushi-portal.tokyo/archives/68/6',
      title: '支援を必要とする方が、自宅にいられなくなっても変わらず福祉サービスを受けられる仕組みづくり(練馬区福祉部、危機管理室)',
      publisher: '東京都社会福祉協議会(福祉ポータル)',
      statedOn: '2018-03',
      statedText: '掲載日:2018年4月26日 東京都練馬区/平成30年3月現在',
    },
    wako: {
      url: 'https://www.city.wako.lg.jp/home/kurashi/bousai/_19053/_19051/saigaikyoutei/sei_2_3_3/_10000.html',
      title: '自治体間災害協定締結',
      publisher: '和光市',
      statedOn: null,
    },
    wakoMayor: {
      url: 'https://ameblo.jp/takeyan/entry-11188577309.html',
      title: '16日、戸田市との災害時の相互援助協定を結びます',
      publisher: '前和光市長 松本たけひろ オフィシャルウェブサイト',
      statedOn: null,
    },
    ueda: {
      url: 'https://www.city.ueda.nagano.jp/shise/donnatokoro/shimaitoshi/index.html',
      title: '姉妹都市・友好都市',
      publisher: '上田市',
      statedOn: '2020-04-14',
      statedText: '更新日:2020年4月14日更新',
    },
  },
  agreements: [
    {
      key: 'nerima/ueda/friendship',
      partners: [['長野県', '上田市', '武石村']],
      type: 'friendship-city',
      title: '友好提携に関する合意書',
      signed: '1994',
      resigned: ['2006'],
      background: '1980年(昭和55年)、旧武石村に区立武石少年自然の家を開設し、小中学生の移動教室などで交流が始まった。',
      sources: ['nerimantimes', 'keizaiUeda', 'ueda'],
      notes:
        'ネリマンタイムズ: 1994年に武石村と「友好提携に関する合意書」を調印、上田市・丸子町・真田町・武石村の合併後の2006年に改めて調印。練馬経済新聞: 2006年、合併した上田市と友好都市となった。上田市「姉妹都市・友好都市」は、平成18年8月18日に姉妹都市・友好都市提携及び災害時応援協定提携の調印式を開き旧市町村の交流を継続したと記載(練馬区との再調印日として読める抜粋は見ていない)。',
    },
    {
      key: 'nerima/ueda/disaster',
      partners: [['長野県', '上田市']],
      type: 'disaster-mutual-support',
      title: '災害時における相互応援に関する協定',
      signed: null,
      sources: ['nerimantimes', 'fukushi', 'keizaiUeda'],
      notes:
        'ネリマンタイムズ: 「災害時における相互応援に関する協定を結び、…相互に職員の派遣を含む総合的な応援」。福祉ポータル(平成30年3月現在): 上田市・前橋市・上尾市と「災害時における相互応援協定」。練馬経済新聞: 友好都市となった後に災害協定も締結。締結日は出典に記載がない。',
    },
    {
      key: 'nerima/maebashi/disaster',
      partners: [['群馬県', '前橋市']],
      type: 'disaster-mutual-support',
      title: '災害時における相互応援協定',
      signed: null,
      sources: ['fukushi'],
      notes:
        '福祉ポータル(平成30年3月現在): 練馬区は特別区の協定のほかに10自治体と協定を締結しており、その1つめの類型が長野県上田市・群馬県前橋市・埼玉県上尾市と締結している「災害時における相互応援協定」。締結日は記載がない。',
    },
    {
      key: 'nerima/ageo/disaster',
      partners: [['埼玉県', '上尾市']],
      type: 'disaster-mutual-support',
      title: '災害時における相互応援協定',
      signed: null,
      sources: ['fukushi'],
      notes: '福祉ポータル(平成30年3月現在): 上田市・前橋市・上尾市と締結している「災害時における相互応援協定」。締結日は記載がない。',
    },
    {
      key: 'nerima/wako/disaster',
      partners: [['埼玉県', '和光市']],
      type: 'disaster-mutual-support',
      title: '自治体間相互応援協定',
      signed: '2010-08',
      background: '白子川を挟んで市区境が入り組んでおり、水害時に住民が川を越えずに近くの避難所を相互に使えるようにする。',
      sources: ['wako', 'wakoMayor'],
      notes:
        '和光市「自治体間災害協定締結」の「自治体間相互応援協定 一覧」に「平成22年8月 練馬区」(日は記載なし。平成22年=2010年)。本文は「昨年8月に隣接している練馬区と…自治体間相互協定を締結」。前和光市長のブログも練馬区と締結済みと記載。',
    },
  ],
  report: {
    openQuestions: [
      '福祉ポータル(平成30年3月現在)によれば練馬区は特別区以外に10自治体と協定を結んでいるが、名前を読めたのは上田市・前橋市・上尾市(と和光市の側の出典による和光市)のみ。残りの協定先と各協定の締結日は未確認。',
      '上田市・前橋市・上尾市との災害時相互応援協定の締結日。',
      '練馬区の国内交流自治体の一覧(区の公式ページ)が見つからなかった。',
      '第2ラウンドでは上尾市・前橋市・上田市・新座市・朝霞市・西東京市などの側から「練馬区と協定」の報道発表を探し、福祉ポータルの同じ事例の続き(協定の2つめ・3つめの類型)も探したが、読める出典は見つからず、追加はない。',
    ],
  },
} satisfies WardPartnersFile;
