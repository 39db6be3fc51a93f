// The adjacency table against its source: computed again from the 国土数値情報 prefecture boundaries
// (../shared/data/geo/prefectures.topo.json, found by test/geo-fixtures.ts) by shared arcs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { geoFile } from '../../test/geo-fixtures.ts';
import { adjacentPrefectures, arePrefecturesAdjacent } from './prefecture-adjacency.ts';
import { prefectureCodeByName } from './prefecture-tiles.ts';

test('the table is what the boundary file says: prefectures whose shapes share an arc', () => {
  const topology = JSON.parse(readFileSync(geoFile('prefectures.topo.json'), 'utf8')) as Topology;
  const geometries = (topology.objects['prefectures'] as GeometryCollection<{ N03_001: string }>).geometries;
  const codes = geometries.map((g) => prefectureCodeByName((g.properties as { N03_001: string }).N03_001));
  assert.equal(new Set(codes).size, 47, 'every prefecture once');
  const computed: Record<string, string[]> = {};
  neighbors(geometries).forEach((indices, i) => {
    computed[codes[i]!] = [...new Set(indices.map((j) => codes[j]!))].sort();
  });
  assert.deepEqual({ ...adjacentPrefectures }, computed);
});

test('adjacency is symmetric and only between different, known prefectures', () => {
  for (const [a, list] of Object.entries(adjacentPrefectures)) {
    for (const b of list) assert.ok(adjacentPrefectures[b]?.includes(a), `${a}–${b}`);
    assert.equal(arePrefecturesAdjacent(a, a), false);
  }
  assert.equal(arePrefecturesAdjacent('13', '11'), true, '東京都–埼玉県');
  assert.equal(arePrefecturesAdjacent('28', '36'), false, '兵庫県–徳島県: a strait, no boundary');
  assert.equal(arePrefecturesAdjacent('01', '02'), false, '北海道 has no neighbour');
  assert.equal(arePrefecturesAdjacent('13', '99'), false);
});
