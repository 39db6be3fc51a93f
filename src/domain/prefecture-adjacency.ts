// Which prefectures share a land boundary (隣接する都道府県), for the geography of partner
// matching (src/domain/matching.ts).
//
// Source: computed, not written from memory, from the boundary geometry of 国土交通省 国土数値情報
// （行政区域データ）, as the TopoJSON ../shared/data/geo/prefectures.topo.json (object `prefectures`,
// names in N03_001; processed by SmartNews Media Research Institute, smartnews-smri/japan-topography;
// see that folder's SOURCE.md). Two prefectures are adjacent when their shapes share an arc, i.e. a
// stretch of common boundary (topojson-client `neighbors`); a strait or a bridge is no boundary, so
// 北海道 and 沖縄県 have no neighbour and 兵庫県–徳島県 or 山口県–福岡県 are not adjacent.
// src/domain/prefecture-adjacency.test.ts computes the table again from that file and compares.

/** For each 2-digit prefecture code, its adjacent prefectures (ascending). Symmetric. */
export const adjacentPrefectures: Readonly<Record<string, readonly string[]>> = Object.freeze({
  '01': [],
  '02': ['03', '05'],
  '03': ['02', '04', '05'],
  '04': ['03', '05', '06', '07'],
  '05': ['02', '03', '04', '06'],
  '06': ['04', '05', '07', '15'],
  '07': ['04', '06', '08', '09', '10', '15'],
  '08': ['07', '09', '11', '12'],
  '09': ['07', '08', '10', '11'],
  '10': ['07', '09', '11', '15', '20'],
  '11': ['08', '09', '10', '12', '13', '19', '20'],
  '12': ['08', '11', '13'],
  '13': ['11', '12', '14', '19'],
  '14': ['13', '19', '22'],
  '15': ['06', '07', '10', '16', '20'],
  '16': ['15', '17', '20', '21'],
  '17': ['16', '18', '21'],
  '18': ['17', '21', '25', '26'],
  '19': ['11', '13', '14', '20', '22'],
  '20': ['10', '11', '15', '16', '19', '21', '22', '23'],
  '21': ['16', '17', '18', '20', '23', '24', '25'],
  '22': ['14', '19', '20', '23'],
  '23': ['20', '21', '22', '24'],
  '24': ['21', '23', '25', '26', '29', '30'],
  '25': ['18', '21', '24', '26'],
  '26': ['18', '24', '25', '27', '28', '29'],
  '27': ['26', '28', '29', '30'],
  '28': ['26', '27', '31', '33'],
  '29': ['24', '26', '27', '30'],
  '30': ['24', '27', '29'],
  '31': ['28', '32', '33', '34'],
  '32': ['31', '34', '35'],
  '33': ['28', '31', '34'],
  '34': ['31', '32', '33', '35'],
  '35': ['32', '34'],
  '36': ['37', '38', '39'],
  '37': ['36', '38'],
  '38': ['36', '37', '39'],
  '39': ['36', '38'],
  '40': ['41', '43', '44'],
  '41': ['40', '42'],
  '42': ['41'],
  '43': ['40', '44', '45', '46'],
  '44': ['40', '43', '45'],
  '45': ['43', '44', '46'],
  '46': ['43', '45'],
  '47': [],
});

/** True when two different prefectures share a land boundary; false for unknown codes. */
export function arePrefecturesAdjacent(a: string, b: string): boolean {
  return a !== b && (adjacentPrefectures[a]?.includes(b) ?? false);
}
