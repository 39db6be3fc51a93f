// The 8 regions (地方区分) of Japan, as contiguous ranges of JIS X 0401 prefecture codes,
// and the English names of the prefectures for the English UI.

export type RegionId = 'hokkaido' | 'tohoku' | 'kanto' | 'chubu' | 'kinki' | 'chugoku' | 'shikoku' | 'kyushu';

export interface Region {
  id: RegionId;
  nameJa: string;
  nameEn: string;
  /** Inclusive range of 2-digit prefecture codes. */
  prefectures: readonly [from: string, to: string];
}

/** In JIS order, north to south; prefecture ranges are contiguous and cover 01–47. */
export const regions: readonly Region[] = [
  { id: 'hokkaido', nameJa: '北海道地方', nameEn: 'Hokkaido', prefectures: ['01', '01'] },
  { id: 'tohoku', nameJa: '東北地方', nameEn: 'Tohoku', prefectures: ['02', '07'] },
  { id: 'kanto', nameJa: '関東地方', nameEn: 'Kanto', prefectures: ['08', '14'] },
  { id: 'chubu', nameJa: '中部地方', nameEn: 'Chubu', prefectures: ['15', '23'] },
  { id: 'kinki', nameJa: '近畿地方', nameEn: 'Kinki', prefectures: ['24', '30'] },
  { id: 'chugoku', nameJa: '中国地方', nameEn: 'Chugoku', prefectures: ['31', '35'] },
  { id: 'shikoku', nameJa: '四国地方', nameEn: 'Shikoku', prefectures: ['36', '39'] },
  { id: 'kyushu', nameJa: '九州・沖縄地方', nameEn: 'Kyushu and Okinawa', prefectures: ['40', '47'] },
];

/** The region containing a prefecture; throws RangeError for anything but '01'–'47'. */
export function regionOfPrefecture(pref2: string): Region {
  if (/^[0-9]{2}$/.test(pref2)) {
    const n = Number(pref2);
    const region = regions.find((r) => n >= Number(r.prefectures[0]) && n <= Number(r.prefectures[1]));
    if (region) return region;
  }
  throw new RangeError(`unknown prefecture code ${JSON.stringify(pref2)}`);
}

/** English prefecture names, Hepburn without macrons (Tokyo, Kyoto, Hyogo, Kochi, Oita). */
export const prefectureNamesEn: Readonly<Record<string, string>> = {
  '01': 'Hokkaido',
  '02': 'Aomori',
  '03': 'Iwate',
  '04': 'Miyagi',
  '05': 'Akita',
  '06': 'Yamagata',
  '07': 'Fukushima',
  '08': 'Ibaraki',
  '09': 'Tochigi',
  '10': 'Gunma',
  '11': 'Saitama',
  '12': 'Chiba',
  '13': 'Tokyo',
  '14': 'Kanagawa',
  '15': 'Niigata',
  '16': 'Toyama',
  '17': 'Ishikawa',
  '18': 'Fukui',
  '19': 'Yamanashi',
  '20': 'Nagano',
  '21': 'Gifu',
  '22': 'Shizuoka',
  '23': 'Aichi',
  '24': 'Mie',
  '25': 'Shiga',
  '26': 'Kyoto',
  '27': 'Osaka',
  '28': 'Hyogo',
  '29': 'Nara',
  '30': 'Wakayama',
  '31': 'Tottori',
  '32': 'Shimane',
  '33': 'Okayama',
  '34': 'Hiroshima',
  '35': 'Yamaguchi',
  '36': 'Tokushima',
  '37': 'Kagawa',
  '38': 'Ehime',
  '39': 'Kochi',
  '40': 'Fukuoka',
  '41': 'Saga',
  '42': 'Nagasaki',
  '43': 'Kumamoto',
  '44': 'Oita',
  '45': 'Miyazaki',
  '46': 'Kagoshima',
  '47': 'Okinawa',
};
