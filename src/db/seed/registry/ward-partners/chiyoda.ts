// 千代田区の交流自治体・協定 (sourced; see types.ts).
import type { WardPartnersFile } from './types.ts';

export default {
  ward: '千代田区',
  sources: {
    renkeijichitai: {
      url: 'https://www.city.chiyoda.lg.jp/koho/shigoto/sangyo/chihotonorenkeishien/renkeijichitai.html',
      title: '連携自治体',
      publisher: '千代田区',
      statedOn: '2022-04-07',
      statedText: '更新日:2022年4月7日',
    },
    koho2020: {
      url: 'https://mykoho.jp/article/%E6%9D%B1%E4%BA%AC%E9%83%BD%E5%8D%83%E4%BB%A3%E7%94%B0%E5%8C%BA/%E5%BA%83%E5%A0%B1%E5%8D%83%E4%BB%A3%E7%94%B0-%E4%BB%A4%E5%92%8C2%E5%B9%B42020%E5%B9%B47%E6%9C%885%E6%97%A5%E5%8F%B7no-1523/%E5%9C%B0%E6%96%B9%E3%81%A8%E3%81%AE%E8%BA%AB%E8%BF%91%E3%81%AA%E3%81%A4%E3%81%AA%E3%81%8C%E3%82%8A/',
      title: '地方との身近なつながり(広報千代田 令和2年(2020年)7月5日号 No.1523)',
      publisher: '千代田区(マイ広報紙)',
      statedOn: '2020-07-05',
      statedText: '広報千代田 令和2年(2020年)7月5日号',
    },
    gojomeDayori: {
      url: 'https://this.kiji.is/576706055902987361',
      title: '嬬恋村・五城目町だより ◆第6号 ~五城目町 災害時に備えた連携~',
      publisher: '千代田区(this.kiji.is 掲載、©株式会社VOTE FOR)',
      statedOn: null,
      statedText: '日付の記載なし(本文に「今年姉妹提携30年という節目の年」)',
    },
    tokyomxGojome: {
      url: 'https://nordot.app/1056390040696930993?c=427849843378390113',
      title: '千代田区 姉妹提携の秋田県五城目町に支援実施',
      publisher: 'TOKYO MX',
      statedOn: null,
      statedText: '年の記載なし(本文に「7月14日からの記録的な大雨」「7月23日」)',
    },
    gojomeBlog: {
      url: 'https://ameblo.jp/nipponichiban/entry-12522342563.html',
      title: '五城目町・千代田区 姉妹提携30周年記念(ブログ記事)',
      publisher: 'Ameba ブログ(nipponichiban)',
      statedOn: null,
    },
    jomoSnow: {
      url: 'https://www.jomo-news.co.jp/news/gunma/society/187516',
      title: '都心に嬬恋の雪 子どもたちが歓声 きょうまで東京・神田小川町',
      publisher: '上毛新聞',
      statedOn: null,
      statedText: '日付の記載なし(「フェアは2002年に始まり、19回目」)',
    },
    chiyolabTsumagoi: {
      url: 'https://chiyolab.jp/archives/17596',
      title: '【レポート】神田小川町雪だるまフェアに雪を届けてくれる群馬県嬬恋村と交流しよう',
      publisher: 'ちよラボ',
      statedOn: null,
      statedText: '記事の対象は2023年1月10日(火)の催し',
    },
    tokyoNpFukui2022: {
      url: 'https://nozomimatsui.hatenablog.com/entry/2022/03/25/050000',
      title: '千代田区と福井県が協定締結 災害支援や観光で連携 区役所で恐竜展(東京新聞2022年3月24日の転載)',
      publisher: '東京新聞(井上靖史)の転載(個人ブログ nozomimatsui.hatenablog.com)',
      statedOn: '2022-03-24',
      statedText: '東京新聞2022年3月24日',
    },
    tsumagoiForest: {
      url: 'https://www.city.chiyoda.lg.jp/koho/machizukuri/kankyo/ondanka/carbon-offset/tsumagoikyotei.html',
      title: '群馬県嬬恋村との森林整備協定の内容',
      publisher: '千代田区',
      statedOn: '2018-11-14',
      statedText: '更新日:2018年11月14日',
    },
    eicTsumagoi2017: {
      url: 'http://www.eic.or.jp/news/?act=view&serial=38565&oversea=0',
      title: '東京都千代田区、嬬恋村と森林整備協定 区内のCO2排出量を相殺',
      publisher: '環境イノベーション情報機構(月刊ビジネスアイ エネコ提供)',
      statedOn: '2017-03-07',
      statedText: '【掲載日】2017.03.07 【情報源】地方自治体/2016.12.21 発表',
    },
    takayamaForest2012: {
      url: 'https://nozomimatsui.hatenablog.com/entries/2012/06/28',
      title: '(見出しは抜粋に現れず)千代田区と高山市の森林整備事業の協定の記事',
      publisher: '個人ブログ(nozomimatsui.hatenablog.com、新聞記事の引用とみられる)',
      statedOn: '2012-06-28',
      statedText: 'URL のパス 2012/06/28(本文は「二十六日」)',
    },
    rinseiChiyoda: {
      url: 'https://rinseinews.com/news/1979',
      title: '“林野率ゼロ”もなんのその、森林の多い市町村との連携拡大',
      publisher: '林政ニュース(日本林業調査会)',
      statedOn: null,
      statedText: '本文に「2022(令和4)年度は…森林環境譲与税が交付された」',
    },
    datsutanso2022: {
      url: 'https://www.city.chiyoda.lg.jp/koho/kuse/koho/pressrelease/r4/r404/20220426-1.html',
      title: '岐阜県高山市、群馬県嬬恋村、秋田県五城目町と「2050年 脱炭素社会実現に向けた連携協定」を締結(令和4年4月26日配信)',
      publisher: '千代田区(プレスリリース)',
      statedOn: '2022-04-26',
      statedText: '更新日:2022年4月26日',
    },
    gojomeDatsutanso2022: {
      url: 'https://www.town.gojome.akita.jp/town/sosikiannai/machi/wadai/r4wadai/1720',
      title: '千代田区と本町が「脱炭素社会実現に向けた連携協定」を締結',
      publisher: '五城目町',
      statedOn: null,
      statedText: '令和4年度の話題(本文に「4月1日に協定を締結し、4月8日に…懇談」)',
    },
  },
  agreements: [
    // 令和2年2月の「相互発展に向けた連携協定」(4自治体)。キーは agreements.ts のまま。
    ...(
      [
        ['岐阜県', '高山市', '協定以前から森林整備事業で協力。'],
        ['岩手県', '大槌町', '協定以前からグルメフェア事業で協力。区は東日本大震災以降、大槌町へ職員を派遣してきた。'],
        ['静岡県', '西伊豆町', '協定以前からグルメフェア事業で協力。'],
        ['新潟県', '糸魚川市', '協定以前からグルメフェア事業で協力。'],
      ] as const
    ).map(([pref, name, background]) => ({
      key: `chiyoda/${name}/renkei`,
      partners: [[pref, name]] as const,
      type: 'mutual-cooperation',
      title: '相互発展に向けた連携協定',
      signed: '2020-02',
      background,
      sources: ['renkeijichitai', 'koho2020'],
      notes:
        '区のページ「連携自治体」と広報千代田(令和2年7月5日号)はいずれも「令和2年2月に…相互発展に向けた連携協定を締結」と記載(日は記載なし)。4自治体は別々の相手として記載されているため自治体ごとの記録とした。旧記録(agreements.ts)の題名「連携協定」を出典の表記に改めた。',
    })),
    {
      key: 'chiyoda/fukui-pref/renkei',
      partners: [['福井県']],
      type: 'mutual-cooperation',
      title: '相互発展に向けた連携協定',
      signed: '2022-03-22',
      background: '福井藩江戸上屋敷拝領400年を記念し、令和2年1月に区内で福井県の観光物産展が開かれたことから交流が始まった。',
      sources: ['renkeijichitai', 'tokyoNpFukui2022'],
      notes: '区のページ「連携自治体」は「令和4年3月には福井県と相互発展に向けた連携協定を締結」と記載(日は記載なし)。東京新聞(2022年3月24日、個人ブログへの転載で読んだ)は、福井県と千代田区が「二十二日」に「相互発展に向けた連携協定」を結んだ(丸ビルで杉本達治知事と樋口高顕区長が協定書に署名)と記載。第2ラウンドで締結日を 2022-03 から 2022-03-22 に改めた。相手は県。',
    },
    {
      key: 'chiyoda/gojome/sister',
      partners: [['秋田県', '五城目町']],
      type: 'sister-city',
      title: '姉妹提携',
      signed: '1989',
      background: '内神田旭町の秋田藩邸跡に残る佐竹稲荷神社をめぐる町会の地域交流が、自治体の姉妹提携に発展した(ブログ記事による)。',
      sources: ['tokyomxGojome', 'koho2020', 'gojomeDayori', 'gojomeBlog'],
      notes:
        'TOKYO MX は「1989年から姉妹提携」、ブログ記事は「平成元年から30年」(平成元年=1989年)と記載。広報千代田(令和2年7月5日号)は「すでに姉妹提携を締結している…秋田県五城目町」とし、「嬬恋村・五城目町だより」第6号は「今年姉妹提携30年」と記載。月日はいずれの出典にもない。',
    },
    {
      key: 'chiyoda/gojome/disaster',
      partners: [['秋田県', '五城目町']],
      type: 'disaster-mutual-support',
      title: '震災等大規模災害時における相互応援に関する協定',
      signed: null,
      sources: ['gojomeDayori'],
      notes: '「嬬恋村・五城目町だより」第6号が協定名を記載。締結日は出典に記載がない。',
    },
    {
      key: 'chiyoda/tsumagoi/sister',
      partners: [['群馬県', '嬬恋村']],
      type: 'sister-city',
      title: '姉妹提携',
      signed: null,
      background: '嬬恋村が毎年天然雪を運び、神田小川町で「雪だるまフェア」が開かれている(2002年開始)。',
      sources: ['koho2020', 'jomoSnow', 'chiyolabTsumagoi'],
      notes: '広報千代田(令和2年7月5日号)は「すでに姉妹提携を締結している群馬県嬬恋村」、上毛新聞は「嬬恋村と千代田区が姉妹提携を結んだ縁」、ちよラボは「千代田区と姉妹都市である群馬県嬬恋村」と記載。提携日は見つからなかった。',
    },
    {
      key: 'chiyoda/tsumagoi/disaster',
      partners: [['群馬県', '嬬恋村']],
      type: 'disaster-mutual-support',
      title: '震災等大規模災害時における相互応援に関する協定(五城目町と同様の協定)',
      signed: null,
      sources: ['gojomeDayori'],
      notes: '「嬬恋村・五城目町だより」第6号は、五城目町との「震災等大規模災害時における相互応援に関する協定」に続けて「区は群馬県嬬恋村とも同様の協定を結んでおり」と記載。嬬恋村との協定の正式名称と締結日は出典に記載がない。',
      review: '嬬恋村との協定は「同様の協定」としか書かれていない。正式名称と締結日の確認が必要。',
    },
    {
      key: 'chiyoda/takayama/shinrin',
      partners: [['岐阜県', '高山市']],
      type: 'partnership',
      title: '森林整備事業の協定(森林整備協定)',
      signed: '2012-06-26',
      background: '高山市の市有林の間伐に区が協力し(費用の2分の1を負担)、増加するCO2吸収量を区内の排出量と相殺する。全国街道会議などで関係を築き、区民の生物多様性学習ツアーや市の桜の千鳥ケ淵への植樹などの交流があった。',
      sources: ['takayamaForest2012', 'tsumagoiForest', 'rinseiChiyoda'],
      notes: '新聞記事の引用(個人ブログ、2012年6月28日)は「千代田区と岐阜県高山市は二十六日、森林整備事業で協定を結んだ」「毎年度十ヘクタールの間伐作業を二〇二一年度まで」と記載(2012年6月26日と読んだ)。区のページ(嬬恋村との森林整備協定)は「平成24年に締結した岐阜県高山市に続き2例目」、林政ニュースは「岐阜県高山市との協働は、2012(平成24)年度にスタート」と記載。正式な協定名は出典にない。2022年の「2050年 脱炭素社会実現に向けた連携協定」で内容が引き継がれた(別の記録)。',
    },
    {
      key: 'chiyoda/tsumagoi/shinrin',
      partners: [['群馬県', '嬬恋村']],
      type: 'partnership',
      title: '森林整備の実施に関する協定',
      signed: '2016-12-21',
      background: '嬬恋村の村有林「ちよだ・つま恋の森」で毎年度約2ヘクタールを整備し、増加するCO2吸収量を区内の排出量と相殺する。植樹ツアーで住民が交流する。',
      sources: ['tsumagoiForest', 'eicTsumagoi2017', 'rinseiChiyoda'],
      notes: '区のページは「平成28年12月21日、地球温暖化対策の一環として、姉妹提携を結んでいる群馬県嬬恋村と「森林整備の実施に関する協定」を締結しました」と記載(平成28年=2016年)。環境イノベーション情報機構は協定の期限を「22年3月まで」とする。区長は締結式で「今回の協定が、嬬恋村との姉妹提携30周年のモニュメントになることを期待している」と述べている(姉妹提携の日付は書かれていない)。',
    },
    ...(
      [
        ['岐阜県', '高山市', 'takayama', null],
        ['群馬県', '嬬恋村', 'tsumagoi', null],
        ['秋田県', '五城目町', 'gojome', '2022-04-01'],
      ] as const
    ).map(([pref, name, slug, day]) => ({
      key: `chiyoda/${slug}/datsutanso`,
      partners: [[pref, name]] as const,
      type: 'partnership',
      title: '2050年 脱炭素社会実現に向けた連携協定',
      signed: day ?? '2022',
      sources: day ? ['datsutanso2022', 'gojomeDatsutanso2022', 'rinseiChiyoda'] : ['datsutanso2022', 'rinseiChiyoda'],
      notes: `区のプレスリリース(令和4年4月26日配信)は、高山市・嬬恋村と結んできた森林整備協定に再生可能エネルギーの利用や創出等を追加するとともに、新たに五城目町とも「2050年脱炭素社会実現に向けた連携協定」を締結したと記載(協定の概要は3市町村とも同じ、区と各市町村の二者間)。${
        day
          ? '五城目町のページは「4月1日に協定を締結し、4月8日にオンラインで…懇談」と記載(令和4年度の話題なので2022年4月1日と読んだ)。林政ニュースは五城目町との森林整備を「2022年度から」とする。'
          : '締結の月日は出典に記載がない。'
      }`,
      ...(day ? {} : { review: '締結月日未確認。2022年4月26日配信の区のプレスリリースが締結を報告し、五城目町との協定は2022年4月1日締結なので、同じく2022年3月1日より後の締結とみられる(年のみ2022と記録)。' }),
    })),
  ],
  report: {
    openQuestions: [
      '嬬恋村との姉妹提携の締結日が見つからなかった(広報・新聞は提携の事実のみ。2016年12月の森林整備協定の締結式で区長が「姉妹提携30周年」に触れているが日付はない)。',
      '「森林環境譲与税の活用に係る都内連携に関する協定」(2023年7月31日、東京都・多摩の市町村と特別区6区)は中央区のファイル(key chuo-joint/tama-mori/kyotei)に一度だけ記録した。',
      '五城目町・嬬恋村との災害時相互応援協定の締結日が見つからなかった。嬬恋村との協定は「同様の協定」としか書かれていない。',
      '連携協定(高山市・大槌町・西伊豆町・糸魚川市)は月までしか分からない(令和2年2月)。福井県との協定は東京新聞(転載)で2022年3月22日と確認した。',
      '第2ラウンドで相手側(嬬恋村・五城目町・高山市ほか)や報道の保存コピーも探したが、姉妹提携日・災害協定の締結日を記した出典は見つからなかった。',
      'ちよだフードバレーネットワーク(54市町村・団体が加入)は加入団体の名簿が見つからず、協定でもないため記録していない。',
    ],
  },
} satisfies WardPartnersFile;
