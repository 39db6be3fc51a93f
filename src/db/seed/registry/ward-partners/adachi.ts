// 足立区の交流自治体・協定 (sourced; see types.ts).
import type { WardPartnersFile, WardAgreementSeed } from './types.ts';

/** 足立区「災害時協定・覚書一覧」≪相互応援≫ of single municipalities (the 特別区 and 都内区市町村 agreements are left out). */
const KYOTE_LIST = '足立区「災害時協定・覚書一覧」協定先一覧≪相互応援≫';

const disasterFromList = (
  key: string,
  partners: WardAgreementSeed['partners'],
  signed: string,
  printed: string,
  resigned?: { iso: string; printed: string },
  extra?: string,
): WardAgreementSeed => ({
  key,
  partners,
  type: 'disaster-mutual-support',
  title: '相互応援協定',
  signed,
  ...(resigned ? { resigned: [resigned.iso] } : {}),
  sources: ['kyote'],
  notes: [
    `出典: ${KYOTE_LIST}に「${printed}」と記載(和暦を西暦に換算)。`,
    resigned ? `再締結: ${resigned.printed}。` : null,
    '一覧は協定の正式名称を載せず、見出し「相互応援」のみ。種類は災害時相互応援協定とした。',
    extra ?? null,
  ]
    .filter(Boolean)
    .join(' '),
});

