// Events known from the research notes (research/domain.md §0, §2.7, §2.10, §3.3, §3.4), loaded at
// every start, each with the source it was read in (stored and shown on its page); and, only with
// DEMO_DATA outside production, a few upcoming sample events marked 「サンプル」 so that a fresh site's
// calendar is not empty. Only facts stated in the notes: a field the notes do not give is left
// empty. Idempotent: ids come from stable keys; an existing event (perhaps edited or withdrawn on
// the site) is never touched again.
import type { Kysely } from 'kysely';
import type { Database, EventProvenance } from '../schema.ts';
import { loadResolver, seedId, type Resolver } from './registry/util.ts';

interface SeedEvent {
  key: string;
  title: string;
  kind: string;
  startsOn: string;
  endsOn?: string;
  startTime?: string;
  endTime?: string;
  venueName?: string;
  address?: string;
  online?: boolean;
  description: string;
  organisers?: string[];
  coOrganisers?: string[];
  partners?: string[];
  supporters?: string[];
  contacts?: Array<{ name: string; phone: string }>;
  field?: number;
  capacity?: string;
  feeBasic?: string;
  /** [prefecture, municipality] names, resolved to codes. */
  municipalities?: Array<[string, string]>;
  sourceUrl: string | null;
  notes?: string;
}

const wideAreaGroups = ['北海道町村会', '京都府市長会', '京都府町村会', '青森県市長会', '青森県町村会', '千葉県市長会', '千葉県町村会', '広島県町村会', '奈良県町村会', '群馬県市長会', '群馬県町村会', '埼玉県町村会', '山梨県町村会'];

