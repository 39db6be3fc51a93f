// The 47 prefectures as a tile-grid map: one equal square per prefecture, placed so that the grid
// keeps Japan's shape and most land neighbours touch (side or corner). Equal tiles give Tottori the
// same weight as Hokkaido, which is what a count per prefecture needs. Pure data and arithmetic;
// the SVG is drawn by src/views/components/japan-map.tsx.

export interface PrefectureTile {
  /** JIS X 0401, 2 digits. */
  code: string;
  /** Official name, as in the master data and the boundary file's N03_001 (e.g. 東京都). */
  name: string;
  /** Short label for a small tile (東京, 北海道). */
  shortName: string;
  /** Column (0 = west) and row (0 = north) in the grid. */
  col: number;
  row: number;
}

const tiles: ReadonlyArray<readonly [string, string, string, number, number]> = [
  ['01', '北海道', '北海道', 13, 0],
  ['02', '青森県', '青森', 13, 1],
  ['03', '岩手県', '岩手', 13, 2],
  ['04', '宮城県', '宮城', 13, 3],
  ['05', '秋田県', '秋田', 12, 2],
  ['06', '山形県', '山形', 12, 3],
  ['07', '福島県', '福島', 13, 4],
  ['08', '茨城県', '茨城', 12, 5],
  ['09', '栃木県', '栃木', 12, 4],
  ['10', '群馬県', '群馬', 11, 4],
  ['11', '埼玉県', '埼玉', 11, 5],
  ['12', '千葉県', '千葉', 12, 6],
  ['13', '東京都', '東京', 11, 6],
  ['14', '神奈川県', '神奈川', 11, 7],
  ['15', '新潟県', '新潟', 11, 3],
  ['16', '富山県', '富山', 10, 3],
  ['17', '石川県', '石川', 9, 3],
  ['18', '福井県', '福井', 8, 4],
  ['19', '山梨県', '山梨', 10, 5],
  ['20', '長野県', '長野', 10, 4],
  ['21', '岐阜県', '岐阜', 9, 4],
  ['22', '静岡県', '静岡', 10, 6],
  ['23', '愛知県', '愛知', 9, 5],
  ['24', '三重県', '三重', 8, 6],
  ['25', '滋賀県', '滋賀', 8, 5],
  ['26', '京都府', '京都', 7, 5],
  ['27', '大阪府', '大阪', 6, 6],
  ['28', '兵庫県', '兵庫', 6, 5],
  ['29', '奈良県', '奈良', 7, 6],
  ['30', '和歌山県', '和歌山', 6, 7],
  ['31', '鳥取県', '鳥取', 5, 5],
  ['32', '島根県', '島根', 4, 5],
  ['33', '岡山県', '岡山', 5, 6],
  ['34', '広島県', '広島', 4, 6],
  ['35', '山口県', '山口', 3, 6],
  ['36', '徳島県', '徳島', 5, 7],
  ['37', '香川県', '香川', 4, 7],
  ['38', '愛媛県', '愛媛', 3, 7],
  ['39', '高知県', '高知', 4, 8],
  ['40', '福岡県', '福岡', 2, 6],
  ['41', '佐賀県', '佐賀', 1, 6],
  ['42', '長崎県', '長崎', 0, 7],
  ['43', '熊本県', '熊本', 1, 7],
  ['44', '大分県', '大分', 2, 7],
  ['45', '宮崎県', '宮崎', 2, 8],
  ['46', '鹿児島県', '鹿児島', 1, 8],
  ['47', '沖縄県', '沖縄', 0, 9],
];

/** In JIS order (01 北海道 … 47 沖縄県). */
export const prefectureTiles: readonly PrefectureTile[] = Object.freeze(
  tiles.map(([code, name, shortName, col, row]) => Object.freeze({ code, name, shortName, col, row })),
);

export const tileGridSize = {
  cols: Math.max(...tiles.map((t) => t[3])) + 1,
  rows: Math.max(...tiles.map((t) => t[4])) + 1,
} as const;

const byName = new Map(prefectureTiles.map((t) => [t.name, t.code]));

/** '13' for 東京都; undefined for anything that is not a prefecture's official name. */
export function prefectureCodeByName(name: string): string | undefined {
  return byName.get(name.normalize('NFKC').trim());
}

export function prefectureTile(code: string): PrefectureTile | undefined {
  return prefectureTiles.find((t) => t.code === code);
}

/**
 * Class boundaries of a sequential colour scale with `steps` classes for counts from 1 to max
 * (0 has its own "none" class). Returns the upper bound of each class, ascending, the last being
 * max; bounds are whole numbers and never repeat, so with a small max there are fewer classes.
 */
export function sequentialBreaks(max: number, steps = 5): number[] {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  if (!Number.isFinite(max) || max < 0) throw new RangeError(`max must be a non-negative number, got ${max}`);
  const top = Math.ceil(max);
  if (top === 0) return [];
  const bounds: number[] = [];
  for (let i = 1; i <= steps; i++) {
    const b = Math.ceil((top * i) / steps);
    if (bounds.length === 0 || b > bounds[bounds.length - 1]!) bounds.push(b);
  }
  return bounds;
}

/** The class of a count: -1 for 0 (none), else the index of the first bound ≥ value. */
export function classOf(value: number, breaks: readonly number[]): number {
  if (value <= 0) return -1;
  const i = breaks.findIndex((b) => value <= b);
  return i === -1 ? breaks.length - 1 : i;
}

/** The lower bound (inclusive) of class i, for a legend such as 「21〜40」. */
export function classLowerBound(i: number, breaks: readonly number[]): number {
  return i === 0 ? 1 : breaks[i - 1]! + 1;
}