export default {
  ward: '足立区',
  sources: {
    kyote: {
      url: 'https://www.city.adachi.tokyo.jp/saigai/bosai/bosai/taisaku-kyote.html',
      title: '災害時協定・覚書一覧',
      publisher: '足立区',
      statedOn: '2024-04-08',
      statedText: '公開日:2020年2月12日 更新日:2024年4月8日',
    },
    kanko: {
      url: 'https://adachikanko.net/?p=43463',
      title: '友好自治体',
      publisher: '足立区観光交流協会(あだち観光ネット)',
      statedOn: null,
    },
    yamanouchi: {
      url: 'https://www.town.yamanouchi.nagano.jp/soshiki/ijukoryusuishin/gyomu/iju_teiju/819.html',
      title: '足立区との交流',
      publisher: '山ノ内町',
      statedOn: null,
    },
    kanuma: {
      url: 'https://www.city.kanuma.tochigi.jp/0374/info-0000001052-1.html',
      title: '友好交流都市',
      publisher: '鹿沼市',
      statedOn: null,
    },
    tokimekiKanuma: {
      url: 'http://www.a-tokimeki.net/contents/?id=3436',
      title: '産業情報 栃木県鹿沼市(2022/07/01号)',
      publisher: 'ときめき(足立区の情報紙)',
      statedOn: '2022-07-01',
      statedText: '2022/07/01号',
    },
    tokimekiUonuma: {
      url: 'http://www.a-tokimeki.net/contents/?id=3438',
      title: '産業情報 新潟県魚沼市(2022/07/01号)',
      publisher: 'ときめき(足立区の情報紙)',
      statedOn: '2022-07-01',
      statedText: '2022/07/01号',
    },
    kucho2016: {
      url: 'https://www.city.adachi.tokyo.jp/hisho/ku/kucho/20160726-mainichi.html',
      title: '環境がテーマの友好都市ツアーが人気です',
      publisher: '足立区',
      statedOn: '2016-07-26',
      statedText: '公開日:2016年7月26日 更新日:2016年7月26日',
    },
    misato: {
      url: 'https://www.town.misato.miyagi.jp/17bousai/2012-0228-1619-33.html',
      title: '災害時相互応援協定(東京都足立区と締結)',
      publisher: '美里町(宮城県)',
      statedOn: '2013-01-31',
      statedText: '更新日: 2013 年 01 月 31 日',
    },
  },
  agreements: [
    // 友好自治体(国内3都市)
    {
      key: 'adachi/yamanouchi/friendship',
      partners: [['長野県', '山ノ内町']],
      type: 'friendship-municipality',
      title: '友好自治体提携',
      signed: '1982-10-01',
      background: '戦時中の学童疎開が交流の始まり。',
      sources: ['yamanouchi', 'kanko', 'kucho2016'],
      notes:
        '出典: 山ノ内町「足立区との交流」(既存の seed の出典。1982年10月1日)。あだち観光ネット「友好自治体」は「長野県山ノ内町(昭和57年10月提携)」、第二次世界大戦中の学童疎開がきっかけと記載。足立区長コラム(2016年)も友好都市3つの一つとして記載。',
    },
    {
      key: 'adachi/uonuma/friendship',
      partners: [['新潟県', '魚沼市', '小出町']],
      type: 'friendship-municipality',
      title: '友好自治体提携',
      signed: '1982-10-01',
      background: '旧小出町で開催された区主催のスキー教室をきっかけに、昭和37年から51年にかけて子ども交歓会が実施されたことが提携のきっかけ。',
      sources: ['tokimekiUonuma', 'kanko', 'kucho2016'],
      notes:
        'ときめき(2022/07/01号)は「提携年月日 昭和57年10月1日(提携40周年)」、あだち観光ネットは「新潟県魚沼市(昭和57年10月提携)」と記載。和暦換算: 昭和57年=1982年。魚沼市は2004年の合併で発足したため、1982年の提携相手は旧小出町と読んだ(出典は旧小出町でのスキー教室をきっかけとする)。',
      review: '1982年の提携相手が旧小出町であることは出典の経緯からの読み。提携書の当事者名は未確認。',
    },
    {
      key: 'adachi/kanuma/friendship',
      partners: [['栃木県', '鹿沼市']],
      type: 'friendship-municipality',
      title: '友好都市提携',
      signed: '1992-10-01',
      background: '昭和59年、足立区が鹿沼市内(板荷地内)に野外レクリエーションセンターを開設したことがきっかけ。',
      sources: ['kanuma', 'tokimekiKanuma', 'kanko', 'kucho2016'],
      notes:
        '鹿沼市「友好交流都市」は「平成4年10月1日に友好都市提携をしました」、ときめき(2022/07/01号)は「提携年月日 平成4年10月1日(提携30周年)」、あだち観光ネットは「平成4年10月提携」と記載。和暦換算: 平成4年=1992年。',
    },

    // 災害時の相互応援(足立区「災害時協定・覚書一覧」)
    disasterFromList('adachi/uonuma/disaster', [['新潟県', '魚沼市']], '1986-09-01', '新潟県魚沼市(昭和61年9月1日締結/平成17年8月12日再締結)', { iso: '2005-08-12', printed: '平成17年8月12日' },
      '魚沼市の発足(2004年)前の締結で、当初の締結相手の名は一覧に記載がない。'),
    disasterFromList('adachi/kanuma/disaster', [['栃木県', '鹿沼市']], '1988-11-01', '栃木県鹿沼市(昭和63年11月1日締結)'),
    disasterFromList('adachi/kyonan/disaster', [['千葉県', '鋸南町']], '1995-08-16', '千葉県鋸南町(平成7年8月16日締結)'),
    disasterFromList('adachi/nasushiobara/disaster', [['栃木県', '那須塩原市']], '1995-08-21', '栃木県那須塩原市(平成7年8月21日締結/平成17年8月1日再締結)', { iso: '2005-08-01', printed: '平成17年8月1日' },
      '那須塩原市の発足(2005年)前の締結で、当初の締結相手の名は一覧に記載がない。'),
    disasterFromList('adachi/yashio/disaster', [['埼玉県', '八潮市']], '1995-08-21', '埼玉県八潮市(平成7年8月21日締結)'),
    disasterFromList('adachi/nikko/disaster', [['栃木県', '日光市']], '1996-02-19', '栃木県日光市(平成8年2月19日締結/平成18年12月1日再締結)', { iso: '2006-12-01', printed: '平成18年12月1日' },
      '2006年の合併前の締結で、当初の締結相手(旧日光市か旧町村か)は一覧に記載がない。'),
    disasterFromList('adachi/yamanakako/disaster', [['山梨県', '山中湖村']], '1996-02-28', '山梨県山中湖村(平成8年2月28日締結)'),
    disasterFromList('adachi/futtsu/disaster', [['千葉県', '富津市']], '1996-03-22', '千葉県富津市(平成8年3月22日締結)'),
    {
      key: 'adachi/yamanouchi/disaster',
      partners: [['長野県', '山ノ内町']],
      type: 'disaster-mutual-aid',
      title: '災害時相互援助協定',
      signed: '1996-07-01',
      sources: ['yamanouchi', 'kyote'],
      notes:
        '既存の seed(出典: 山ノ内町「足立区との交流」、協定名「災害時相互援助協定」、締結日なし)。締結日は足立区「災害時協定・覚書一覧」≪相互応援≫の「長野県山ノ内町(平成8年7月1日締結)」による(平成8年=1996年)。',
    },
    disasterFromList('adachi/saitama-4/disaster', [['埼玉県', '川口市'], ['埼玉県', '草加市'], ['埼玉県', '蕨市'], ['埼玉県', '戸田市']], '1996-11-15', '埼玉県川口市、草加市、蕨市、戸田市(平成8年11月15日締結)',
      undefined, '一覧では4市が1行で同じ締結日のため、1つの協定(多者間)として記録した。'),
    disasterFromList('adachi/soma/disaster', [['福島県', '相馬市']], '2007-05-16', '福島県相馬市(平成19年5月16日締結)'),
    {
      ...disasterFromList('adachi/misato-miyagi/disaster', [['宮城県', '美里町']], '2012-02-08', '宮城県美里町(平成24年2月8日締結)'),
      title: '災害時相互応援協定',
      sources: ['kyote', 'misato'],
      background: '東日本大震災で足立区が美里町へ職員10人を派遣して罹災調査を支援したことがきっかけ(美里町)。',
      notes:
        '足立区「災害時協定・覚書一覧」に「宮城県美里町(平成24年2月8日締結)」。美里町「災害時相互応援協定」は、平成24年2月8日に美里町近代文学館で締結式を行ったと記載。',
    },
    disasterFromList('adachi/tajimi/disaster', [['岐阜県', '多治見市']], '2012-02-13', '岐阜県多治見市(平成24年2月13日締結)'),
    disasterFromList('adachi/shimotsuma/disaster', [['茨城県', '下妻市']], '2017-01-13', '茨城県下妻市(平成29年1月13日締結)'),
  ],
  report: {
    openQuestions: [
      '魚沼市(1986年)・那須塩原市(1995年)・日光市(1996年)との相互応援協定は合併前の締結で、当初の締結相手(旧市町村)の名が出典にない。',
      '足立区「災害時協定・覚書一覧」は協定の正式名称を載せない(見出し「相互応援」のみ)。各協定の正式名称は未確認。',
      '足立区の交流自治体一覧(全国連携の「交流自治体」)そのものは見つからなかった。記録は友好自治体3都市と災害時相互応援の協定先のみ。',
      '第2ラウンドでは協定先の側の報道発表や足立朝日の記事から協定以外の交流自治体を探したが、新しい協定先は見つからなかった(足立朝日 2007年6月5日号は相馬市との協定を報じ、既存の記録と一致)。',
    ],
  },
} satisfies WardPartnersFile;