export const realEvents: SeedEvent[] = [
  {
    key: '2015-snow-shinagawa',
    title: 'しながわECOフェスティバル（岩手県北上市・西和賀町の雪）',
    kind: 'その他',
    startsOn: '2015-05-24',
    description: '岩手県北上市・西和賀町の雪（約4トン）を、品川区の「しながわECOフェスティバル」の会場に運びました。2014年5月には江東区、2015年には荒川区のイベントにも届けられています。',
    municipalities: [
      ['岩手県', '北上市'],
      ['岩手県', '西和賀町'],
      ['東京都', '品川区'],
    ],
    sourceUrl: 'https://www.city.shinagawa.tokyo.jp/PC/press_release/press_release-2015/hpg000025448.html',
  },
  {
    key: '2015-rokkonsai-ceremony',
    title: '東北六魂祭 協力・連携締結式',
    kind: '協定締結式',
    startsOn: '2015-05-13',
    venueName: '東京区政会館',
    description: '東北6県の県庁所在市と、東北六魂祭への協力・連携の締結式を行いました。',
    sourceUrl: 'http://www.city.shinagawa.tokyo.jp/hp/page000025400/hpg000025355.htm',
  },
  {
    key: '2016-symposium',
    title: '全国連携シンポジウム「遠隔自治体間連携の可能性と展望」',
    kind: 'シンポジウム',
    startsOn: '2016-04-26',
    venueName: '東京区政会館',
    description: '参加者164名。同日、北海道町村会、京都府市長会・京都府町村会との協定締結式を行いました。',
    sourceUrl: 'http://collabo.tokyo-23city.or.jp/renkei/archive/2016/zenkoku_symposium_2016.html',
  },
  {
    key: '2016-koto-environment-fair',
    title: '江東区環境フェア オホーツク地域のブース',
    kind: '物産展',
    startsOn: '2016-06-05',
    description: '江東区の環境フェアに、江東区と地域間交流を進めるオホーツク地域（15町村）がブースを出しました。',
    municipalities: [['東京都', '江東区']],
    sourceUrl: 'http://town.takinoue.hokkaido.jp/chosei/chocho/welcome/2016/20160617.html',
  },
  {
    key: '2017-pr-exhibition-2',
    title: '特別区全国連携プロジェクト賛同自治体PR展示 第2部',
    kind: 'PR展示',
    startsOn: '2017-02-01',
    endsOn: '2017-02-23',
    venueName: '東京区政会館 1階',
    description: 'ホームページに会員登録している自治体（賛同自治体）のPR展示です。第2部は赤穂市・津市・中標津町・志賀町。',
    municipalities: [
      ['兵庫県', '赤穂市'],
      ['三重県', '津市'],
      ['北海道', '中標津町'],
      ['石川県', '志賀町'],
    ],
    sourceUrl: 'https://www.tokyo-23city.or.jp/jigyo/kikaku/tenji/h_28/290201.html',
  },
  {
    key: '2017-miryoku-1',
    title: '平成29年度 第1回 魅力発信イベント',
    kind: '魅力発信イベント',
    startsOn: '2017-09-09',
    endsOn: '2017-09-10',
    venueName: 'まるごとにっぽん（浅草）',
    description: '丼フェスティバル（6種類の丼、各日300食）と、5地域25自治体の地酒ストリート。',
    partners: wideAreaGroups.slice(0, 7),
    sourceUrl: 'http://collabo.tokyo-23city.or.jp/renkei/kucho_miryoku_2017.html',
  },
  {
    key: '2018-business-exchange',
    title: '地域創生ビジネス交流会',
    kind: 'その他',
    startsOn: '2018-10-18',
    description: '第一生命保険株式会社との包括連携協定（2018年8月23日）に基づく最初の取組みです。',
    sourceUrl: 'https://www.shinnihon-ins.co.jp/industry-news/industry-news-20180824-5/',
  },
  {
    key: '2019-tohoku-kizuna-exhibition',
    title: '東北絆まつり 展示',
    kind: '展示',
    startsOn: '2019-04-13',
    endsOn: '2019-05-09',
    venueName: '東京区政会館',
    description: '東北絆まつりを紹介する展示です。',
    sourceUrl: 'https://www.tokyo-23city.or.jp/jigyo/kikaku/tenji/h_31/310413.html',
  },
  {
    key: '2019-miryoku-1',
    title: '令和元年度 第1回 魅力発信イベント',
    kind: '魅力発信イベント',
    startsOn: '2019-10-26',
    endsOn: '2019-10-27',
    venueName: 'KITTE 丸の内',
    description: '北海道・京都・青森・千葉・広島・奈良・群馬・埼玉の各地域と23区が参加しました。のべ358自治体が参加し、来場者数は2日間で5万7千人を超えました。',
    sourceUrl: 'https://collabo.tokyo-23city.or.jp/renkei/archive/2019/kucho_miryoku_2019_2.html',
  },
  {
    key: '2020-lecture',
    title: '講演会「第2期まち・ひと・しごと創生総合戦略と東京23区」',
    kind: '講演会',
    startsOn: '2020-01-14',
    description: '参加者125名。',
    sourceUrl: 'https://www.tokyo-23city.or.jp/jigyo/kikaku/koza/r_1/020114.html',
  },
  {
    key: '2021-hiroshima-panels',
    title: '広島県の9町 パネル展',
    kind: 'パネル展',
    startsOn: '2021-07-02',
    endsOn: '2021-07-14',
    venueName: 'スクエア荏原',
    description: '広島県町村会に加わる広島県全9町を紹介するパネル展です（品川区）。',
    municipalities: [['東京都', '品川区']],
    sourceUrl: 'https://www.city.shinagawa.tokyo.jp/PC/shinagawaphotonews/shinagawaphotonews-2021/20210702162044.html',
  },
  {
    key: '2021-lecture-1',
    title: '令和3年度 第1回 全国連携講演会',
    kind: '講演会',
    startsOn: '2021-08-19',
    online: true,
    description: 'オンラインで開催し、135名が参加しました。基調講演、事例紹介、パネルディスカッション。',
    sourceUrl: 'http://collabo.tokyo-23city.or.jp/renkei/kucho_kouenkai_2021_2.html',
  },
  {
    key: '2024-lecture-2',
    title: '令和5年度 第2回 全国連携講演会「全国連携で広がる支援の輪～文化・歴史の絆が繋ぐ熊本の災害復興～」',
    kind: '講演会',
    startsOn: '2024-01-30',
    online: true,
    description: 'オンラインで開催し、116名が参加しました。',
    sourceUrl: 'https://collabo.tokyo-23city.or.jp/renkei/archive/2023/renkeikouenkai_202302-2.html',
  },
  {
    key: '2024-kushiro-festival',
    title: '第7回 北海道くしろのふれあい祭り',
    kind: 'その他',
    startsOn: '2024-10-05',
    endsOn: '2024-10-06',
    venueName: '日暮里駅前イベント広場',
    description: '釧路地域（8市町村）と荒川区の地域間交流のお祭りです（2020〜2022年は開催なし）。',
    organisers: ['北海道釧路地域・東京都特別区交流推進協議会'],
    municipalities: [['東京都', '荒川区']],
    sourceUrl: 'https://www.kushiro.pref.hokkaido.lg.jp/ts/tss/kcs/208696.html',
  },
  {
    key: '2024-miryoku',
    title: '令和6年度 魅力発信イベント',
    kind: '魅力発信イベント',
    startsOn: '2024-10-30',
    endsOn: '2024-10-31',
    venueName: '明治安田ヴィレッジ丸の内',
    description: '広域連携協定締結先13地域372自治体の写真パネルの展示と、ステージイベント（千葉県匝瑳市のご当地ヒーロー、京都府舞鶴市の自治体PR など）。',
    organisers: ['特別区長会'],
    coOrganisers: ['明治安田生命保険相互会社'],
    partners: wideAreaGroups,
    supporters: ['東京都'],
    contacts: [{ name: '公益財団法人特別区協議会 事業部 事業推進課', phone: '03-5210-9080' }],
    municipalities: [
      ['千葉県', '匝瑳市'],
      ['京都府', '舞鶴市'],
    ],
    sourceUrl: 'https://collabo.tokyo-23city.or.jp/renkei/kucho-miryoku_2024.html',
  },
];

