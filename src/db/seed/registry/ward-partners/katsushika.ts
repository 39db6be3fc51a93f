// 葛飾区の交流自治体・協定 (sourced; see types.ts).
import type { WardPartnersFile } from './types.ts';

const YEAR_2012 =
  '東京よみうり(t-yomiuri)の記事は三郷市との締結(11月2日)を報じ、「今年5月に市川市、7月に松戸市、8月に八潮市と結んでおり」とするが、記事に年の記載がない。八潮市との締結が2012年8月17日であること(東武よみうり 2012.8.27)から、この「今年」を2012年と読んだ。';

export default {
  ward: '葛飾区',
  sources: {
    tyomiuri: {
      url: 'http://t-yomiuri.co.jp/%E8%91%9B%E9%A3%BE%E5%8C%BA%E3%81%8C%E4%B8%89%E9%83%B7%E5%B8%82%E3%81%A8%E7%9B%B8%E4%BA%92%E5%BF%9C%E6%8F%B4%E5%8D%94%E5%AE%9A%E3%80%80%E9%9A%A3%E6%8E%A5%E5%85%A8%EF%BC%94%E5%B8%82%E3%81%A8%E3%81%AE/',
      title: '葛飾区が三郷市と相互応援協定 隣接全4市との締結が完了',
      publisher: '東京よみうり(t-yomiuri.co.jp)',
      statedOn: null,
    },
    tobuYashio: {
      url: 'http://tobuyomiuri.co.jp/area/yashio/120827yashio.4.html',
      title: '葛飾区と災害時の相互応援協定・八潮市が結ぶ',
      publisher: '東武よみうり',
      statedOn: '2012-08-27',
      statedText: '2012.8.27(八潮市)',
    },
    keizaiKazuno: {
      url: 'https://katsushika.keizai.biz/headline/1499',
      title: '(見出しは抜粋で確認できず)葛飾区役所での葛飾区・鹿角市の協定書締結式の記事',
      publisher: '葛飾経済新聞',
      statedOn: null,
    },
    kazuno: {
      url: 'https://www.city.kazuno.lg.jp/soshiki/seisakukikaku/sogosenryaku/gyomu/4/3/2576.html',
      title: '国内交流都市(東京都葛飾区)',
      publisher: '鹿角市',
      statedOn: '2024-02-01',
      statedText: '更新日:2024年02月01日',
    },
  },
  agreements: [
    {
      key: 'katsushika/kazuno/renkei',
      partners: [['秋田県', '鹿角市']],
      type: 'partnership',
      title: '連携・協力による協定書',
      signed: '2016-05-31',
      background:
        '昭和49年に始まった葛飾区立四ツ木小学校の児童の鹿角市での農業体験学習が交流の原点(昭和60年から行政が引継ぎ)。「キャプテン翼」「男はつらいよ」のゆかりもある。',
      sources: ['keizaiKazuno', 'kazuno'],
      notes:
        '葛飾経済新聞: 「葛飾区役所で5月31日、葛飾区および鹿角市の連携・協力による協定書締結式が行われた」(年の記載なし。記事中に「今年1月に…「キャプテン翼CUP2016」」とある)。鹿角市「国内交流都市」は協定締結の経緯を記載(締結日は抜粋に見えず)。協定名は記事の「連携・協力による協定書」による。第2ラウンドで締結日を null から 2016-05-31 に改めた: 同じ記事が「今年1月に同区で開催されたイベント『キャプテン翼CUP2016』へ…物産展にも参加している」と書くので、記事の「今年」は2016年で、5月31日の締結式も2016年と読める。鹿角市のページの「平成28年度までに1,200人近い子どもたちが鹿角市を訪れています」という書き方もこれに矛盾しない。',
      review: '締結年(2016年)は記事中の「今年1月…キャプテン翼CUP2016」から読んだもので、年を明記した出典は見ていない。協定の正式名称も未確認。',
    },
    {
      key: 'katsushika/ichikawa/disaster',
      partners: [['千葉県', '市川市']],
      type: 'disaster-prevention',
      title: '防災協定',
      signed: '2012-05',
      sources: ['tyomiuri', 'tobuYashio'],
      notes: `${YEAR_2012} 日は記載なし。`,
      review: '締結年は記事の「今年」を八潮市の締結日から2012年と読んだもの。協定の正式名称も未確認。',
    },
    {
      key: 'katsushika/matsudo/disaster',
      partners: [['千葉県', '松戸市']],
      type: 'disaster-prevention',
      title: '防災協定',
      signed: '2012-07',
      sources: ['tyomiuri', 'tobuYashio'],
      notes: `${YEAR_2012} 日は記載なし。`,
      review: '締結年は記事の「今年」を八潮市の締結日から2012年と読んだもの。協定の正式名称も未確認。',
    },
    {
      key: 'katsushika/yashio/disaster',
      partners: [['埼玉県', '八潮市']],
      type: 'disaster-mutual-support',
      title: '災害時における相互応援に関する協定',
      signed: '2012-08-17',
      sources: ['tobuYashio', 'tyomiuri'],
      notes:
        '東武よみうり(2012.8.27): 「八潮市は17日、東京都葛飾区と「災害時における相互応援に関する協定」を結んだ」。同記事で青木区長は「福島、栃木、新潟などとも協定を結んでいた」と述べている。',
    },
    {
      key: 'katsushika/misato-saitama/disaster',
      partners: [['埼玉県', '三郷市']],
      type: 'disaster-mutual-support',
      title: '災害時の相互応援協定',
      signed: '2012-11-02',
      sources: ['tyomiuri', 'tobuYashio'],
      notes: `東京よみうり: 「葛飾区と埼玉県三郷市が11月2日、「災害時の相互応援協定」を締結」。これで隣接する千葉・埼玉県の全ての市(市川市・松戸市・八潮市・三郷市)との締結が完了。${YEAR_2012}`,
      review: '締結年は記事の「今年」を八潮市の締結日から2012年と読んだもの。',
    },
  ],
  report: {
    openQuestions: [
      '葛飾区の交流自治体・災害時相互応援協定の一覧(区の公式ページ)が見つからなかった。2012年に区長が「福島、栃木、新潟などとも協定を結んでいた」と述べており、遠方の協定先が未登録。',
      '鹿角市との協定の正式名称。締結日は第2ラウンドで記事の文脈から2016年5月31日と読んだが、年を明記した出典で確認したい。',
      '第2ラウンドでは区長が言う「福島、栃木、新潟など」の協定先を相手側の報道発表から探したが、読める出典は見つからなかった。',
      '市川市・松戸市・三郷市との協定の締結年は、記事の「今年」を2012年と読んだもの。区または各市の一次資料で確認が必要。',
    ],
  },
} satisfies WardPartnersFile;
