// 板橋区の交流自治体・協定 (sourced; see types.ts).
import type { WardPartnersFile } from './types.ts';

export default {
  ward: '板橋区',
  sources: {
    nikko: {
      url: 'https://www.city.nikko.lg.jp/soshiki/1/1002/16/1/1918.html',
      title: '板橋区と日光市の友好都市提携の背景',
      publisher: '日光市',
      statedOn: null,
    },
    kanazawa: {
      url: 'https://www4.city.kanazawa.lg.jp/shiseijoho/kokunai_kokusaikoryu_koikirenkei/kokunaikoryu/12987.html',
      title: '友好交流都市 板橋区',
      publisher: '金沢市',
      statedOn: null,
    },
    keizaiKanazawa: {
      url: 'https://itabashi.keizai.biz/headline/666/',
      title: '板橋区と金沢市、友好交流都市協定締結15周年 記念式典開催',
      publisher: '板橋経済新聞',
      statedOn: null,
    },
    hanabi: {
      url: 'http://itabashihanabi.jp/10thsp.html',
      title: '祝 板橋区と金沢市の「友好交流都市協定」締結10周年',
      publisher: 'いたばし花火大会',
      statedOn: null,
    },
    press2024: {
      url: 'https://www.city.itabashi.tokyo.jp/kusei/kouhou/houdou/1050411/1051132.html',
      title: '令和6年2月9日発表 【区独自】能登半島地震に関する支援として石川県金沢市に区職員を派遣します',
      publisher: '板橋区',
      statedOn: '2024-02-09',
      statedText: '更新日 2024年2月9日',
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
    yomiuri2015: {
      url: 'http://genpatsu.bengodan.jp/%E7%81%BD%E5%AE%B3%E5%8D%94%E5%AE%9A-%E7%9C%8C%E5%A4%96%E3%81%8B%E3%82%89%E8%A6%81%E8%AB%8B%E7%B6%9A%E3%80%85-2015%E5%B9%B401%E6%9C%8825%E6%97%A5-%E8%AA%AD%E5%A3%B2%E6%96%B0%E8%81%9E/',
      title: '災害協定 県外から要請続々 2015年01月25日 – 読売新聞',
      publisher: '読売新聞(原発被害救済弁護団(埼玉)サイトの転載)',
      statedOn: '2015-01-25',
      statedText: '2015年01月25日',
    },
  },
  agreements: [
    {
      key: 'itabashi/nikko/exchange',
      partners: [['栃木県', '日光市', '栗山村']],
      type: 'exchange',
      title: 'みどりと文化の交流協定',
      signed: '1983',
      resigned: ['2006-11-02'],
      background: '都市と山村のふれあいを目指して旧栗山村と提携。平成5年(1993年)、交流10周年記念として栗山地域の森12.7haを「板橋区の森」とした。',
      sources: ['nikko'],
      notes:
        '日光市「板橋区と日光市の友好都市提携の背景」: 板橋区と旧栗山村は昭和58(1983)年「みどりと文化の交流協定」を提携。平成18年の合併後、日光市として平成18年11月2日に再盟約。日付(1983年)は年のみ。',
    },
    {
      key: 'itabashi/kanazawa/friendship',
      partners: [['石川県', '金沢市']],
      type: 'friendship-city',
      title: '友好交流都市協定',
      signed: '2008-07-09',
      background: '江戸時代、現在の板橋区内(板橋宿平尾)に加賀藩前田家の下屋敷が置かれた縁。区内に「加賀」の町名、加賀公園、金沢橋、金沢小学校がある。',
      sources: ['kanazawa', 'keizaiKanazawa', 'hanabi', 'press2024'],
      notes:
        '金沢市「友好交流都市 板橋区」: 協定締結 平成20年7月9日。板橋経済新聞(15周年): 2008(平成20)年7月9日に友好交流都市協定を締結。板橋区報道発表(令和6年2月9日)は「平成20年7月に「友好交流都市協定」を締結」。',
    },
    {
      key: 'itabashi/kanazawa/disaster',
      partners: [['石川県', '金沢市']],
      type: 'disaster-mutual-support',
      title: '災害時相互応援協定',
      signed: '2024-02-09',
      background: '令和6年能登半島地震を受け、区独自の職員派遣にあわせて締結。',
      sources: ['press2024'],
      notes: '板橋区報道発表(令和6年2月9日): 金沢市と「災害時相互応援協定」を令和6年2月9日(金曜日)に締結。区としては15自治体目の協定締結。',
    },
    {
      key: 'itabashi/wako/disaster',
      partners: [['埼玉県', '和光市']],
      type: 'disaster-mutual-support',
      title: '自治体間相互応援協定',
      signed: '2011-02',
      background: '白子川を挟んで市区境が入り組んでおり、水害時に住民が川を越えずに近くの避難所を相互に使えるようにする。',
      sources: ['wako', 'wakoMayor'],
      notes:
        '和光市「自治体間災害協定締結」の「自治体間相互応援協定 一覧」に「平成23年2月 板橋区」(日は記載なし。平成23年=2011年)。前和光市長のブログも板橋区と締結済みと記載。',
    },
    {
      key: 'itabashi/gunma-3/disaster',
      partners: [['群馬県', '高崎市'], ['群馬県', '渋川市'], ['群馬県', '沼田市']],
      type: 'disaster-prevention',
      title: '災害協定',
      signed: null,
      sources: ['yomiuri2015'],
      notes:
        '読売新聞(2015年1月25日、転載): 「高崎、渋川、沼田の3市などと協定を結ぶ東京都板橋区は、幹事役として首長会議や担当者会議を開き、連携を深める」。協定の名称・締結日・他の参加自治体は記載がない。',
      review: '出典は新聞記事の転載で「3市など」とあり、協定の正式名称、締結日、全参加自治体、1つの協定か個別の協定かが未確認。',
    },
  ],
  report: {
    openQuestions: [
      '板橋区報道発表(2024年2月9日)は金沢市との協定を「区としては15自治体目」とするが、他の14自治体の一覧は見つからなかった。読めたのは和光市(和光市の出典)と群馬県の高崎・渋川・沼田の3市「など」(新聞記事)のみ。',
      '群馬県内の市との災害協定の正式名称・締結日・参加自治体(「3市など」)。',
      '板橋区の国内交流自治体の一覧(区の公式ページ)が見つからなかった。',
      '第2ラウンドでは日光市・高崎市・渋川市・沼田市・戸田市などの側から「板橋区と協定」の報道発表を探したが、読める出典は見つからず、追加はない(群馬県内の市との協定の名称・日付・参加自治体も未解決)。',
    ],
  },
} satisfies WardPartnersFile;