/** Upcoming sample events (「サンプル」), for a fresh demonstration site only. */
export const sampleEvents: SeedEvent[] = [
  {
    key: 'sample-nayoro-fair',
    title: '名寄市 ひまわりと冬の味覚 物産展',
    kind: '物産展',
    startsOn: '2027-01-23',
    endsOn: '2027-01-24',
    startTime: '10:00',
    endTime: '17:00',
    venueName: '東京区政会館 1階エントランス',
    address: '東京都千代田区飯田橋3-5-1',
    description: 'これはサンプルのイベントです（実在しません）。名寄市の特産品を販売します。',
    organisers: ['名寄市'],
    feeBasic: '無料',
    field: 1,
    municipalities: [['北海道', '名寄市']],
    sourceUrl: null,
  },
  {
    key: 'sample-online-lecture',
    title: '全国連携オンライン講演会「二地域居住のこれから」',
    kind: '講演会',
    startsOn: '2027-02-18',
    startTime: '14:00',
    endTime: '16:00',
    online: true,
    description: 'これはサンプルのイベントです（実在しません）。',
    capacity: '300名（先着順）',
    feeBasic: '無料',
    field: 6,
    sourceUrl: null,
  },
  {
    key: 'sample-panel',
    title: '交流自治体の魅力 パネル展',
    kind: 'パネル展',
    startsOn: '2027-03-01',
    endsOn: '2027-03-12',
    venueName: '杉並区役所 1階ロビー',
    description: 'これはサンプルのイベントです（実在しません）。',
    field: 2,
    municipalities: [
      ['東京都', '杉並区'],
      ['北海道', '名寄市'],
    ],
    sourceUrl: null,
  },
];

async function insertAll(db: Kysely<Database>, lg: Resolver, events: SeedEvent[], provenance: EventProvenance, now: string): Promise<number> {
  let inserted = 0;
  for (const e of events) {
    const id = seedId('event', e.key);
    const codes = (e.municipalities ?? []).map(([pref, name]) => (pref === '東京都' && name.endsWith('区') ? lg.ward(name) : lg.municipality(pref, name)));
    const result = await db
      .insertInto('events')
      .values({
        id,
        title: e.title,
        kind: e.kind,
        starts_on: e.startsOn,
        ends_on: e.endsOn ?? e.startsOn,
        start_time: e.startTime ?? null,
        end_time: e.endTime ?? null,
        venue_name: e.venueName ?? '',
        address: e.address ?? '',
        online: e.online ? 1 : 0,
        online_url: null,
        latitude: null,
        longitude: null,
        description: e.description,
        organisers: (e.organisers ?? []).join('\n'),
        co_organisers: (e.coOrganisers ?? []).join('\n'),
        partners: (e.partners ?? []).join('\n'),
        supporters: (e.supporters ?? []).join('\n'),
        field: e.field ?? null,
        fee_basic: e.feeBasic ?? '',
        capacity: e.capacity ?? '',
        apply_deadline: null,
        apply_deadline_time: null,
        contacts: JSON.stringify((e.contacts ?? []).map((c) => ({ ...c, extension: '' }))),
        url: null,
        notes: e.notes ?? '',
        project_id: null,
        flyer_file_id: null,
        status: 'published',
        owner_code: null,
        provenance,
        source_url: e.sourceUrl,
        feed_id: null,
        external_uid: null,
        content_hash: null,
        fetched_at: null,
        submitted_by: null,
        created_by: null,
        updated_by: null,
        created_at: now,
        updated_at: now,
        published_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    inserted++;
    if (codes.length > 0) {
      await db
        .insertInto('event_municipalities')
        .values(codes.map((code, position) => ({ event_id: id, local_government_code: code, prefecture_code: lg.prefectureOf(code), position })))
        .execute();
    }
  }
  return inserted;
}

export async function seedEvents(db: Kysely<Database>, options: { samples: boolean }): Promise<number> {
  const lg = await loadResolver(db);
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const real = await insertAll(trx, lg, realEvents, 'seed', now);
    const samples = options.samples ? await insertAll(trx, lg, sampleEvents, 'sample', now) : 0;
    return real + samples;
  });
}
