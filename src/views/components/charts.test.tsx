import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPageContext } from '../context.ts';
import { ChartTable, contrastRatio, HorizontalBarChart, LineChart, niceTicks, seriesColours, StackedBarChart, type ChartProps } from './charts.tsx';
import { JapanMap, mapScale, noneFill, textColourOn } from './japan-map.tsx';
import { buildBoundaryMap, loadBoundaryMap } from '../boundary-map.ts';
import { geoFile } from '../../../test/geo-fixtures.ts';

const ctx = createPageContext('ja', '/collaboration');
const props: ChartProps = {
  ctx,
  id: 'c',
  title: '推移<テスト>',
  description: '説明 & 要約',
  categories: ['2014', '2015', '2016'],
  categoryLabels: ['2014年度(平成26年度)', '2015年度(平成27年度)', '2016年度(平成28年度)'],
  categoryHeader: '年度',
  unit: '件',
  series: [
    { key: 'a', label: '各区', values: [1, 2, 3] },
    { key: 'b', label: '23区共同', values: [0, 5, 1] },
  ],
  totalLabel: '合計',
};

test('ticks: 0 to at least the maximum, in 1–2–5 steps, at most 5 intervals', () => {
  assert.deepEqual(niceTicks(0), [0, 1]);
  assert.deepEqual(niceTicks(1), [0, 1]);
  assert.deepEqual(niceTicks(7), [0, 2, 4, 6, 8]);
  assert.deepEqual(niceTicks(10), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(niceTicks(431), [0, 100, 200, 300, 400, 500]);
  assert.deepEqual(niceTicks(1096), [0, 500, 1000, 1500]);
  for (const max of [3, 17, 99, 372, 20_000]) {
    const t = niceTicks(max);
    assert.ok(t[t.length - 1]! >= max && t.length - 1 <= 5, `${max}: ${t}`);
  }
  assert.throws(() => niceTicks(-1), RangeError);
});

test('series colours and the map scale meet WCAG contrast (3:1 graphics on white; 4.5:1 for the numbers on tiles)', () => {
  for (const c of seriesColours) assert.ok(contrastRatio(c, '#ffffff') >= 3, c);
  for (const fill of [noneFill, ...mapScale]) assert.ok(contrastRatio(fill, textColourOn(fill)) >= 4.5, fill);
  // The scale runs light to dark.
  const lum = mapScale.map((c) => contrastRatio(c, '#ffffff'));
  assert.deepEqual([...lum].sort((a, b) => a - b), lum);
  assert.equal(Math.round(contrastRatio('#000000', '#ffffff')), 21);
});

test('a chart is an SVG image named by its title and description, with escaped text and no style attribute', async () => {
  for (const Chart of [LineChart, StackedBarChart, HorizontalBarChart]) {
    const html = await Chart(props);
    assert.match(html, /<svg [^>]*role="img" aria-labelledby="c-title c-desc"/);
    assert.match(html, /<title id="c-title">推移&lt;テスト><\/title>/);
    assert.match(html, /<desc id="c-desc">説明 &amp; 要約<\/desc>/);
    assert.doesNotMatch(html, /\sstyle=/);
    assert.match(html, /<table class="rk-table rk-chart__table" id="c-table">/);
  }
});

test('the data table has the full category labels, the series, the unit and the row totals', async () => {
  const html = await ChartTable(props);
  assert.match(html, /<caption[^>]*>推移&lt;テスト>（表・単位：件）<\/caption>/);
  assert.match(html, /<th scope="row">2015年度\(平成27年度\)<\/th><td class="rk-number">2<\/td><td class="rk-number">5<\/td><td class="rk-number">7<\/td>/);
  assert.match(html, /role="region" tabindex="0" aria-labelledby="c-caption"/);
});

test('lines differ by marker and dash as well as colour', async () => {
  const html = await LineChart(props);
  assert.equal((html.match(/<polyline /g) ?? []).length, 2);
  assert.match(html, /stroke-dasharray="6 4"/);
  assert.equal((html.match(/<circle /g) ?? []).length, 3 + 1, 'three circles on the first line, one in the legend');
});

test('stacked bars: zero-height segments are not drawn', async () => {
  const html = await StackedBarChart(props);
  const svg = html.slice(0, html.indexOf('</svg>'));
  assert.equal((svg.match(/<rect /g) ?? []).length, 5, 'a 0 in 2014 draws no segment');
});

test('the tile map links every prefecture with its count, and colours by a legend', async () => {
  const html = await JapanMap({ ctx, id: 'm', title: '地図', description: '説明', counts: { '01': 144, '13': 3 }, unit: '自治体', hrefOf: (p) => `/municipalities?pref=${p}` });
  const links = [...html.matchAll(/<a href="\/municipalities\?pref=(\d\d)" aria-label="([^"]+)"/g)];
  assert.equal(links.length, 47 + 0, 'one link per tile (the table links are plain)');
  assert.ok(links.some((l) => l[1] === '01' && l[2] === '北海道：144自治体（自治体の一覧へ）'));
  assert.ok(links.some((l) => l[1] === '47' && l[2] === '沖縄県：0自治体（自治体の一覧へ）'));
  assert.match(html, /role="group" aria-labelledby="m-title m-desc"/);
  assert.match(html, /凡例/);
  assert.match(html, /0自治体/);
  assert.match(html, /117〜144自治体/);
  assert.doesNotMatch(html, /国土数値情報/);
  assert.doesNotMatch(html, /\sstyle=/);
  // The darkest class for the largest count, white for none.
  assert.match(html, new RegExp(`fill="${mapScale[4]}"`));
  assert.match(html, new RegExp(`fill="${noneFill}"`));
});

const topoPath = geoFile('prefectures.topo.json');

test('the boundary file gives a shape for each of the 47 prefectures, matched by N03_001, and is read once', () => {
  const map = loadBoundaryMap(topoPath);
  assert.equal(map.paths.size, 47);
  assert.deepEqual(map.unmatched, []);
  assert.ok(map.inset && map.inset.width > 0, 'Okinawa is an inset');
  for (const d of map.paths.values()) assert.match(d, /^M\d+ \d+L/);
  // Every point is inside the drawing.
  for (const d of map.paths.values()) {
    for (const m of d.matchAll(/[ML](-?\d+) (-?\d+)/g)) {
      assert.ok(Number(m[1]) >= 0 && Number(m[1]) <= map.width && Number(m[2]) >= 0 && Number(m[2]) <= map.height, m[0]);
    }
  }
  // Hokkaido is north (top) of Kagoshima; Tokyo east (right) of Fukuoka.
  const firstPoint = (code: string) => /^M(\d+) (\d+)/.exec(map.paths.get(code)!)!.slice(1).map(Number) as [number, number];
  assert.ok(firstPoint('01')[1] < firstPoint('46')[1]);
  assert.ok(firstPoint('13')[0] > firstPoint('40')[0]);
  assert.equal(loadBoundaryMap(topoPath), map, 'cached');
});

test('a boundary topology without the object or without prefecture names is refused with the reason', () => {
  const topology = { type: 'Topology', arcs: [[[0, 0], [1, 1], [1, 0], [0, 0]]], objects: { x: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { N03_001: '架空県' } }] } } } as never;
  assert.throws(() => buildBoundaryMap(topology, 'y'), /has no object "y" \(it has: x\)/);
  assert.throws(() => buildBoundaryMap(topology, undefined), /no feature of object "x" has a prefecture name/);
});

test('the geographic map draws the shapes as links and shows the credit, with the table open', async () => {
  const boundary = loadBoundaryMap(topoPath);
  const html = await JapanMap({ ctx, id: 'g', title: '地図', description: '説明', counts: { '13': 5 }, unit: '自治体', hrefOf: (p) => `/municipalities?pref=${p}`, boundary });
  assert.equal((html.match(/<a href="\/municipalities\?pref=\d\d" aria-label="[^"]+" class="rk-map__link"><path /g) ?? []).length, 47);
  assert.match(html, /出典：国土交通省 国土数値情報（行政区域データ）を加工して作成/);
  assert.match(html, /<details class="rk-map__table" open>/);
});
