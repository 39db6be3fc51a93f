import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLocalGovernments } from '../db/seed/local-governments.ts';
import {
  deriveGroupMembers,
  isValidOn,
  PUBLISHED_AS_OF,
  toMasterMunicipalities,
  wideAreaGroups,
  type MasterMunicipality,
  type WideAreaGroup,
} from './wide-area-groups.ts';

const master = toMasterMunicipalities(loadLocalGovernments());
const byId = (id: string): WideAreaGroup => {
  const g = wideAreaGroups.find((x) => x.id === id);
  assert.ok(g, id);
  return g;
};
const NORTHERN_TERRITORIES = ['016951', '016969', '016977', '016985', '016993', '017001'];

test('13 groups with distinct ids, 9 prefectures, ISO dates, published counts summing to 372', () => {
  assert.equal(wideAreaGroups.length, 13);
  assert.equal(new Set(wideAreaGroups.map((g) => g.id)).size, 13);
  assert.equal(new Set(wideAreaGroups.map((g) => g.prefectureCode)).size, 9);
  for (const g of wideAreaGroups) {
    assert.match(g.prefectureCode, /^\d{2}$/);
    assert.ok(g.signedOn === null || /^\d{4}-\d{2}-\d{2}$/.test(g.signedOn), g.id);
    assert.ok(g.signedOnNote?.includes('パンフレット'), g.id);
    assert.ok(g.signedOn === null || g.signedOn <= PUBLISHED_AS_OF, `${g.id} signed after the pamphlet`);
  }
  assert.equal(wideAreaGroups.reduce((s, g) => s + g.publishedMemberCount, 0), 372);
});

test('the groups cannot be altered at run time', () => {
  assert.ok(Object.isFrozen(wideAreaGroups));
  assert.ok(Object.isFrozen(wideAreaGroups[0]));
});

test('each group derived from the master data matches its published count (as of 2022-03-01)', () => {
  for (const g of wideAreaGroups) {
    assert.equal(deriveGroupMembers(g, master, [], PUBLISHED_AS_OF).length, g.publishedMemberCount, g.nameJa);
  }
});

test('the 13 groups give 372 members in total, 372 distinct codes, no overlap', () => {
  const all = wideAreaGroups.flatMap((g) => deriveGroupMembers(g, master, [], PUBLISHED_AS_OF));
  assert.equal(all.length, 372);
  assert.equal(new Set(all).size, 372);
});

test('北海道町村会 leaves out the six 北方領土 villages and every Hokkaido city', () => {
  const members = deriveGroupMembers(byId('hokkaido-chosonkai'), master, [], PUBLISHED_AS_OF);
  for (const c of NORTHERN_TERRITORIES) {
    assert.ok(master.some((m) => m.code === c && !m.isCounted), `${c} is in the master data, uncounted`);
    assert.ok(!members.includes(c), c);
  }
  const cities = master.filter((m) => m.prefectureCode === '01' && m.kind === '市');
  assert.equal(cities.length, 35);
  assert.ok(cities.every((c) => !members.includes(c.code)));
  assert.ok(!members.includes('011002'), '札幌市 (政令指定都市) is a city');
});

test('市長会 takes cities including 政令指定都市; 町村会 takes towns and villages', () => {
  const kyotoCities = deriveGroupMembers(byId('kyoto-shichokai'), master, [], PUBLISHED_AS_OF);
  assert.ok(kyotoCities.includes('261009'), '京都市');
  const nara = deriveGroupMembers(byId('nara-chosonkai'), master, [], PUBLISHED_AS_OF);
  const kinds = nara.map((c) => master.find((m) => m.code === c)?.kind);
  assert.equal(kinds.filter((k) => k === '町').length, 15);
  assert.equal(kinds.filter((k) => k === '村').length, 12);
});

test('members come back sorted', () => {
  const members = deriveGroupMembers(byId('saitama-chosonkai'), master);
  assert.deepEqual(members, [...members].sort());
});

// Small fixture for the rule itself.
const g: WideAreaGroup = { id: 'x', nameJa: 'テスト県町村会', prefectureCode: '99', kind: 'town_village_mayors', signedOn: null, publishedMemberCount: 0 };
const m = (code: string, kind: MasterMunicipality['kind'], extra: Partial<MasterMunicipality> = {}): MasterMunicipality => ({
  code, prefectureCode: '99', kind, isCounted: true, validFrom: null, validTo: null, ...extra,
});

test('exceptions add and remove members, only for their own group', () => {
  const rows = [m('990001', '町'), m('990002', '村'), m('990003', '市')];
  const members = deriveGroupMembers(g, rows, [
    { groupId: 'x', code: '990003', change: 'add', note: '市制施行後も町村会に残る' },
    { groupId: 'x', code: '990001', change: 'remove', note: '脱会' },
    { groupId: 'other', code: '990002', change: 'remove', note: '別の団体' },
  ]);
  assert.deepEqual(members, ['990002', '990003']);
});

test('validity: validTo on or before asOf excludes, validFrom after asOf excludes', () => {
  const rows = [
    m('990001', '町', { validTo: '2020-01-01' }),
    m('990002', '町', { validTo: '2022-03-01' }),
    m('990003', '町', { validTo: '2022-03-02' }),
    m('990004', '町', { validFrom: '2022-03-02' }),
    m('990005', '町', { validFrom: '2022-03-01' }),
  ];
  assert.deepEqual(deriveGroupMembers(g, rows, [], '2022-03-01'), ['990003', '990005']);
  // Without asOf: the current list, i.e. rows that have not ended.
  assert.deepEqual(deriveGroupMembers(g, rows), ['990004', '990005']);
});

test('other prefectures, special wards and uncounted rows are left out', () => {
  const rows = [m('990001', '町'), m('980001', '町', { prefectureCode: '98' }), m('990002', '特別区'), m('990003', '村', { isCounted: false })];
  assert.deepEqual(deriveGroupMembers(g, rows), ['990001']);
});

test('isValidOn rejects a date that would compare wrongly as a string', () => {
  assert.throws(() => isValidOn({ validFrom: null, validTo: null }, '2022-3-1'), RangeError);
});

test('toMasterMunicipalities drops prefectures and maps the flags', () => {
  assert.equal(master.length, 1747);
  assert.equal(master.filter((x) => x.isCounted).length, 1741);
  assert.ok(!master.some((x) => x.code === '010006'), '北海道 itself');
});
