// The sources every seeded registry record cites (research/domain.md gives each with its URL).
// A record whose only source is the printed pamphlet has no URL and names the pamphlet in notes.

/** The seed pamphlet (figures as of 令和4年(2022)3月1日); no public URL of this edition was found. */
export const PAMPHLET_2022 = '出典: 特別区全国連携プロジェクト パンフレット(特別区長会、令和4年(2022)3月1日現在の数値を掲載)';
export const PAMPHLET_2022_TITLE = '特別区全国連携プロジェクト パンフレット(令和4年3月1日現在)';

export const KUCHOKAI_ZENKOKU = 'https://www.tokyo23city-kuchokai.jp/katsudo/zenkoku.html';
export const SHIEN_HIGASHINIHON = 'http://www.tokyo23city-kuchokai.jp/shien/higashinihon/index.html';
export const IJAMP_2022 = 'https://portal.jamp.jiji.com/portal/news/detail/20221228926455J';
export const MIRYOKU_2024 = 'https://collabo.tokyo-23city.or.jp/renkei/kucho-miryoku_2024.html';
export const SANKEI_DAIICHI = 'https://www.sankei.com/region/amp/180824/rgn1808240003-a.html';
export const SHINNIHON_DAIICHI = 'https://www.shinnihon-ins.co.jp/industry-news/industry-news-20180824-5/';
export const NIKKEI_SAITAMA = 'https://www.nikkei.com/article/DGXMZO30043990R00C18A5L83000/';
export const PAPERZZ_2014 = 'https://paperzz.com/doc/5400805/';
export const AMEBLO_2018 = 'https://ameblo.jp/hiroshioda/entry-12376040680.html';
export const NEWSLETTER_2019 = 'https://pdfslide.net/documents/vol-23-23-23225123.html';
export const PR_EXHIBITION_2017 = 'https://www.tokyo-23city.or.jp/jigyo/kikaku/tenji/h_28/290201.html';
export const KUSHIRO_EXCHANGE = 'https://www.kushiro.pref.hokkaido.lg.jp/ts/tss/kcs/208696.html';
export const TAKATOSI = 'https://takatosi.net/4451';
export const TAKINOUE_2016 = 'http://town.takinoue.hokkaido.jp/chosei/chocho/welcome/2016/20160617.html';
export const SHINAGAWA_SNOW_2015 = 'https://www.city.shinagawa.tokyo.jp/PC/press_release/press_release-2015/hpg000025448.html';
export const ROKKON_2015 = 'http://www.city.shinagawa.tokyo.jp/hp/page000025400/hpg000025355.htm';
export const SYMPOSIUM_2016 = 'http://collabo.tokyo-23city.or.jp/renkei/archive/2016/zenkoku_symposium_2016.html';
export const MIRYOKU_2017 = 'http://collabo.tokyo-23city.or.jp/renkei/kucho_miryoku_2017.html';
export const KIZUNA_EXHIBITION_2019 = 'https://www.tokyo-23city.or.jp/jigyo/kikaku/tenji/h_31/310413.html';
export const MIRYOKU_2019 = 'https://collabo.tokyo-23city.or.jp/renkei/archive/2019/kucho_miryoku_2019_2.html';
export const LECTURE_2020 = 'https://www.tokyo-23city.or.jp/jigyo/kikaku/koza/r_1/020114.html';
export const SHINAGAWA_2021 = 'https://www.city.shinagawa.tokyo.jp/PC/shinagawaphotonews/shinagawaphotonews-2021/20210702162044.html';
export const LECTURE_2021 = 'http://collabo.tokyo-23city.or.jp/renkei/kucho_kouenkai_2021_2.html';
export const LECTURE_2023_2 = 'https://collabo.tokyo-23city.or.jp/renkei/archive/2023/renkeikouenkai_202302-2.html';
export const SUGINAMI = 'https://www-city-suginami-tokyo-jp.cache.yimg.jp/suginamishoukai/tsudou/kouryu/1005482.html';
export const SUGINAMI_KOURYU = 'http://suginami-kouryu.org/info.html';
export const MINAMIIZU = 'http://www.town.minamiizu.shizuoka.jp/docs/2014091200018/';
export const SUGINAMI_EXPYDOC = 'https://expydoc.com/doc/11014484/';
export const SUGINAMIGAKU = 'https://suginamigaku.org/2015/06/exchange-autonomous.html';
export const SETAGAYA = 'https://www.city.setagaya.lg.jp/mokuji/kusei/005/010/31167/d00194718.html';
export const SETAGAYA_BLOG = 'https://blog.goo.ne.jp/setagayakugi-tanakayuko/d/20080623';
export const KITA_2015 = 'https://collabo.tokyo-23city.or.jp/renkei/archive/2015/kitaku_yukotoshi.html';
export const TOSHIMA = 'https://www.city.toshima.lg.jp/013/kuse/koho/hodo/r0407/2207221331.html';
/** うるま市: the 2024-10-13 agreement with 文京区, and 盛岡市's own dates with both (平成31年2月20日 with 文京区). */
export const URUMA = 'https://www.city.uruma.lg.jp/1002003000/contents/p000023.html';
export const BUNKYO_KOHO_2024 = '区報ぶんきょう 2024年11月10日号(mykoho.jp)「沖縄県うるま市と友好都市協定を締結」';
export const YAMANOUCHI = 'https://www.town.yamanouchi.nagano.jp/soshiki/ijukoryusuishin/gyomu/iju_teiju/819.html';
export const ARAKAWA_2009 = 'https://web.archive.org/web/20100115021150/http:/www.city.arakawa.tokyo.jp/a001/b008/d01500002.html';
export const CHIYODA = 'https://www.city.chiyoda.lg.jp/koho/shigoto/sangyo/chihotonorenkeishien/renkeijichitai.html';
export const MINATO_ADEAC = 'https://adeac.jp/minato-city/texthtml/d110060/mp100010-110060/ht001390';
export const MINATO_MAGAZINE = 'https://www.city.minato.tokyo.jp/zenkokurenkeitan/documents/documents/documents/minatokkara/minatokarabacknumber.html';
export const WIKIZERO_SISTER = 'https://www.wikizero.net/wiki/ja/%E5%A7%89%E5%A6%B9%E9%83%BD%E5%B8%82';
/** 十勝地域(16町2村) in the 台東区・墨田区 joint plan's own events. */
export const TOKACHI_WEEK_2021 = 'https://sotokoto-online.jp/?p=58700';
/** 京都府総合計画 山城地域振興計画: the 15 市町村 of 山城地域. */
export const KYOTO_YAMASHIRO = 'https://www.pref.kyoto.jp/shinsougoukeikaku/gaiyou/4.html';
/** General knowledge, no URL: the areas of 北海道's 14 総合振興局・振興局. */
export const HOKKAIDO_SHINKOKYOKU = '北海道の総合振興局・振興局の所管区域(北海道総合振興局及び振興局の設置に関する条例)';
